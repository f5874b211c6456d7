package io.jenkins.plugins.installerpipeline.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.context.BuildSource;
import java.util.Optional;
import org.junit.Test;

/** The Kolibri gate rule, and the explicit condition and override that replace it. */
public class ApprovalGateTest {

    private static BuildContext triggered(String release) {
        BuildContext.Builder b = BuildContext.builder().source(BuildSource.TRIGGER_JOB).branch("develop");
        if (release != null) {
            b.env("LE_KOLIBRI_RELEASE", release);
        }
        return b.build();
    }

    @Test
    public void anOrdinaryOrchestrationPauses() {
        GateOutcome outcome = ApprovalGate.kolibri().decide(triggered("false"));
        assertThat(outcome).isInstanceOf(GateOutcome.Pause.class);
        assertThat(outcome.reason()).contains("LE_KOLIBRI_RELEASE is 'false'");
    }

    @Test
    public void aReleaseOrchestrationProceedsByVariableOrByTag() {
        assertThat(ApprovalGate.kolibri().decide(triggered("v0.17.0")))
                .isEqualTo(new GateOutcome.Proceed("LE_KOLIBRI_RELEASE is v0.17.0, so this is a release build"));
        BuildContext tagged = BuildContext.builder().source(BuildSource.TRIGGER_JOB).tag("v0.17.0")
                .env("LE_KOLIBRI_RELEASE", "false").build();
        assertThat(ApprovalGate.kolibri().decide(tagged)).isInstanceOf(GateOutcome.Proceed.class);
        assertThat(ApprovalGate.kolibri().decide(tagged).reason()).contains("release v0.17.0");
    }

    @Test
    public void aBuildAPersonStartedProceeds() {
        GateOutcome outcome = ApprovalGate.kolibri().decide(BuildContext.builder().source(BuildSource.UI).build());
        assertThat(outcome).isInstanceOf(GateOutcome.Proceed.class);
        assertThat(outcome.reason()).contains("(ui)");
        assertThat(ApprovalGate.kolibri().decide(BuildContext.empty())).isInstanceOf(GateOutcome.Proceed.class);
    }

    @Test
    public void aTriggeredBuildWithoutTheVariablePausesSinceItsOrchestrationIsNoRelease() {
        GateOutcome outcome = ApprovalGate.kolibri().decide(triggered(null));
        assertThat(outcome).isInstanceOf(GateOutcome.Pause.class);
        assertThat(outcome.reason()).contains("unset");
        assertThat(ApprovalGate.kolibri().decide(triggered(""))).isInstanceOf(GateOutcome.Pause.class);
    }

    @Test
    public void anExplicitConditionReplacesTheRule() {
        ApprovalGate gate = new ApprovalGate(Optional.of("build.env(\"LE_KOLIBRI_RELEASE\") == \"false\""), Optional.empty());
        assertThat(gate.decide(triggered("false"))).isInstanceOf(GateOutcome.Pause.class);
        assertThat(gate.decide(triggered("v1"))).isInstanceOf(GateOutcome.Proceed.class);
        // As on Buildkite: started by hand the variable is unset, build.env(...) is null, and the gate is gone.
        assertThat(gate.decide(BuildContext.builder().source(BuildSource.UI).build())).isInstanceOf(GateOutcome.Proceed.class);
    }

    @Test
    public void anInvalidConditionIsReportedWithItsColumn() {
        ApprovalGate gate = new ApprovalGate(Optional.of("LE_KOLIBRI_RELEASE == \"false\""), Optional.empty());
        assertThat(gate.check()).isPresent();
        GateOutcome outcome = gate.decide(triggered("false"));
        assertThat(outcome).isInstanceOf(GateOutcome.Invalid.class);
        assertThat(outcome.reason()).contains("LE_KOLIBRI_RELEASE == \"false\"").contains("column 1");
        assertThat(ApprovalGate.kolibri().check()).isEmpty();
    }

    @Test
    public void theReleaseOverrideWinsOverEverything() {
        assertThat(new ApprovalGate(Optional.empty(), Optional.of(true)).decide(triggered("false")))
                .isInstanceOf(GateOutcome.Proceed.class);
        assertThat(new ApprovalGate(Optional.of("true"), Optional.of(false)).decide(BuildContext.builder().tag("v1").build()))
                .isInstanceOf(GateOutcome.Pause.class);
    }

    @Test
    public void onlyAConditionThatReadsTheMessageNeedsIt() {
        assertThat(ApprovalGate.kolibri().needsMessage()).isFalse();
        assertThat(new ApprovalGate(Optional.of("build.message =~ /\\[installers\\]/"), Optional.empty()).needsMessage())
                .isTrue();
        assertThat(new ApprovalGate(Optional.of("build.branch == \"main\" && (build.tag == null || build.message != null)"),
                Optional.empty()).needsMessage()).isTrue();
        assertThat(new ApprovalGate(Optional.of("build.env(\"build.message\") == \"x\""), Optional.empty()).needsMessage())
                .as("a string that looks like the variable is not the variable").isFalse();
        assertThat(new ApprovalGate(Optional.of("build.tag =="), Optional.empty()).needsMessage()).isFalse();
    }
}
