package io.jenkins.plugins.installerpipeline.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** What a trigger's build.env may not hand to an installer build, and the sentence that says so. */
public class ProtectedVariablesTest {

    @Test
    public void variablesThatChooseWhatEveryProcessRunsAreProtectedWhateverTheirCase() {
        for (String name : List.of("PATH", "path", "PATH+EXTRA", "LD_PRELOAD", "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES",
                "BASH_ENV", "ENV", "BASH_FUNC_ls%%", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "PYTHONPATH", "NODE_OPTIONS",
                "GIT_SSH_COMMAND", "GIT_CONFIG_KEY_0", "PERL5OPT", "PIP_INDEX_URL", "pip_extra_index_url",
                "NPM_CONFIG_REGISTRY", "https_proxy", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "GIT_SSL_NO_VERIFY",
                "DOTNET_STARTUP_HOOKS", "RUSTC_WRAPPER")) {
            assertThat(ProtectedVariables.isProtected(name)).as(name).isTrue();
        }
    }

    @Test
    public void ordinaryVariablesPassIncludingKolibrisOwn() {
        for (String name : List.of("LE_KOLIBRI_RELEASE", "LE_TRIGGERED_FROM_BUILD_ID", "LE_TRIGGERED_FROM_JOB_ID",
                "KOLIBRI_VERSION", "PATHOLOGY", "LD", "MY_PATH")) {
            assertThat(ProtectedVariables.isProtected(name)).as(name).isFalse();
        }
    }

    @Test
    public void problemsNameTheTriggerAndEachVariable() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LE_KOLIBRI_RELEASE", "false");
        env.put("LD_PRELOAD", "/tmp/evil.so");
        env.put("PATH", "/tmp/bin");
        assertThat(ProtectedVariables.problems("kolibri-debian", env)).containsExactly(
                "kolibri-debian: build.env sets LD_PRELOAD, which a trigger may not hand to an installer build (it"
                        + " changes which programs the build runs, and the definition may come from a pull request);"
                        + " set it in the installer job itself",
                "kolibri-debian: build.env sets PATH, which a trigger may not hand to an installer build (it"
                        + " changes which programs the build runs, and the definition may come from a pull request);"
                        + " set it in the installer job itself");
        assertThat(ProtectedVariables.problems("kolibri-debian", Map.of("LE_KOLIBRI_RELEASE", "v1"))).isEmpty();
    }
}
