package io.jenkins.plugins.installerpipeline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/** Which triggers an orchestrator must see pass before it starts a trigger. */
public class TriggersNeededByTest {

    private static Plan plan(String yaml) {
        PlanResult result = Planner.plan("pipeline.yml", yaml, BuildContext.builder().branch("main").build());
        assertThat(result.diagnostics().errors()).isEmpty();
        Plan plan = result.plan().orElseThrow();
        assertAllAtOnceAsOneByOne(plan);
        return plan;
    }

    /** Every plan of these tests: {@link Plan#triggerDependencies} says for each trigger what asking for it says. */
    private static void assertAllAtOnceAsOneByOne(Plan plan) {
        java.util.Map<String, java.util.List<TriggerDependency>> expected = new java.util.LinkedHashMap<>();
        for (PlannedStep trigger : plan.includedTriggers()) {
            expected.put(trigger.key(), plan.triggerDependenciesOf(trigger.key()));
        }
        assertThat(plan.triggerDependencies()).containsExactlyEntriesOf(expected);
    }

    @Test
    public void allAtOnceAgreesWithOneByOneOnAShapeThatSharesAndMixesEdges() {
        // Chains that share their sets, triggers in groups and after lenient waits, allow_failure on some edges,
        // more than 64 triggers (several words of bits).
        StringBuilder yaml = new StringBuilder("steps:\n");
        for (int i = 0; i < 300; i++) {
            if (i % 7 == 0) {
                yaml.append(i % 3 == 0 ? "  - wait:\n    continue_on_failure: true\n" : "  - wait\n");
            }
            if (i % 4 == 0) {
                yaml.append("  - trigger: p").append(i).append("\n    key: t").append(i).append('\n');
                if (i >= 8) {
                    yaml.append("    depends_on:\n      - step: s").append(i - 1)
                            .append("\n        allow_failure: ").append(i % 8 == 0).append('\n');
                }
            } else {
                yaml.append("  - command: make\n    key: s").append(i).append('\n');
                if (i % 5 == 0 && i > 2) {
                    yaml.append("    depends_on: [").append((i - 1) % 4 == 0 ? "t" : "s").append(i - 1).append(", t")
                            .append(i - i % 4).append("]\n");
                }
            }
        }
        Plan plan = plan(yaml.toString());
        assertThat(plan.triggerDependencies()).hasSize(75);
        assertThat(plan.triggerDependencies().values())
                .anyMatch(needs -> needs.size() > 64)
                .anyMatch(needs -> needs.stream().anyMatch(TriggerDependency::allowFailure))
                .anyMatch(needs -> needs.stream().anyMatch(d -> !d.allowFailure()));
    }

    @Test
    public void kolibriPiNeedsDebianOnlyAndTheOthersNeedNoTrigger() throws Exception {
        Plan plan = plan(Files.readString(Path.of("../examples/kolibri/package.yml")));
        for (PlannedStep trigger : plan.includedTriggers()) {
            String slug = trigger.trigger().orElseThrow().pipeline();
            if (slug.equals("kolibri-raspbian-image")) {
                assertThat(plan.triggersNeededBy(trigger.key())).containsExactly("deb-build");
            } else {
                assertThat(plan.triggersNeededBy(trigger.key())).as(slug).isEmpty();
            }
        }
    }

    @Test
    public void aTriggerAfterAWaitNeedsTheTriggersBeforeTheWaitButNotCommandSteps() {
        Plan plan = plan("steps:\n  - command: make\n    key: build\n  - trigger: a\n    key: a\n  - wait\n"
                + "  - trigger: b\n    key: b\n");
        assertThat(plan.triggersNeededBy("b")).containsExactly("a");
        assertThat(plan.triggersNeededBy("a")).isEmpty();
    }

    @Test
    public void excludedTriggersAreNotWaitedFor() {
        Plan plan = plan("steps:\n  - trigger: a\n    key: a\n    if: build.tag != null\n  - wait\n"
                + "  - trigger: b\n    key: b\n");
        assertThat(plan.triggersNeededBy("b")).isEmpty();
    }

    @Test
    public void allowFailureOnADependsOnEntryOrTheStepIsCarriedToTheTrigger() {
        Plan plan = plan("steps:\n  - trigger: deb\n    key: deb\n  - trigger: other\n    key: other\n"
                + "  - trigger: pi\n    key: pi\n    depends_on:\n      - step: deb\n        allow_failure: true\n"
                + "      - other\n"
                + "  - trigger: win\n    key: win\n    depends_on: deb\n    allow_dependency_failure: true\n");
        assertThat(plan.triggerDependenciesOf("pi"))
                .containsExactly(new TriggerDependency("deb", true), new TriggerDependency("other", false));
        assertThat(plan.triggerDependenciesOf("win")).containsExactly(new TriggerDependency("deb", true));
    }

    @Test
    public void oneStrictPathMakesTheFailureMatter() {
        // b depends on a twice: through a lenient wait, and directly without allow_failure.
        Plan plan = plan("steps:\n  - trigger: a\n    key: a\n  - wait:\n    continue_on_failure: true\n"
                + "  - trigger: b\n    key: b\n    depends_on: a\n  - trigger: c\n    key: c\n    depends_on: []\n");
        assertThat(plan.triggerDependenciesOf("b")).containsExactly(new TriggerDependency("a", false));
    }

    @Test
    public void aContinueOnFailureWaitLetsTheTriggersAfterItStartAfterAFailure() {
        Plan plan = plan("steps:\n  - trigger: a\n    key: a\n  - wait:\n    continue_on_failure: true\n"
                + "  - trigger: b\n    key: b\n");
        assertThat(plan.triggerDependenciesOf("b")).containsExactly(new TriggerDependency("a", true));
    }
}
