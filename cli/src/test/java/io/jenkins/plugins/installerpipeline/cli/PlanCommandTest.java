package io.jenkins.plugins.installerpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PlanCommandTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static final String PACKAGE = "../examples/kolibri/package.yml";
    private static final String CHILDREN = "../examples/kolibri";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();



    @Test
    public void jsonFollowsTheDocumentedContract() throws IOException {
        CommandRun run = run("plan", PACKAGE, "--tag", "v0.17.0", "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertThat(plan.get("layers").get(0).get(0).asText()).isEqualTo("python-packages");
        JsonNode pi = plan.get("steps").get(6);
        assertThat(pi.get("type").asText()).isEqualTo("trigger");
        assertThat(pi.get("key").asText()).isEqualTo("step-7");
        assertThat(pi.get("included").asBoolean()).isTrue();
        assertThat(pi.get("depends_on").get(0).asText()).isEqualTo("deb-build");
        assertThat(pi.get("trigger").asText()).isEqualTo("kolibri-raspbian-image");
        assertThat(pi.get("async").asBoolean()).isFalse();
        assertThat(pi.get("build").get("env").get("LE_KOLIBRI_RELEASE").asText()).isEqualTo("v0.17.0");
        assertThat(plan.has("triggered")).as("only with --children").isFalse();

        JsonNode branch = new ObjectMapper().readTree(run("plan", PACKAGE, "--branch", "develop", "--format", "json").out());
        JsonNode upload = branch.get("steps").get(8);
        assertThat(upload.get("key").asText()).isEqualTo("upload-release");
        assertThat(upload.get("included").asBoolean()).isFalse();
        assertThat(upload.get("reason").asText()).isEqualTo("if: build.tag != null is false");
    }

    @Test
    public void textShowsInstallerGatesOnlyForThePullRequest() {
        CommandRun release = run("plan", PACKAGE, "--tag", "v0.17.0", "--children", CHILDREN);
        CommandRun pullRequest = run("plan", PACKAGE, "--pull-request", "13001", "--branch", "fix", "--children", CHILDREN);
        assertThat(release.exit()).isZero();
        assertThat(pullRequest.exit()).isZero();
        assertThat(release.out()).contains("kolibri-windows: builds at once, no approval gate")
                .doesNotContain("until a person approves")
                .contains("env LE_KOLIBRI_RELEASE=v0.17.0");
        assertThat(pullRequest.out()).contains("kolibri-windows: stops at \"Build :windows:?\" until a person approves")
                .contains("env LE_KOLIBRI_RELEASE=false")
                .contains("Not in this build").contains("upload-release");
    }

    @Test
    public void childOptionPlansOneTriggeredPipelineFromAnyFile() {
        CommandRun run = run("plan", PACKAGE, "--branch", "main", "--format", "json",
                "--child", "kolibri-debian=" + CHILDREN + "/kolibri-debian.yml");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"triggered\"").contains("kolibri-debian.yml").doesNotContain("kolibri-windows.yml");
    }

    @Test
    public void graphsDrawExcludedStepsApart() {
        CommandRun dot = run("plan", PACKAGE, "--branch", "develop", "--format", "dot");
        assertThat(dot.exit()).isZero();
        assertThat(dot.out()).startsWith("digraph plan {").contains("not in this build").contains("Upload Release Artifacts");
        CommandRun mermaid = run("plan", PACKAGE, "--tag", "v1", "--format", "mermaid", "--children", CHILDREN);
        assertThat(mermaid.out()).contains("\n---\nflowchart LR\n").contains("==>").doesNotContain("not in this build\"]\n  end\n  n");
    }

    @Test
    public void runTimeValuesArePlaceholdersInEveryFormatUntilGiven() throws IOException {
        CommandRun text = run("plan", PACKAGE, "--tag", "v0.17.0", "--children", CHILDREN);
        assertThat(text.out()).doesNotContain("\"\"")
                .contains("      message: <build message, set when the build runs>\n")
                .contains("      env LE_TRIGGERED_FROM_BUILD_ID=<build id, set when the build runs>\n")
                .contains("      env LE_TRIGGERED_FROM_JOB_ID=<job id, set when the build runs>\n");

        JsonNode json = new ObjectMapper().readTree(run("plan", PACKAGE, "--tag", "v0.17.0", "--format", "json").out());
        JsonNode env = json.get("steps").get(2).get("build").get("env");
        assertThat(env.get("LE_TRIGGERED_FROM_BUILD_ID").asText()).isEqualTo("<build id, set when the build runs>");
        JsonNode placeholders = json.get("context").get("run_time_placeholders");
        assertThat(placeholders.get("BUILDKITE_BUILD_ID").asText()).isEqualTo(env.get("LE_TRIGGERED_FROM_BUILD_ID")
                .asText());

        CommandRun pinned = run("plan", PACKAGE, "--tag", "v0.17.0", "--build-id", "0193-abc", "--job-id", "job-7",
                "--message", "Release v0.17.0", "--format", "json");
        JsonNode given = new ObjectMapper().readTree(pinned.out());
        JsonNode build = given.get("steps").get(2).get("build");
        assertThat(build.get("message").asText()).isEqualTo("Release v0.17.0");
        assertThat(build.get("env").get("LE_TRIGGERED_FROM_BUILD_ID").asText()).isEqualTo("0193-abc");
        assertThat(build.get("env").get("LE_TRIGGERED_FROM_JOB_ID").asText()).isEqualTo("job-7");
        assertThat(given.get("context").get("run_time_placeholders").has("BUILDKITE_BUILD_ID")).isFalse();
    }

    @Test
    public void anEnvValueForANameTheContextSetsIsIgnoredWithAWarning() {
        CommandRun run = run("plan", PACKAGE, "--tag", "v1", "--env", "BUILDKITE_BUILD_ID=42");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEqualTo("warning: --env BUILDKITE_BUILD_ID is ignored: the build context sets it;"
                + " use --build-id\n");
        assertThat(run.out()).contains("LE_TRIGGERED_FROM_BUILD_ID=<build id, set when the build runs>");
    }

    @Test
    public void aTagBuildsBranchIsTheTagUnlessABranchIsGiven() throws IOException {
        Path definition = temp.newFile("tagged.yml").toPath();
        Files.writeString(definition, "steps:\n  - command: make release\n    key: release\n    branches: \"v*\"\n");
        assertThat(run("plan", definition.toString(), "--tag", "v0.17.0").out())
                .contains("Stage 1\n  command  release").doesNotContain("Not in this build");
        assertThat(run("plan", definition.toString(), "--tag", "v0.17.0", "--branch", "release-0.17").out())
                .contains("Not in this build").contains("does not match branch 'release-0.17'");
        assertThat(run("eval", "build.branch == \"v0.17.0\"", "--tag", "v0.17.0").out()).isEqualTo("true\n");
        assertThat(run("eval", "build.branch == null", "--tag", "").out()).as("an empty tag is no tag").isEqualTo("true\n");
    }

    @Test
    public void childrenThatCannotBeFoundAreNamedAndATypoIsAnError() throws IOException {
        Path dir = temp.newFolder("children").toPath();
        Files.copy(Path.of(CHILDREN, "kolibri-debian.yml"), dir.resolve("kolibri-debian.yml"));
        Files.copy(Path.of(CHILDREN, "kolibri-windows.yml"), dir.resolve("kolibri-windows.yaml"));
        CommandRun partial = run("plan", PACKAGE, "--branch", "develop", "--children", dir.toString());
        assertThat(partial.exit()).isZero();
        assertThat(partial.out())
                .contains("kolibri-windows: stops at \"Build :windows:?\" until a person approves")
                .contains("      kolibri-macos: not planned: no kolibri-macos.yml or kolibri-macos.yaml in " + dir);
        assertThat(partial.err()).contains("warning: kolibri-macos: not planned: no kolibri-macos.yml or"
                + " kolibri-macos.yaml in " + dir).doesNotContain("kolibri-debian").doesNotContain("kolibri-windows");
        JsonNode json = new ObjectMapper().readTree(run("plan", PACKAGE, "--children", dir.toString(), "--format",
                "json").out());
        assertThat(json.get("not_planned").get("kolibri-android-installer").asText()).startsWith("no kolibri-android");

        CommandRun noDir = run("plan", PACKAGE, "--children", "/nonexistent");
        assertThat(noDir.exit()).isEqualTo(2);
        assertThat(noDir.err()).isEqualTo("error: --children /nonexistent: no such directory\n"
                + "See 'installer-pipeline plan --help'.\n");
        CommandRun typo = run("plan", PACKAGE, "--child", "kolibri-debain=" + CHILDREN + "/kolibri-debian.yml");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).startsWith("error: --child kolibri-debain: no trigger step in " + PACKAGE
                + " starts pipeline 'kolibri-debain'; it triggers kolibri-android-installer, kolibri-debian,");
        assertThat(run("plan", PACKAGE, "--child", "kolibri-debian=" + dir + "/none.yml").exit()).isEqualTo(2);
    }

    @Test
    public void everyFormatSaysWhatBuildItShows() throws IOException {
        String title = "Plan for " + PACKAGE + " (pull request 13001, branch fix-pi-image)";
        String[] pr = {"plan", PACKAGE, "--pull-request", "13001", "--branch", "fix-pi-image", "--format"};
        assertThat(run(concat(pr, "text")).out()).startsWith(title + "\n");
        assertThat(run(concat(pr, "dot")).out()).contains("  label=\"" + title + "\";\n  labelloc=t;");
        assertThat(run(concat(pr, "mermaid")).out()).startsWith("---\ntitle: \"" + title + "\"\n---\nflowchart LR\n");
        JsonNode json = new ObjectMapper().readTree(run(concat(pr, "json")).out());
        assertThat(json.get("title").asText()).isEqualTo(title);
        assertThat(json.get("context").get("pull_request").asText()).isEqualTo("13001");
        assertThat(json.get("context").get("branch").asText()).isEqualTo("fix-pi-image");
    }

    @Test
    public void theTextPlanListsTheReleaseUploadsAndWhetherTheyRun() {
        String uploads = "\nRelease uploads (what lands on the GitHub Release page)\n";
        assertThat(run("plan", PACKAGE, "--tag", "v0.17.0").out()).endsWith(uploads
                + "  upload-release  \"Upload Release Artifacts\"  if: build.tag != null  -- runs in this build\n");
        assertThat(run("plan", PACKAGE, "--branch", "develop").out()).endsWith(uploads
                + "  upload-release  \"Upload Release Artifacts\"  -- not in this build: if: build.tag != null is"
                + " false\n");
    }

    private static String[] concat(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    @Test
    public void anInvalidDefinitionExitsOneWithLocatedDiagnostics() throws IOException {
        Path bad = temp.newFile("bad.yml").toPath();
        Files.writeString(bad, "steps:\n  - command: x\n    if: build.tagg != null\n");
        CommandRun run = run("plan", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(bad + ":3:9: error:").contains("build.tagg");
    }

    @Test
    public void anUnreadableFileOrBadFormatIsAUsageError() {
        assertThat(run("plan", "no-such-file.yml").exit()).isEqualTo(2);
        assertThat(run("plan", PACKAGE, "--format", "svg").exit()).isEqualTo(2);
    }

    @Test
    public void anUnreadableTriggeredDefinitionIsNamedItself() throws IOException {
        Path latin1 = temp.newFile("debian.yml").toPath();
        Files.write(latin1, new byte[] {'s', 't', 'e', 'p', 's', ':', ' ', (byte) 0xE9, '\n'});
        CommandRun run = run("plan", PACKAGE, "--branch", "main", "--child", "kolibri-debian=" + latin1);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(latin1 + ": error: cannot read file: not UTF-8 text\n");
    }
}
