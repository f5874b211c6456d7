package io.jenkins.plugins.installerpipeline.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.artifact.FanIn.Attempt;
import io.jenkins.plugins.installerpipeline.checks.InstallerPhase;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class FanInTest {

    private static Attempt attempt(String trigger, InstallerPhase phase, String detail, String id) {
        return new Attempt(trigger, phase, detail, Optional.ofNullable(id));
    }

    @Test
    public void waitsUntilEveryInstallerHasFinished() {
        FanIn.Decision d = FanIn.decide(List.of(
                attempt("kolibri-windows", InstallerPhase.SUCCEEDED, "", "kolibri-windows#3"),
                attempt("kolibri-debian", InstallerPhase.PAUSED_AT_GATE, "waiting for approval", "kolibri-debian#2"),
                attempt("kolibri-raspbian", InstallerPhase.WAITING_FOR_DEPENDENCY, "", null)));
        assertThat(d).isEqualTo(new FanIn.NotFinished("fromInstallers: true needs every installer build to have"
                + " finished; still going: kolibri-debian (paused at gate), kolibri-raspbian (waiting for dependency)."
                + " Call triggerInstallers(wait: true) before it."));
    }

    @Test
    public void publishesTheSucceededAndNamesTheOthers() {
        Attempt windows = attempt("kolibri-windows", InstallerPhase.SUCCEEDED, "", "kolibri-windows#3");
        FanIn.Decision d = FanIn.decide(List.of(windows,
                attempt("kolibri-mac", InstallerPhase.FAILED, "FAILURE", "kolibri-mac#7"),
                attempt("kolibri-android", InstallerPhase.ABORTED, "cancelled in the queue", null)));
        assertThat(d).isInstanceOf(FanIn.Publish.class);
        FanIn.Publish p = (FanIn.Publish) d;
        assertThat(p.include()).containsExactly(windows);
        assertThat(p.notes()).containsExactly(
                "kolibri-mac#7 failed (FAILURE): none of its artifacts are published; re-run it, then upload again",
                "kolibri-android aborted (cancelled in the queue): none of its artifacts are published; re-run it,"
                        + " then upload again");
    }

    @Test
    public void theLatestAttemptOfATriggerCounts() {
        Attempt rerun = attempt("kolibri-mac", InstallerPhase.SUCCEEDED, "", "kolibri-mac#8");
        FanIn.Decision d = FanIn.decide(List.of(attempt("kolibri-mac", InstallerPhase.FAILED, "FAILURE",
                "kolibri-mac#7"), rerun));
        assertThat(((FanIn.Publish) d).include()).containsExactly(rerun);
        assertThat(((FanIn.Publish) d).notes()).isEmpty();
        // a re-run still going holds the upload even though an earlier attempt finished
        assertThat(FanIn.decide(List.of(attempt("kolibri-mac", InstallerPhase.FAILED, "", "kolibri-mac#7"),
                attempt("kolibri-mac", InstallerPhase.QUEUED, "", null)))).isInstanceOf(FanIn.NotFinished.class);
    }
}
