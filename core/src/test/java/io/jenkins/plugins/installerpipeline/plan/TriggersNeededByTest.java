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
        return result.plan().orElseThrow();
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
