package io.jenkins.plugins.installerpipeline.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Test;

/** The shipped examples validate clean and say what the Kolibri orchestration says. */
public class KolibriExamplesTest {

    static final Path EXAMPLES = Path.of("..", "examples", "kolibri");

    private static PipelineDefinition read(String name) throws IOException {
        ReadResult result = DefinitionReader.read(EXAMPLES.resolve(name));
        assertThat(result.diagnostics().all()).as(name).isEmpty();
        return result.definition().orElseThrow();
    }

    @Test
    public void everyExampleIsValidWithoutWarnings() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> yml = files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
            assertThat(yml).extracting(p -> p.getFileName().toString()).containsExactly(
                    "kolibri-android-installer.yml", "kolibri-debian.yml", "kolibri-macos.yml",
                    "kolibri-raspbian-image.yml", "kolibri-windows.yml", "package.yml");
            for (Path p : yml) {
                read(p.getFileName().toString());
            }
        }
    }

    @Test
    public void packagePipelineTriggersEveryInstallerWithTheReleaseEnvironment() throws IOException {
        PipelineDefinition d = read("package.yml");
        List<TriggerStep> triggers = d.steps().stream().filter(s -> s instanceof TriggerStep)
                .map(s -> (TriggerStep) s).toList();
        assertThat(triggers).extracting(TriggerStep::pipeline).containsExactly("kolibri-android-installer",
                "kolibri-debian", "kolibri-windows", "kolibri-macos", "kolibri-raspbian-image");
        for (TriggerStep t : triggers) {
            assertThat(t.build().message()).contains("${BUILDKITE_MESSAGE}");
            assertThat(t.build().env()).containsExactly(
                    Map.entry("LE_TRIGGERED_FROM_BUILD_ID", "${BUILDKITE_BUILD_ID}"),
                    Map.entry("LE_TRIGGERED_FROM_JOB_ID", "${BUILDKITE_JOB_ID}"),
                    Map.entry("LE_KOLIBRI_RELEASE", "${BUILDKITE_TAG:-false}"));
        }
        assertThat(triggers.get(1).key()).contains("deb-build");
        assertThat(triggers.get(4).dependsOn()).extracting(Dependency::key).containsExactly("deb-build");
        Step last = d.steps().get(d.steps().size() - 1);
        assertThat(last.label()).contains("Upload Release Artifacts");
        assertThat(last.common().condition().orElseThrow().expression()).isEqualTo("build.tag != null");
        assertThat(d.steps().get(d.steps().size() - 2)).isInstanceOf(WaitStep.class);
        assertThat(((CommandStep) d.steps().get(0)).artifactPaths())
                .containsExactly("dist/*.whl", "dist/*.pex", "dist/*.tar.gz");
    }

    @Test
    public void everyInstallerPipelineOpensWithTheReleaseGate() throws IOException {
        for (String name : List.of("kolibri-android-installer.yml", "kolibri-windows.yml", "kolibri-macos.yml", "kolibri-debian.yml", "kolibri-raspbian-image.yml")) {
            PipelineDefinition d = read(name);
            Step first = d.steps().get(0);
            assertThat(first).as(name).isInstanceOf(BlockStep.class);
            assertThat(first.common().condition().orElseThrow().expression()).as(name)
                    .isEqualTo("build.env(\"LE_KOLIBRI_RELEASE\") == \"false\"");
            assertThat(d.steps().subList(1, d.steps().size())).as(name).allSatisfy(s -> {
                CommandStep c = (CommandStep) s;
                assertThat(String.join("\n", c.commands())).contains("--job $LE_TRIGGERED_FROM_JOB_ID");
                assertThat(c.artifactPaths()).isNotEmpty();
            });
        }
        assertThat(String.join("\n", ((CommandStep) read("kolibri-raspbian-image.yml").steps().get(1)).commands()))
                .contains("artifact download 'dist/*.deb' . --build $LE_TRIGGERED_FROM_BUILD_ID");
        assertThat(read("kolibri-windows.yml").steps()).flatExtracting(s -> s instanceof CommandStep c ? c.artifactPaths()
                : List.of()).containsExactly("dist/*-unsigned.exe", "dist/*-signed.exe");
    }
}
