package io.jenkins.plugins.installerpipeline.convert;

import static org.assertj.core.api.Assertions.assertThat;

import groovy.lang.GroovyShell;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import java.util.Map;
import org.junit.Test;

/** What each Buildkite construct becomes, and the warnings for what has no faithful Jenkins form. */
public class JenkinsfileConverterTest {

    private static ConversionResult convert(String yaml, ConvertOptions options) {
        ConversionResult result = JenkinsfileConverter.convert("pipeline.yml", yaml, options);
        result.jenkinsfile().ifPresent(j -> {
            assertThat(GroovySyntax.problems("Jenkinsfile", j)).as(j).isEmpty();
            // The stages keep every ordering the planner derives, in every definition these tests convert.
            assertThat(StageOrder.violations(yaml, options)).as(yaml).isEmpty();
        });
        return result;
    }

    private static String declarative(String yaml) {
        return convert(yaml, ConvertOptions.defaults()).jenkinsfile().orElseThrow();
    }

    private static String scripted(String yaml) {
        return convert(yaml, ConvertOptions.defaults().withStyle(JenkinsfileStyle.SCRIPTED)).jenkinsfile().orElseThrow();
    }

    @Test
    public void theGroovyCheckRejectsBrokenGroovy() {
        // The parse check used on every generated Jenkinsfile can fail.
        assertThat(GroovySyntax.problems("Jenkinsfile", "pipeline { stages { stage('x') { steps { sh 'a' }")).isPresent();
        assertThat(GroovySyntax.problems("Jenkinsfile", "sh 'unterminated")).isPresent();
    }

    @Test
    public void commandStepKeepsAgentEnvTimeoutRetrySoftFailAndArtifacts() {
        String yaml = """
                steps:
                  - label: Test
                    command: make test
                    env:
                      PYTHON: "3.12"
                    agents:
                      queue: linux
                    timeout_in_minutes: 30
                    retry:
                      automatic:
                        limit: 2
                    soft_fail: true
                    artifact_paths: "reports/*.xml"
                """;
        assertThat(declarative(yaml)).contains("""
                        stage('Test') {
                            agent { label 'linux' }
                            environment {
                                PYTHON = '3.12'
                            }
                            steps {
                                catchError(buildResult: 'SUCCESS', stageResult: 'UNSTABLE') {
                                    retry(3) {
                                        timeout(time: 30, unit: 'MINUTES') {
                                            sh 'make test'
                                        }
                                    }
                                }
                            }
                            post {
                                always {
                                    archiveArtifacts artifacts: 'reports/*.xml', allowEmptyArchive: true
                                }
                            }
                        }
                """);
        assertThat(scripted(yaml)).contains("node('linux') {", "withEnv(['PYTHON=3.12']) {", "} finally {");
    }

    @Test
    public void commandsRunAsOneScriptAsBuildkiteHandsItToTheShell() throws Exception {
        // Quotes and backslashes kept; Buildkite's escapes resolved; its variables read under their Jenkins names.
        String yaml = """
                steps:
                  - command:
                      - cd dist
                      - echo 'it'"'"'s' "$$HOME" \\\\ ${BUILDKITE_TAG:-none}
                """;
        String jenkinsfile = declarative(yaml);
        int start = jenkinsfile.indexOf("sh '''") + "sh '''".length();
        int end = jenkinsfile.indexOf("'''", start);
        String script = (String) new GroovyShell().evaluate("'''" + jenkinsfile.substring(start, end) + "'''");
        assertThat(script).isEqualTo("\ncd dist\necho 'it'\"'\"'s' \"$HOME\" \\\\ ${TAG_NAME:-none}\n"
                + " ".repeat(16));
    }

    @Test
    public void everyStringReachesJenkinsAsBuildkitesUploadLeavesIt() {
        // Top-level and step env, labels, artifact paths and commands: escapes resolved, Buildkite's variables read
        // through their Jenkins equivalents, and what has none is said.
        String yaml = """
                env:
                  DEPLOY_BRANCH: "${BUILDKITE_BRANCH}"
                  NOTE: "built by $$USER"
                  COMMIT_MESSAGE: "${BUILDKITE_MESSAGE}"
                steps:
                  - label: "Build $$1"
                    command: echo "$$HOME" "\\$PATH" > "reports/$$CHANNEL.txt"
                    env:
                      CHANNEL: "${BUILDKITE_TAG:-nightly}"
                    artifact_paths: "reports/${BUILDKITE_BUILD_NUMBER}/*.txt"
                """;
        ConversionResult result = convert(yaml, ConvertOptions.defaults());
        assertThat(result.jenkinsfile().orElseThrow()).contains(String.join("\n",
                        "    environment {",
                        "        DEPLOY_BRANCH = \"${env.CHANGE_BRANCH ?: env.BRANCH_NAME ?: ''}\"",
                        "        NOTE = 'built by $USER'",
                        "        COMMIT_MESSAGE = \"${env.BUILDKITE_MESSAGE ?: ''}\"",
                        "    }"),
                "stage('Build $1') {",
                "CHANNEL = \"${env.TAG_NAME ?: 'nightly'}\"",
                "sh 'echo \"$HOME\" \"$PATH\" > \"reports/$CHANNEL.txt\"'",
                "archiveArtifacts artifacts: \"reports/${env.BUILD_NUMBER ?: ''}/*.txt\", allowEmptyArchive: true");
        assertThat(result.diagnostics().warnings()).extracting(Diagnostic::format).containsExactly(
                "pipeline.yml:4:20: warning: env: $BUILDKITE_MESSAGE is set by Buildkite and has no Jenkins"
                        + " equivalent, so it is empty here: set it in the Jenkinsfile's environment, or drop it");
        assertThat(scripted(yaml)).contains("withEnv([\"DEPLOY_BRANCH=${env.CHANGE_BRANCH ?: env.BRANCH_NAME ?: ''}\","
                + " 'NOTE=built by $USER', \"COMMIT_MESSAGE=${env.BUILDKITE_MESSAGE ?: ''}\"]) {");
    }

    @Test
    public void tagConditionBecomesBuildingTagAndOtherConditionsAskTheEngine() {
        String yaml = """
                steps:
                  - label: Release
                    command: make release
                    if: build.tag != null
                  - label: Nightly
                    command: make nightly
                    if: build.source == "schedule"
                  - label: Main only
                    command: make docs
                    branches: main
                """;
        String d = declarative(yaml);
        assertThat(d).contains("buildingTag()")
                .contains("buildkitePlan = readPipelineDefinition file: 'pipeline.yml'")
                .contains("expression { included('step-2') }")
                .contains("expression { included('step-3') }")
                .contains("boolean included(String key) {");
        String s = scripted(yaml);
        assertThat(s).contains("if (env.TAG_NAME) {", "if (included('step-2')) {");
        String custom = convert(yaml, ConvertOptions.defaults().withDefinitionPath(".buildkite/pipeline.yml"))
                .jenkinsfile().orElseThrow();
        assertThat(custom).contains("readPipelineDefinition file: '.buildkite/pipeline.yml'");
    }

    @Test
    public void withoutEngineConditionsNoDefinitionIsRead() {
        assertThat(declarative("steps:\n  - command: make\n")).doesNotContain("readPipelineDefinition", "included(");
    }

    @Test
    public void stepsOfOneLayerRunInParallelAndWaitOrdersThem() {
        String yaml = """
                steps:
                  - label: A
                    command: a
                  - label: B
                    command: b
                  - wait
                  - label: C
                    command: c
                """;
        String d = declarative(yaml);
        assertThat(d).contains("stage('A + B') {\n            parallel {\n                stage('A') {");
        assertThat(d.indexOf("stage('C')")).isGreaterThan(d.indexOf("stage('B')"));
        assertThat(scripted(yaml)).contains("parallel(\n    'A': {\n        stage('A') {");
    }

    @Test
    public void unconditionalBlockBecomesInputWithParametersAndSubmitters() {
        String yaml = """
                steps:
                  - block: Release?
                    prompt: Fill in the release details
                    allowed_teams: [release-managers]
                    fields:
                      - text: Version
                        key: version
                        hint: Like 0.17.0
                      - select: Channel
                        key: channel
                        default: beta
                        options:
                          - label: Beta
                            value: beta
                          - label: Stable
                            value: stable
                """;
        assertThat(declarative(yaml)).contains("""
                input message: 'Fill in the release details', submitter: 'release-managers', parameters: [
                                    string(name: 'version', defaultValue: '', description: 'Version: Like 0.17.0'),
                                    choice(name: 'channel', choices: ['beta', 'stable'], description: 'Channel')
                                ]""");
    }

    @Test
    public void conditionalBlockBecomesBlockUnlessTag() {
        String yaml = """
                steps:
                  - block: "Build?"
                    if: build.env("LE_KOLIBRI_RELEASE") == "false"
                  - command: make
                """;
        assertThat(declarative(yaml))
                .contains("blockUnlessTag condition: 'build.env(\"LE_KOLIBRI_RELEASE\") == \"false\"', message: 'Build?'\n")
                .doesNotContain("waitForDependencies")
                .doesNotContain("when {");
    }

    @Test
    public void triggerMetaDataIsPassedOnWithoutAWarning() {
        String yaml = """
                steps:
                  - trigger: kolibri-windows
                    build:
                      meta_data:
                        release-version: "0.17.0"
                """;
        ConversionResult result = convert(yaml, ConvertOptions.defaults());
        assertThat(result.jenkinsfile().orElseThrow()).contains("metaData: ['release-version': '0.17.0']");
        assertThat(result.diagnostics().warnings()).isEmpty();
    }

    @Test
    public void triggersBecomeOneCallWithKeysLabelsBranchEnvAsyncAndConditions() {
        String yaml = """
                steps:
                  - trigger: kolibri-windows
                    label: Windows
                    key: win
                    async: true
                    build:
                      branch: release-v0.17.x
                      env:
                        LE_KOLIBRI_RELEASE: "false"
                  - trigger: kolibri-raspbian-image
                    depends_on: win
                """;
        ConvertOptions options = ConvertOptions.defaults().withJobs(Map.of("kolibri-windows", "/installers/windows"));
        String d = convert(yaml, options).jenkinsfile().orElseThrow();
        assertThat(d).contains("[key: 'win', job: 'kolibri-windows', label: 'Windows', branch: 'release-v0.17.x',"
                        + " env: [LE_KOLIBRI_RELEASE: 'false'], async: true]",
                "[job: 'kolibri-raspbian-image', dependsOn: 'win']",
                "jobs: ['kolibri-windows': '/installers/windows']");
        String conditional = declarative("""
                steps:
                  - trigger: kolibri-debian
                    if: build.tag != null
                  - trigger: kolibri-macos
                """);
        assertThat(conditional).contains("script {", "def installers = []",
                "if (env.TAG_NAME) { installers << [job: 'kolibri-debian'] }",
                "installers << [job: 'kolibri-macos']", "triggerInstallers installers: installers");
    }

    @Test
    public void aDependencyOnATriggerThisBuildMayLeaveOutIsNamedOnlyWhenItIsIn() throws Exception {
        // Buildkite treats a step that is not in the build as passed; a dependsOn naming a missing entry would fail.
        String yaml = """
                steps:
                  - trigger: kolibri-debian
                    key: deb-build
                    if: build.tag != null
                  - trigger: kolibri-raspbian-image
                    depends_on: deb-build
                """;
        String d = declarative(yaml);
        String entry = "[job: 'kolibri-raspbian-image', dependsOn: [] + (env.TAG_NAME ? ['deb-build'] : [])]";
        assertThat(d).contains("if (env.TAG_NAME) { installers << [key: 'deb-build', job: 'kolibri-debian'] }",
                "installers << " + entry);
        for (String tag : new String[] {"v0.17.0", null}) {
            groovy.lang.Binding binding = new groovy.lang.Binding();
            binding.setVariable("env", tag == null ? Map.of() : Map.of("TAG_NAME", tag));
            Object dependsOn = ((Map<?, ?>) new GroovyShell(binding).evaluate(entry)).get("dependsOn");
            assertThat(dependsOn).asList().isEqualTo(tag == null ? java.util.List.of() : java.util.List.of("deb-build"));
        }
    }

    @Test
    public void interpolatedTriggerValuesComeFromTheEnginesPlanAndTheTriggersHoldNoExecutor() {
        // Inline entries are passed as written, so ${...} would reach the installers literally: the values come
        // from the plan readPipelineDefinition makes in a short first stage; triggerInstallers runs outside any node.
        String yaml = """
                steps:
                  - trigger: kolibri-debian
                    key: deb-build
                    build:
                      env:
                        LE_KOLIBRI_RELEASE: "${BUILDKITE_TAG:-false}"
                  - trigger: kolibri-macos
                    build:
                      env:
                        LE_KOLIBRI_RELEASE: "false"
                """;
        ConvertOptions options = ConvertOptions.defaults().withDefinitionPath(".buildkite/pipeline.yml");
        String d = convert(yaml, options).jenkinsfile().orElseThrow();
        assertThat(d).doesNotContain("triggerInstallers definition:", "BUILDKITE_TAG", "boolean included(")
                .contains("""
                                stage('Read pipeline definition') {
                                    agent any
                                    steps {
                                        script {
                                            buildkitePlan = readPipelineDefinition file: '.buildkite/pipeline.yml'
                                        }
                                    }
                                }
                                stage('Trigger installers') {
                                    steps {
                                        script {
                                            triggerInstallers installers: [
                                                buildkiteInstaller('deb-build', [key: 'deb-build', job: 'kolibri-debian']),
                                                [job: 'kolibri-macos', env: [LE_KOLIBRI_RELEASE: 'false']]
                                            ]
                                        }
                                    }
                                }
                        """.indent(-8).indent(8))
                .contains("Map buildkiteInstaller(String key, Map entry) {", "entry.env = step.build.env");
        String s = convert(yaml, options.withStyle(JenkinsfileStyle.SCRIPTED)).jenkinsfile().orElseThrow();
        assertThat(s).contains("""
                stage('Read pipeline definition') {
                    node {
                        checkout scm
                        buildkitePlan = readPipelineDefinition file: '.buildkite/pipeline.yml'
                    }
                }
                stage('Trigger installers') {
                    triggerInstallers installers: [""");
        assertThat(s.substring(s.indexOf("stage('Trigger installers')"))).doesNotContain("node");
    }

    @Test
    public void aStepWaitingForNonAsyncTriggersIsFlagged() {
        String yaml = """
                steps:
                  - trigger: kolibri-debian
                  - trigger: kolibri-macos
                    async: true
                  - wait
                  - label: Publish
                    command: make publish
                """;
        assertThat(convert(yaml, ConvertOptions.defaults()).diagnostics().warnings()).extracting(Diagnostic::format)
                .singleElement().asString()
                .startsWith("pipeline.yml:6:5: warning: 'Publish': waits for the trigger steps [kolibri-debian], which");
        assertThat(convert(yaml.replace("  - trigger: kolibri-debian\n", ""), ConvertOptions.defaults())
                .diagnostics().warnings()).isEmpty();
    }

    @Test
    public void constructsWithoutJenkinsFormAreCommentsAndWarningsWithTheirLine() {
        String yaml = """
                notify:
                  - email: dev@example.org
                steps:
                  - label: Matrix
                    command: make
                    matrix: ["a", "b"]
                    plugins:
                      - docker#v5.0.0:
                          image: python
                    concurrency: 1
                    concurrency_group: deploy
                  - command: buildkite-agent pipeline upload .buildkite/more.yml
                  - command: buildkite-agent meta-data set x y
                """;
        ConversionResult result = convert(yaml, ConvertOptions.defaults());
        assertThat(result.diagnostics().hasErrors()).isFalse();
        assertThat(result.diagnostics().warnings()).extracting(Diagnostic::format)
                .anyMatch(w -> w.startsWith("pipeline.yml:1:1: warning: notify is not converted"))
                .anyMatch(w -> w.startsWith("pipeline.yml:4:") && w.contains("matrix"))
                .anyMatch(w -> w.startsWith("pipeline.yml:8:") && w.contains("plugin docker#v5.0.0"))
                .anyMatch(w -> w.startsWith("pipeline.yml:4:") && w.contains("concurrency 1 in group 'deploy'"))
                .anyMatch(w -> w.startsWith("pipeline.yml:12:14: warning:") && w.contains("pipeline upload"))
                .anyMatch(w -> w.startsWith("pipeline.yml:13:14: warning:") && w.contains("meta-data set"));
        assertThat(result.jenkinsfile().orElseThrow())
                .contains("// not converted: notify", "// not converted: matrix",
                        "// not converted: buildkite-agent pipeline upload .buildkite/more.yml")
                .doesNotContain("sh 'buildkite-agent");
    }

    @Test
    public void artifactLinesAreReplacedWhereTheIntentIsClear() {
        String yaml = """
                steps:
                  - key: build
                    command:
                      - buildkite-agent artifact download "dist/*.whl" wheels/ --build "$LE_TRIGGERED_FROM_BUILD_ID"
                      - make
                      - buildkite-agent artifact upload 'out/*.exe'
                  - command: buildkite-agent artifact download 'dist/*.whl' . && make
                """;
        ConversionResult result = convert(yaml, ConvertOptions.defaults());
        String jenkinsfile = result.jenkinsfile().orElseThrow();
        assertThat(jenkinsfile).containsPattern("dir\\('wheels'\\) \\{\n *fetchUpstreamArtifacts includes: 'dist/\\*.whl'\n")
                .contains("archiveArtifacts artifacts: 'out/*.exe'\n")
                // declarative needs a step in every steps block
                .contains("echo 'Nothing to run here: see the comments above.'");
        assertThat(result.diagnostics().warnings()).extracting(Diagnostic::format)
                .containsExactly("pipeline.yml:7:14: warning: not converted in command step at 7:5:"
                        + " buildkite-agent artifact download 'dist/*.whl' . && make: the line does more than call"
                        + " buildkite-agent: kept as a comment");
    }

    @Test
    public void buildkiteAttributesWithoutAJenkinsFormAreWarnedAbout() {
        ConversionResult result = convert("""
                secrets: [API_TOKEN]
                steps:
                  - command: make docs
                    if_changed: "docs/**"
                """, ConvertOptions.defaults());
        assertThat(result.jenkinsfile()).isPresent();
        assertThat(result.diagnostics().all()).extracting(Diagnostic::format).contains(
                "pipeline.yml:1:1: warning: secrets is not converted: bind Jenkins credentials with withCredentials",
                "pipeline.yml:4:5: warning: command step at 3:5: if_changed is not converted: declarative when { changeset"
                        + " '...' } is close (it compares with the previous build's changes, not with a base branch)");
    }

    @Test
    public void invalidDefinitionGivesErrorsAndNoJenkinsfile() {
        ConversionResult result = convert("steps:\n  - command: make\n    timeout_in_minutes: soon\n",
                ConvertOptions.defaults());
        assertThat(result.jenkinsfile()).isEmpty();
        assertThat(result.diagnostics().errors()).extracting(Diagnostic::format)
                .anyMatch(e -> e.startsWith("pipeline.yml:3:") && e.contains("soon"));
    }

    @Test
    public void stageNamesAreUniqueAndQuoted() {
        String d = declarative("""
                steps:
                  - label: "Bob's build"
                    command: a
                  - wait
                  - label: "Bob's build"
                    command: b
                """);
        assertThat(d).contains("stage('Bob\\'s build') {", "stage('Bob\\'s build (2)') {");
    }

    @Test
    public void manyStagesOfOneLabelCountUpPastNamesAlreadyTaken() {
        StringBuilder yaml = new StringBuilder("steps:\n  - label: \"Build (3)\"\n    command: x\n");
        for (int i = 0; i < 5; i++) {
            yaml.append("  - wait\n  - label: Build\n    command: b").append(i).append('\n');
        }
        assertThat(declarative(yaml.toString())).contains("stage('Build (3)') {", "stage('Build') {",
                "stage('Build (2)') {", "stage('Build (4)') {", "stage('Build (5)') {", "stage('Build (6)') {");
    }

    @Test
    public void parallelStagesGetNamesNoOtherStageHas() {
        // Both parallel layers would be called "a + b + c" by their stages' names.
        String d = declarative("""
                steps:
                  - label: "a + b"
                    command: x
                  - label: c
                    command: x
                  - wait
                  - label: a
                    command: x
                  - label: "b + c"
                    command: x
                """);
        assertThat(d).contains("stage('a + b + c') {", "stage('a + b + c (parallel)') {");
    }

    @Test
    public void aCommandLineIsLocatedWithinItsOwnStep() {
        // The first step's line is written with escapes, so its text is not in the file as such; the same text in the
        // next step must not be taken for it.
        ConversionResult result = convert("""
                steps:
                  - label: first
                    command: "buildkite-agent meta-data set x \\"1\\""
                  - label: second
                    command: buildkite-agent meta-data set x "1"
                """, ConvertOptions.defaults());
        assertThat(result.diagnostics().warnings()).extracting(Diagnostic::format)
                .anyMatch(w -> w.startsWith("pipeline.yml:2:1: warning: not converted in 'first'"))
                .anyMatch(w -> w.startsWith("pipeline.yml:5:14: warning: not converted in 'second'"));
    }
}
