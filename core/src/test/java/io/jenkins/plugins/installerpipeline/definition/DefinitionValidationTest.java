package io.jenkins.plugins.installerpipeline.definition;

import static io.jenkins.plugins.installerpipeline.definition.Yaml.diagnostics;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/** Each validation rule: a failing example, with the exact line, column and message. */
public class DefinitionValidationTest {

    @Test
    public void definitionMustBeAMappingOrAList() {
        assertThat(diagnostics("wait\n")).containsExactly(
                "p.yml:1:1: error: a pipeline definition must be a mapping with 'steps', or a list of steps; not 'wait'");
        assertThat(diagnostics("steps: wait\n")).containsExactly(
                "p.yml:1:8: error: 'steps' must be a list of steps, not 'wait'");
    }

    @Test
    public void branchesAndIfTogetherAreRefused() {
        assertThat(diagnostics("""
                steps:
                  - command: deploy
                    key: deploy
                    branches: main
                    if: build.tag != null
                """)).containsExactly("p.yml:5:9: error: step 'deploy' has both 'if' and 'branches: main', which"
                + " Buildkite does not allow; test the branch in the condition instead (build.branch == \"main\""
                + " or build.branch =~ /^release\\//)");
    }

    @Test
    public void emptyFile() {
        // buildkite-agent pipeline upload refuses a file of no bytes: `pipeline file "..." is empty`.
        assertThat(diagnostics("")).containsExactly(
                "p.yml:1:1: error: file is empty: Buildkite's agent refuses to upload an empty pipeline file");
    }

    @Test
    public void stepWithoutType() {
        assertThat(diagnostics("""
                steps:
                  - label: Build
                    key: build
                """)).containsExactly("p.yml:2:5: error: step has no type: give one of command, commands, script,"
                + " wait, block, input, trigger, group (or type:); keys found: label, key");
    }

    @Test
    public void stepWithSeveralTypes() {
        assertThat(diagnostics("""
                steps:
                  - wait
                  - command: make
                    trigger: kolibri-windows
                """)).containsExactly(
                "p.yml:3:5: error: step has several types at once: 'command', 'trigger'; keep exactly one");
        assertThat(diagnostics("steps:\n  - {type: wait, block: Go}\n")).containsExactly(
                "p.yml:2:5: error: step has several types at once: 'block', 'type: wait'; keep exactly one");
    }

    @Test
    public void unknownTypeAndUnknownStringStep() {
        assertThat(diagnostics("steps:\n  - {type: deploy}\n  - build\n")).containsExactly(
                "p.yml:2:12: error: unknown step type 'deploy': expected command, script, wait, waiter, block,"
                        + " manual, input, trigger or group",
                "p.yml:3:5: error: unknown step 'build': a step written as a string must be wait, waiter, block,"
                        + " manual or input");
    }

    @Test
    public void triggerWithoutPipelineSlug() {
        assertThat(diagnostics("""
                steps:
                  - trigger: ""
                    label: Windows
                  - type: trigger
                    label: Mac
                """)).containsExactly(
                "p.yml:2:14: error: trigger step 'Windows' has no pipeline slug: write 'trigger: my-pipeline'",
                "p.yml:4:5: error: trigger step 'Mac' has no pipeline slug: write 'trigger: my-pipeline'");
    }

    @Test
    public void dependsOnUnknownKeyIsAcceptedAsBuildkiteAcceptsIt() {
        // Buildkite docs, depends_on: "the build will fail without running the step that is waiting".
        assertThat(diagnostics("""
                steps:
                  - {key: deb-build, trigger: kolibri-debian}
                  - trigger: kolibri-raspbian-image
                    depends_on: [deb-bild]
                """)).containsExactly("p.yml:4:18: warning: depends_on 'deb-bild' names no step: Buildkite accepts"
                + " the upload, then fails the build without running this step");
    }

    @Test
    public void dependencyCycle() {
        assertThat(diagnostics("""
                steps:
                  - {key: a, command: x, depends_on: c}
                  - {key: b, command: x, depends_on: a}
                  - {key: c, command: x, depends_on: b}
                """)).containsExactly("p.yml:3:38: error: dependency cycle: 'a' -> 'c' -> 'b' -> 'a' (each waits for the next)");
    }

    @Test
    public void longDependencyChainsAreSearchedWithoutRecursion() {
        StringBuilder text = new StringBuilder("steps:\n  - {key: s0, command: x, depends_on: s49999}\n");
        for (int i = 1; i < 50_000; i++) {
            text.append("  - {key: s").append(i).append(", command: x, depends_on: s").append(i - 1).append("}\n");
        }
        assertThat(diagnostics(text.toString())).containsExactly("p.yml:3:39: error: dependency cycle: 's0'"
                + " -> 's49999' -> 's49998' -> 's49997' -> 's49996' -> ... 49990 more ... -> 's5' -> 's4' -> 's3'"
                + " -> 's2' -> 's1' -> 's0' (each waits for the next)");
    }

    @Test
    public void selfDependencyIsACycle() {
        assertThat(diagnostics("steps:\n  - {key: a, command: x, depends_on: a}\n")).containsExactly(
                "p.yml:2:38: error: dependency cycle: 'a' -> 'a' (each waits for the next)");
    }

    @Test
    public void stepDependingOnItsOwnGroupIsACycle() {
        assertThat(diagnostics("""
                steps:
                  - group: G
                    key: g
                    steps:
                      - {key: a, command: x, depends_on: g}
                """)).containsExactly("p.yml:5:42: error: dependency cycle: 'g' -> 'a' -> 'g' (each waits for the next)");
    }

    @Test
    public void duplicateKeysAreRefusedInBuildkitesWords() {
        // key, id and identifier are one attribute; the server's message is kept word for word.
        assertThat(diagnostics("""
                steps:
                  - {key: build, command: x}
                  - group: G
                    steps:
                      - {id: build, command: y}
                """)).containsExactly(
                "p.yml:5:14: error: The key \"build\" has already been used by another step in this build (first at"
                        + " p.yml:2:11)");
    }

    @Test
    public void contradictoryKeyAliases() {
        assertThat(diagnostics("steps:\n  - {key: a, id: b, command: x}\n")).containsExactly(
                "p.yml:2:14: error: 'id' 'b' contradicts the step's key 'a': key, id and identifier are the same"
                        + " attribute");
    }

    @Test
    public void keyTooLong() {
        String key = "k".repeat(101);
        assertThat(diagnostics("steps:\n  - command: x\n    key: " + key + "\n")).containsExactly(
                "p.yml:3:10: error: step key '" + key + "' is 101 characters long, more than 100");
        assertThat(diagnostics("steps:\n  - command: x\n    key: " + "k".repeat(100) + "\n")).isEmpty();
    }

    @Test
    public void keyShapedLikeAUuid() {
        assertThat(diagnostics("steps:\n  - command: x\n    key: \"0189f5ab-7d6c-4c1e-9d6f-2a4b5c6d7e8f\"\n"))
                .containsExactly("p.yml:3:11: error: step key '0189f5ab-7d6c-4c1e-9d6f-2a4b5c6d7e8f' looks like a"
                        + " UUID, which Buildkite reserves for step ids: choose a name");
    }

    @Test
    public void fieldWithoutKey() {
        assertThat(diagnostics("""
                steps:
                  - block: Release?
                    fields:
                      - text: Notes
                """)).containsExactly("p.yml:4:9: error: text field 'Notes' has no 'key': the key names the"
                + " meta-data its answer is stored under");
    }

    @Test
    public void selectWithoutOptions() {
        assertThat(diagnostics("""
                steps:
                  - input: Which?
                    fields:
                      - select: Target
                        key: target
                      - select: Other
                        key: other
                        options: []
                """)).containsExactly(
                "p.yml:4:9: error: select field 'Target' needs 'options': a list of {label, value}",
                "p.yml:8:18: error: select field 'Other' needs 'options': a list of {label, value}");
    }

    @Test
    public void fieldNeitherTextNorSelect_andDuplicateFieldKeys() {
        assertThat(diagnostics("""
                steps:
                  - block: Go
                    fields:
                      - {key: a}
                      - {text: A, key: b}
                      - {text: B, key: b}
                """)).containsExactly(
                "p.yml:4:9: error: a field needs 'text' or 'select' (its title); keys found: key",
                "p.yml:6:9: warning: field key 'b' is used by another field of this step: both answers are stored"
                        + " as the same meta-data key");
    }

    @Test
    public void malformedAgents() {
        assertThat(diagnostics("""
                steps:
                  - command: x
                    agents: [queue, "=windows"]
                  - command: y
                    agents: {queue: [a, b]}
                """)).containsExactly(
                "p.yml:3:14: error: agents entry 'queue' must look like KEY=VALUE (e.g. queue=windows)",
                "p.yml:3:21: error: agents entry '=windows' must look like KEY=VALUE (e.g. queue=windows)",
                "p.yml:5:21: error: agents 'queue' must be a string, not a list");
    }

    @Test
    public void envWithNonScalarValues() {
        assertThat(diagnostics("""
                env:
                  PATHS: [a, b]
                steps:
                  - command: x
                    env: {OPTS: {a: 1}}
                  - trigger: t
                    build: {env: [A=1]}
                """)).containsExactly(
                "p.yml:2:10: error: env 'PATHS' must be a string, number or boolean, not a list",
                "p.yml:5:17: error: env 'OPTS' must be a string, number or boolean, not a mapping",
                "p.yml:7:18: error: build env must be a mapping of names to values, not a list");
    }

    @Test
    public void malformedSoftFail() {
        assertThat(diagnostics("""
                steps:
                  - command: x
                    soft_fail: sometimes
                  - command: y
                    soft_fail: [1]
                  - command: z
                    soft_fail: [{exit_status: one}]
                """)).containsExactly(
                "p.yml:3:16: error: soft_fail must be true or false, not 'sometimes'",
                "p.yml:5:17: error: each soft_fail entry must be {exit_status: N} or {exit_status: \"*\"}, not '1'",
                "p.yml:7:31: error: soft_fail exit_status must be a whole number, not 'one'");
    }

    @Test
    public void malformedRetry() {
        assertThat(diagnostics("""
                steps:
                  - command: x
                    retry: true
                  - command: y
                    retry:
                      automatic: {limit: 11}
                      manual: maybe
                      later: true
                """)).containsExactly(
                "p.yml:3:12: error: retry must be a mapping with 'automatic' and/or 'manual', not 'true'",
                "p.yml:6:26: error: retry limit must be between 0 and 10, not 11",
                "p.yml:7:15: error: retry manual must be true or false, not 'maybe'",
                "p.yml:8:7: error: unknown retry attribute 'later': expected automatic or manual");
    }

    @Test
    public void malformedDependsOn() {
        assertThat(diagnostics("""
                steps:
                  - command: x
                    depends_on: {step: a}
                  - command: y
                    depends_on: [{allow_failure: true}]
                """)).containsExactly(
                "p.yml:3:17: error: depends_on must be a step key, a list of keys, or a list of"
                        + " {step, allow_failure}; not a mapping",
                "p.yml:5:18: error: depends_on entry needs 'step' (the key of the step depended on)");
    }

    @Test
    public void wrongValueTypes() {
        assertThat(diagnostics("""
                steps:
                  - command: x
                    timeout_in_minutes: soon
                    parallelism: 0
                    allow_dependency_failure: perhaps
                    concurrency: 1
                  - block: Go
                    blocked_state: paused
                """)).containsExactly(
                "p.yml:3:25: error: timeout_in_minutes must be a whole number, not 'soon'",
                "p.yml:4:18: error: parallelism must be at least 1, not 0",
                "p.yml:5:31: error: allow_dependency_failure must be true or false, not 'perhaps'",
                "p.yml:6:5: error: 'concurrency' needs 'concurrency_group' too",
                "p.yml:8:20: error: blocked_state must be passed, failed or running, not 'paused'");
    }

    @Test
    public void nestedGroups() {
        assertThat(diagnostics("""
                steps:
                  - group: Outer
                    steps:
                      - group: Inner
                        steps: [wait]
                """)).containsExactly(
                "p.yml:4:9: error: group steps cannot be nested: move this group out of its enclosing group");
    }

    @Test
    public void duplicateYamlKeysInAStepKeepTheLastValueAtTheFirstPlace() {
        // yaml.v3 nodes check no uniqueness; go-pipeline's ordered map sets the value again where the key first was.
        assertThat(diagnostics("""
                steps:
                  - command: x
                    label: A
                    label: B
                """)).containsExactly("p.yml:4:5: warning: duplicate key 'label' (first at p.yml:3:5): Buildkite"
                + " keeps this last value, silently");
        Step step = Yaml.only("steps:\n  - command: first\n    key: k\n    command: second\n");
        assertThat(((CommandStep) step).commands()).containsExactly("second");
        assertThat(step.key()).contains("k");
    }

    @Test
    public void diagnosticsAreSortedByPosition() {
        assertThat(diagnostics("""
                steps:
                  - {key: a, command: x, depends_on: zz}
                  - {trigger: ""}
                  - {key: a, command: y}
                """)).containsExactly(
                "p.yml:2:38: warning: depends_on 'zz' names no step: Buildkite accepts the upload, then fails the"
                        + " build without running this step",
                "p.yml:3:15: error: trigger step has no pipeline slug: write 'trigger: my-pipeline'",
                "p.yml:4:11: error: The key \"a\" has already been used by another step in this build (first at"
                        + " p.yml:2:11)");
    }
}
