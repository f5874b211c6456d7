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
        assertThat(mermaid.out()).startsWith("flowchart LR").contains("==>").doesNotContain("not in this build\"]\n  end\n  n");
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
