package io.jenkins.plugins.installerpipeline.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/**
 * Issue 14, ordering: the Jenkinsfile's stages come from the planner's dependency layers, so every
 * {@code depends_on}, {@code wait} and {@code block} barrier holds, and a trigger depending on a command step runs
 * after it.
 */
public class StageOrderTest {

    static final Path KOLIBRI_2019 = Path.of("src", "test", "resources", "realistic", "kolibri-2019");

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String stageBlock(String jenkinsfile, String name) {
        int start = jenkinsfile.indexOf("stage('" + name + "')");
        assertThat(start).as("stage %s in%n%s", name, jenkinsfile).isNotNegative();
        return jenkinsfile.substring(start);
    }

    @Test
    public void thePiTriggerRunsAfterTheCommandStepThatBuildsTheDeb() throws IOException {
        String yaml = read(KOLIBRI_2019.resolve("pipeline.yml"));
        for (JenkinsfileStyle style : JenkinsfileStyle.values()) {
            ConvertOptions options = ConvertOptions.defaults().withStyle(style);
            String jenkinsfile = JenkinsfileConverter.convert("pipeline.yml", yaml, options).jenkinsfile().orElseThrow();
            assertThat(GroovySyntax.problems("Jenkinsfile", jenkinsfile)).isEmpty();
            int debian = jenkinsfile.indexOf("sh '.buildkite/build_debian_pkgs.sh'");
            int pi = jenkinsfile.indexOf("buildkiteInstaller('step-6', [job: 'kolibri-raspbian-image'");
            assertThat(debian).isPositive();
            assertThat(pi).as(jenkinsfile).isGreaterThan(debian);
            // Not in the parallel block of the Debian stage: that block closes before the Pi's stage opens.
            String closing = style == JenkinsfileStyle.DECLARATIVE ? "\n            }\n        }\n" : "\n)\n";
            assertThat(jenkinsfile.indexOf(closing, debian)).isBetween(debian, jenkinsfile.indexOf("stage(':raspberry-pi:')"));
            assertThat(jenkinsfile).doesNotContain("which runs in an earlier stage");
            assertThat(StageOrder.violations(yaml, options)).isEmpty();
        }
        // The macOS trigger needs only the wait: it runs beside the Windows and Debian builds, as on Buildkite.
        String declarative = JenkinsfileConverter.convert("pipeline.yml", yaml, ConvertOptions.defaults())
                .jenkinsfile().orElseThrow();
        assertThat(declarative).contains("stage(':mac: + Build Windows installer + Build Debian Packages') {");
        assertThat(stageBlock(declarative, ":raspberry-pi:").indexOf("stage('Upload artifacts')"))
                .isPositive();
    }

    @Test
    public void aTriggerDependingOnAnotherTriggerSharesItsCallWithDependsOn() {
        // Buildkite starts the Pi image once the Debian build passed (finished or blocked): only the plugin's
        // dependsOn waits for that; a later stage would start once the Debian build merely runs.
        String yaml = """
                steps:
                  - command: make dist
                  - wait
                  - trigger: kolibri-debian
                    key: deb-build
                  - trigger: kolibri-windows
                  - trigger: kolibri-raspbian-image
                    depends_on: deb-build
                  - wait
                  - trigger: kolibri-macos
                  - block: "Release?"
                  - trigger: kolibri-android-installer
                """;
        ConversionResult result = JenkinsfileConverter.convert("pipeline.yml", yaml, ConvertOptions.defaults());
        String jenkinsfile = result.jenkinsfile().orElseThrow();
        assertThat(jenkinsfile).contains(String.join("\n",
                "triggerInstallers installers: [",
                "                        [key: 'deb-build', job: 'kolibri-debian'],",
                "                        [job: 'kolibri-windows'],",
                "                        [job: 'kolibri-raspbian-image', dependsOn: 'deb-build'],",
                "                        [job: 'kolibri-macos', dependsOn: ['deb-build', 'kolibri-windows',"
                        + " 'kolibri-raspbian-image']]",
                "                    ]"));
        // After the block, in a call of its own: it waits for the gate, and (warned) for those builds.
        assertThat(jenkinsfile.indexOf("[job: 'kolibri-android-installer', dependsOn:")).isNegative();
        assertThat(jenkinsfile.indexOf("[job: 'kolibri-android-installer']"))
                .isGreaterThan(jenkinsfile.indexOf("input message: 'Release?'"));
        assertThat(StageOrder.violations(yaml, ConvertOptions.defaults())).isEmpty();
        assertThat(result.diagnostics().warnings()).extracting(Diagnostic::format)
                .anyMatch(w -> w.startsWith("pipeline.yml:11:5: warning: 'Release?': waits for the trigger steps"
                        + " [kolibri-macos]"));
    }

    @Test
    public void anAllowedFailureBetweenTriggersOfOneCallIsPassedOnNotWarned() {
        String yaml = """
                steps:
                  - trigger: kolibri-debian
                    key: deb-build
                  - trigger: kolibri-raspbian-image
                    depends_on:
                      - step: deb-build
                        allow_failure: true
                """;
        ConversionResult result = JenkinsfileConverter.convert("pipeline.yml", yaml, ConvertOptions.defaults());
        assertThat(result.jenkinsfile().orElseThrow())
                .contains("[job: 'kolibri-raspbian-image', dependsOn: [key: 'deb-build', allowFailure: true]]");
        assertThat(result.diagnostics().warnings()).isEmpty();
        assertThat(StageOrder.violations(yaml, ConvertOptions.defaults())).isEmpty();
    }

    @Test
    public void aStepWaitingForATriggerOfAnEarlierCallIsFlagged() {
        String yaml = """
                steps:
                  - trigger: kolibri-debian
                    key: deb-build
                  - label: Test the deb
                    key: test
                    command: make test-deb
                    depends_on: deb-build
                  - trigger: kolibri-raspbian-image
                    depends_on: [deb-build, test]
                """;
        ConversionResult result = JenkinsfileConverter.convert("pipeline.yml", yaml, ConvertOptions.defaults());
        assertThat(StageOrder.violations(yaml, ConvertOptions.defaults())).isEmpty();
        assertThat(result.diagnostics().warnings()).extracting(Diagnostic::format)
                .anyMatch(w -> w.startsWith("pipeline.yml:4:5: warning: 'test': waits for the trigger steps"
                        + " [kolibri-debian]"))
                .anyMatch(w -> w.startsWith("pipeline.yml:8:5: warning: trigger step at 8:5: waits for the trigger steps"
                        + " [kolibri-debian]"));
        String jenkinsfile = result.jenkinsfile().orElseThrow();
        assertThat(jenkinsfile.indexOf("make test-deb")).isLessThan(jenkinsfile.indexOf("kolibri-raspbian-image"));
    }

    @Test
    public void waitsBlocksGroupsAndDependsOnHoldInEveryShippedAndTestedDefinition() throws IOException {
        List<String> definitions = new ArrayList<>();
        try (var files = Files.list(Path.of("..", "examples", "kolibri"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                definitions.add(read(f));
            }
        }
        definitions.add(read(KOLIBRI_2019.resolve("pipeline.yml")));
        definitions.add("""
                steps:
                  - group: Build
                    key: build
                    steps:
                      - command: make a
                        key: a
                      - command: make b
                        key: b
                  - block: Ship?
                  - command: make ship
                    key: ship
                  - command: make docs
                    depends_on: ~
                  - trigger: kolibri-debian
                    depends_on: build
                """);
        for (String yaml : definitions) {
            for (JenkinsfileStyle style : JenkinsfileStyle.values()) {
                assertThat(StageOrder.violations(yaml, ConvertOptions.defaults().withStyle(style))).as(yaml).isEmpty();
            }
        }
    }

    @Test
    public void theOrderCheckFindsAStageThatRunsTooEarly() {
        // The check used everywhere here can fail: a layout that puts a dependant beside its dependency is caught.
        String yaml = "steps:\n  - command: a\n    key: a\n  - command: b\n    depends_on: a\n";
        assertThat(StageOrder.violations(yaml, ConvertOptions.defaults())).isEmpty();
        assertThat(StageOrder.violations("steps:\n  - command: a\n", ConvertOptions.defaults())).isEmpty();
    }

    /**
     * Random definitions (commands, triggers, waits, blocks, groups, depends_on, conditions): the converted stages
     * keep every ordering of the plan, and each Jenkinsfile parses.
     */
    @Test
    public void generatedDefinitionsKeepThePlansOrder() {
        Random random = new Random(14);
        for (int n = 0; n < 300; n++) {
            String yaml = randomDefinition(random);
            ConversionResult result = JenkinsfileConverter.convert("pipeline.yml", yaml, ConvertOptions.defaults());
            assertThat(result.diagnostics().errors()).as(yaml).isEmpty();
            assertThat(StageOrder.violations(yaml, ConvertOptions.defaults())).as(yaml).isEmpty();
            assertThat(GroovySyntax.problems("Jenkinsfile", result.jenkinsfile().orElseThrow())).as(yaml).isEmpty();
        }
    }

    private static String randomDefinition(Random random) {
        StringBuilder yaml = new StringBuilder("steps:\n");
        List<String> keys = new ArrayList<>();
        int steps = 2 + random.nextInt(12);
        boolean inGroup = false;
        String group = "";
        for (int i = 0; i < steps; i++) {
            int kind = random.nextInt(20);
            String indent = inGroup ? "      " : "  ";
            if (kind < 2 && !inGroup && i > 0) {
                yaml.append("  - wait\n");
                continue;
            }
            if (kind == 2 && !inGroup) {
                yaml.append("  - block: Go").append(i).append("?\n    key: s").append(i).append('\n');
                keys.add("s" + i);
                continue;
            }
            if (kind == 3 && !inGroup) {
                yaml.append("  - group: G").append(i).append("\n    key: s").append(i).append("\n    steps:\n");
                keys.add("s" + i);
                group = "s" + i;
                inGroup = true;
                indent = "      ";
            } else if (kind == 4 && inGroup) {
                inGroup = false;
                indent = "  ";
            }
            String key = "s" + i + "x";
            if (kind < 11) {
                yaml.append(indent).append("- command: make ").append(i).append('\n');
            } else {
                yaml.append(indent).append("- trigger: pipeline-").append(i).append('\n');
                if (random.nextInt(4) == 0) {
                    yaml.append(indent).append("  async: true\n");
                }
            }
            yaml.append(indent).append("  key: ").append(key).append('\n');
            int condition = random.nextInt(8);
            if (condition == 0) {
                yaml.append(indent).append("  if: build.tag != null\n");
            } else if (condition == 1) {
                yaml.append(indent).append("  branches: main release-*\n");
            }
            String own = inGroup ? group : "";
            List<String> earlier = keys.stream().filter(k -> !k.equals(own) && random.nextInt(3) == 0).toList();
            if (!earlier.isEmpty() && random.nextBoolean()) {
                yaml.append(indent).append("  depends_on:\n");
                for (String k : earlier) {
                    yaml.append(indent).append("    - ").append(k).append('\n');
                }
            }
            keys.add(key);
        }
        return yaml.toString();
    }
}
