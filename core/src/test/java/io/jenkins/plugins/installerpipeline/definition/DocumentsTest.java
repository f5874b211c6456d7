package io.jenkins.plugins.installerpipeline.definition;

import static io.jenkins.plugins.installerpipeline.definition.Yaml.diagnostics;
import static io.jenkins.plugins.installerpipeline.definition.Yaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.Test;

/**
 * The shapes a whole file may take, read as Buildkite's agent reads them (go-pipeline's {@code ParseAll} and
 * {@code Pipeline.UnmarshalOrdered}, the agent's {@code pipeline upload}).
 */
public class DocumentsTest {

    @Test
    public void aTopLevelListIsTheSteps() {
        PipelineDefinition d = valid("""
                - command: make
                  key: build
                - wait
                - {trigger: deploy, depends_on: build}
                """);
        assertThat(d.steps()).extracting(Step::typeName).containsExactly("command", "wait", "trigger");
        assertThat(d.steps().get(2).dependsOn()).extracting(Dependency::key).containsExactly("build");
    }

    @Test
    public void noStepsUploadsAnEmptyPipeline() {
        assertThat(diagnostics("env: {A: b}\n")).containsExactly(
                "p.yml:1:1: warning: the pipeline has no 'steps': Buildkite uploads it as a pipeline without steps");
        assertThat(diagnostics("env: {A: b}\nsteps:\n")).containsExactly(
                "p.yml:2:7: warning: 'steps' has no value: Buildkite uploads it as a pipeline without steps");
        assertThat(valid("steps:\n").steps()).isEmpty();
        assertThat(diagnostics("steps: []\n")).isEmpty();
    }

    @Test
    public void aFileOfCommentsUploadsNothing() {
        assertThat(diagnostics("# nothing yet\n\n")).containsExactly("p.yml:1:1: warning: the file holds no YAML"
                + " document, only comments or blank lines: Buildkite's agent uploads nothing from it");
        assertThat(valid("# nothing yet\n").steps()).isEmpty();
    }

    @Test
    public void anEmptyDocumentIsRefused() {
        // go-pipeline: "unmarshaling Pipeline: unsupported type <nil>", and the agent stops.
        assertThat(diagnostics("---\n")).containsExactly("p.yml:2:1: error: the YAML document is empty: Buildkite's"
                + " agent refuses to upload it (remove the empty document, or give it steps)");
    }

    @Test
    public void everyDocumentIsAnUploadAndLaterUploadsRunFirst() {
        PipelineDefinition d = valid("""
                steps:
                  - {key: first, command: a}
                ---
                steps:
                  - {key: second, command: b, depends_on: first}
                ---
                - {key: third, command: c}
                """);
        assertThat(d.steps()).extracting(s -> s.key().orElseThrow()).containsExactly("third", "second", "first");
        assertThat(diagnostics("steps: [wait]\n---\nsteps: [wait]\n")).containsExactly("p.yml:3:1: warning: YAML"
                + " document 2 of 2: Buildkite's agent uploads each document as a pipeline of its own, and each upload"
                + " goes right after the job that uploads it, so these steps run before those of the documents above");
    }

    @Test
    public void aDuplicateKeyAcrossDocumentsIsRefusedLikeOneInADocument() {
        assertThat(diagnostics("steps: [{key: a, command: x}]\n---\nsteps: [{key: a, command: y}]\n"))
                .filteredOn(line -> line.contains("error"))
                .containsExactly("p.yml:3:15: error: The key \"a\" has already been used by another step in this"
                        + " build (first at p.yml:1:15)");
    }

    @Test
    public void aLaterDocumentsEnvIsAppliedToAllButSaysSo() {
        ReadResult result = Yaml.read("""
                env: {A: "1"}
                steps: [{command: x}]
                ---
                env: {A: "2", B: "3"}
                steps: [{command: y}]
                """);
        assertThat(result.definition().orElseThrow().env()).containsExactly(Map.entry("A", "1"), Map.entry("B", "3"));
        assertThat(result.diagnostics().all()).extracting(d -> d.format()).contains("p.yml:4:1: warning: top-level"
                + " env of YAML document 2: Buildkite applies it to this document's steps only; this reader applies it"
                + " to every step, where the documents above do not set the same name");
    }

    @Test
    public void topLevelKeysBuildkiteReadsAreNotUnknown() {
        PipelineDefinition d = valid("""
                env: {A: b}
                agents: {queue: linux}
                notify: [github_check]
                secrets: [API_TOKEN]
                image: "node:20"
                priority: 5
                steps: [wait]
                """);
        assertThat(d.extras()).extracting(ExtraAttribute::name).containsExactly("secrets", "image", "priority");
        assertThat(diagnostics("env: {A: b}\nagents: [queue=linux]\nsecrets: {T: X}\nimage: x\npriority: 1\n"
                + "notify: []\nsteps: [wait]\n")).isEmpty();
    }

    @Test
    public void anUnknownTopLevelKeyIsIgnoredByBuildkiteUnlessItHoldsAnAnchor() {
        assertThat(diagnostics("colour: blue\nsteps: [wait]\n")).containsExactly("p.yml:1:1: warning: unknown"
                + " top-level key 'colour': Buildkite ignores it (it reads agents, checkout, env, image, notify,"
                + " priority, secrets, steps)");
        assertThat(diagnostics("defaults: &defaults {label: Test}\nsteps:\n  - command: x\n    <<: *defaults\n"))
                .isEmpty();
    }

    @Test
    public void pipelineLevelEnvThatIsNotAMappingStopsTheAgent() {
        assertThat(diagnostics("env: [A=1]\nsteps: [wait]\n")).containsExactly(
                "p.yml:1:6: error: env must be a mapping of names to values, not a list");
    }

    @Test
    public void jsonIndentedWithTabsIsReadAsTheAgentReadsIt() {
        // libyaml (yaml.v3) skips tabs between tokens in flow context; SnakeYAML alone refuses them.
        PipelineDefinition d = valid("{\n\t\"steps\": [\n\t\t{\"command\": \"make\tall\", \"key\": \"a\"},\n"
                + "\t\t\"wait\", {\"label\": \"don't\",\t\"command\": \"x\"}\n\t]\n}\n");
        assertThat(d.steps()).extracting(Step::typeName).containsExactly("command", "wait", "command");
        assertThat(((CommandStep) d.steps().get(0)).commands()).containsExactly("make\tall");
        assertThat(d.steps().get(2).label()).contains("don't");
        assertThat(diagnostics("{\"steps\": [{\"command\": \"x\",\n\t\"comand\": 1}]}\n")).containsExactly(
                "p.yml:2:2: error: `comand` is not a valid property on the command step. Did you mean `command`?");
    }
}
