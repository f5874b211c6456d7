package io.jenkins.plugins.installerpipeline.definition;

import static io.jenkins.plugins.installerpipeline.definition.Yaml.diagnostics;
import static io.jenkins.plugins.installerpipeline.definition.Yaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/**
 * Buildkite's server refuses a step with an attribute its type does not have (pipeline-schema: every step type
 * has {@code additionalProperties: false}), in the words "`x` is not a valid property on the command step.".
 */
public class AttributesTest {

    @Test
    public void aNearMissIsRefusedWithTheNameMeant() {
        assertThat(diagnostics("steps:\n  - command: make\n    comand: test\n")).containsExactly(
                "p.yml:3:5: error: `comand` is not a valid property on the command step. Did you mean `command`?");
        assertThat(diagnostics("steps:\n  - trigger: t\n    asynch: true\n")).containsExactly(
                "p.yml:3:5: error: `asynch` is not a valid property on the trigger step. Did you mean `async`?");
        assertThat(diagnostics("steps:\n  - block: Go\n    prompts: Sure?\n")).containsExactly(
                "p.yml:3:5: error: `prompts` is not a valid property on the block step. Did you mean `prompt`?");
    }

    @Test
    public void aMadeUpAttributeIsRefusedListingTheValidOnes() {
        assertThat(diagnostics("steps:\n  - wait: ~\n    source_file_dependencies: [a]\n")).containsExactly(
                "p.yml:3:5: error: `source_file_dependencies` is not a valid property on the wait step. Valid"
                        + " properties: allow_dependency_failure, branches, continue_on_failure, depends_on, id,"
                        + " identifier, if, key, label, name, type, wait, waiter.");
    }

    @Test
    public void anAttributeOfAnotherTypeIsRefusedSayingWhereItBelongs() {
        assertThat(diagnostics("steps:\n  - block: Go\n    timeout_in_minutes: 5\n")).containsExactly(
                "p.yml:3:5: error: `timeout_in_minutes` is not a valid property on the block step. It belongs on"
                        + " command steps.");
        assertThat(diagnostics("steps:\n  - group: G\n    branches: main\n    steps: [wait]\n")).containsExactly(
                "p.yml:3:5: error: `branches` is not a valid property on the group step. It belongs on command and"
                        + " wait and block and input and trigger steps.");
    }

    @Test
    public void everyAttributeBuildkiteDocumentsIsAccepted() {
        valid("""
                steps:
                  - command: make
                    cache: [dist/]
                    checkout: {depth: 1}
                    concurrency: 1
                    concurrency_group: g
                    concurrency_method: eager
                    image: "node:20"
                    notify: [github_check]
                    secrets: [TOKEN]
                    signature: {algorithm: HS256, value: x, signed_fields: [command]}
                    cancel_on_build_failing: true
                    priority: 1
                  - wait: ~
                    branches: main
                  - block: Go
                    submit: "Yes, go"
                    blocked_state: failed
                  - input: Tell
                    blocked_state: running
                    allowed_teams: [qa]
                  - trigger: t
                    parallelism: 3
                    skip: true
                  - group: G
                    skip: "not now"
                    notify: [github_check]
                    steps: [wait]
                """);
    }

    @Test
    public void aGroupWithoutStepsIsRefusedInBuildkitesWords() {
        assertThat(diagnostics("steps:\n  - group: G\n    steps: []\n")).containsExactly("p.yml:3:12: error: The"
                + " `steps` property is required for a group: give it one step at least");
        assertThat(diagnostics("steps:\n  - group: G\n")).containsExactly("p.yml:2:5: error: The `steps` property"
                + " is required for a group: give it one step at least");
    }

    @Test
    public void aGroupsSkipSkipsEachOfItsSteps() {
        var plan = io.jenkins.plugins.installerpipeline.plan.Planner.plan("p.yml", """
                steps:
                  - group: G
                    key: g
                    skip: "not now"
                    steps: [{command: make, key: m}]
                """, io.jenkins.plugins.installerpipeline.context.BuildContext.empty()).plan().orElseThrow();
        assertThat(plan.steps()).extracting(s -> s.included()).containsExactly(false, false);
        assertThat(plan.steps().get(1).reason()).contains("its group 'g' is not in this build");
    }
}
