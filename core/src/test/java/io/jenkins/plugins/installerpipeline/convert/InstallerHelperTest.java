package io.jenkins.plugins.installerpipeline.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GroovyShell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The {@code buildkiteInstaller} helper a converted Jenkinsfile defines, run with Groovy against plans such as
 * {@code readPipelineDefinition} returns: the build values come from the definition, but which job starts stays the
 * Jenkinsfile's decision (a definition can come from a pull request).
 */
public class InstallerHelperTest {

    private static final String DEFINITION = """
            steps:
              - label: Debian
                key: deb-build
                trigger: kolibri-debian
                build:
                  message: "${BUILDKITE_MESSAGE}"
                  env:
                    LE_KOLIBRI_RELEASE: "${BUILDKITE_TAG:-false}"
            """;

    /** The helper's source, cut from the generated Jenkinsfile. */
    private static String helper() {
        String jenkinsfile = JenkinsfileConverter.convert("pipeline.yml", DEFINITION,
                ConvertOptions.defaults().withStyle(JenkinsfileStyle.SCRIPTED)).jenkinsfile().orElseThrow();
        int start = jenkinsfile.indexOf("Map buildkiteInstaller(");
        int end = jenkinsfile.indexOf("\n}\n", start) + 3;
        assertThat(start).as("the Jenkinsfile defines the helper").isNotNegative();
        return jenkinsfile.substring(start, end);
    }

    private static Map<String, Object> plan(String trigger) {
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("message", "Bump version");
        build.put("env", Map.of("LE_KOLIBRI_RELEASE", "v0.18.0"));
        build.put("meta_data", Map.of());
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("key", "deb-build");
        step.put("trigger", trigger);
        step.put("build", build);
        List<Object> steps = new ArrayList<>(List.of(step));
        return Map.of("steps", steps);
    }

    private static Object run(Map<String, Object> plan) {
        Binding binding = new Binding();
        binding.setVariable("buildkitePlan", plan);
        // The Pipeline step `error` fails the build with its message.
        binding.setVariable("error", new Closure<Void>(null) {
            @SuppressWarnings("unused")
            public Void doCall(Object message) {
                throw new IllegalStateException(String.valueOf(message));
            }
        });
        return new GroovyShell(binding).evaluate(helper() + "\nbuildkiteInstaller('deb-build', [key: 'deb-build',"
                + " job: 'kolibri-debian'])");
    }

    @Test
    public void theEntryTakesTheDefinitionsBuildValuesForTheJobTheJenkinsfileNames() {
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) run(plan("kolibri-debian"));
        assertThat(entry).containsEntry("job", "kolibri-debian").containsEntry("message", "Bump version")
                .containsEntry("env", Map.of("LE_KOLIBRI_RELEASE", "v0.18.0"));
    }

    @Test
    public void aDefinitionThatNamesAnotherJobFailsTheBuild() {
        assertThatThrownBy(() -> run(plan("../ops/deploy-production")))
                .hasMessageContaining("buildkiteInstaller: the definition's trigger step 'deb-build' starts"
                        + " ../ops/deploy-production, not kolibri-debian as when this Jenkinsfile was converted");
    }
}
