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
}
