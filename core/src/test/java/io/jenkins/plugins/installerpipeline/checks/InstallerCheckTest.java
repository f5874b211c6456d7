package io.jenkins.plugins.installerpipeline.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class InstallerCheckTest {

    private static final Optional<String> URL = Optional.of("https://ci/job/kolibri-windows/12/");

    private static InstallerCheck check(InstallerPhase phase, String detail) {
        return InstallerCheck.of("kolibri-windows", phase, detail, "kolibri-windows #12", URL, List.of());
    }

    @Test
    public void queuedUntilStartedThenInProgress() {
        assertThat(InstallerCheck.of("kolibri-windows", InstallerPhase.QUEUED, "", "", Optional.empty(), List.of()))
                .satisfies(c -> {
                    assertThat(c.name()).isEqualTo("installer/kolibri-windows");
                    assertThat(c.status()).isEqualTo(CheckStatus.QUEUED);
                    assertThat(c.conclusion()).isEmpty();
                    assertThat(c.commitState()).isEqualTo(CommitState.PENDING);
                    assertThat(c.title()).isEqualTo("kolibri-windows: queued");
                });
        assertThat(check(InstallerPhase.WAITING_FOR_DEPENDENCY, "").status()).isEqualTo(CheckStatus.QUEUED);
        InstallerCheck running = check(InstallerPhase.RUNNING, "");
        assertThat(running.status()).isEqualTo(CheckStatus.IN_PROGRESS);
        assertThat(running.commitState()).isEqualTo(CommitState.PENDING);
        assertThat(running.detailsUrl()).isEqualTo(URL);
    }

    @Test
    public void pausedAtGateIsStillInProgressAwaitingApprovalAndLinksTheApprovalPage() {
        // Not completed/action_required: GitHub never moves a completed check run back to in progress, so an
        // approved installer would keep showing "action required".
        InstallerCheck c = check(InstallerPhase.PAUSED_AT_GATE, "waiting for approval");
        assertThat(c.status()).isEqualTo(CheckStatus.IN_PROGRESS);
        assertThat(c.conclusion()).isEmpty();
        assertThat(c.commitState()).isEqualTo(CommitState.PENDING);
        assertThat(c.detailsUrl()).contains("https://ci/job/kolibri-windows/12/input/");
        assertThat(c.summary()).contains("[Approve](https://ci/job/kolibri-windows/12/input/)");
        assertThat(c.title()).isEqualTo("kolibri-windows #12: awaiting approval");
    }

    @Test
    public void blockedInQueueIsQueuedWithTheQueuesReason() {
        InstallerCheck c = check(InstallerPhase.BLOCKED_IN_QUEUE, "Build #3 is already in progress");
        assertThat(c.status()).isEqualTo(CheckStatus.QUEUED);
        assertThat(c.commitState()).isEqualTo(CommitState.PENDING);
        assertThat(c.title()).isEqualTo("kolibri-windows #12: blocked in queue (Build #3 is already in progress)");
    }

    @Test
    public void finishedStatesHaveTheirConclusions() {
        assertThat(check(InstallerPhase.SUCCEEDED, "").conclusion()).contains(CheckConclusion.SUCCESS);
        assertThat(check(InstallerPhase.SUCCEEDED, "").commitState()).isEqualTo(CommitState.SUCCESS);
        InstallerCheck failed = check(InstallerPhase.FAILED, "UNSTABLE");
        assertThat(failed.conclusion()).contains(CheckConclusion.FAILURE);
        assertThat(failed.commitState()).isEqualTo(CommitState.FAILURE);
        assertThat(failed.title()).isEqualTo("kolibri-windows #12: failed (UNSTABLE)");
        assertThat(check(InstallerPhase.ABORTED, "cancelled in the queue").conclusion())
                .contains(CheckConclusion.CANCELED);
        assertThat(check(InstallerPhase.ABORTED, "").commitState()).isEqualTo(CommitState.ERROR);
    }

    @Test
    public void successListsTheAssets() {
        InstallerCheck c = InstallerCheck.of("kolibri-windows", InstallerPhase.SUCCEEDED, "", "kolibri-windows #12",
                URL, List.of(new InstallerCheck.AssetLink("kolibri-0.17.0-windows-setup.exe",
                        "https://ci/job/kolibri-windows/12/artifact/kolibri-0.17.0-windows-setup.exe", 42,
                        "e".repeat(64))));
        assertThat(c.summary()).contains("| [kolibri-0.17.0-windows-setup.exe](https://ci/job/kolibri-windows/12/"
                + "artifact/kolibri-0.17.0-windows-setup.exe) | 42 | `" + "e".repeat(64) + "` |");
    }

    @Test
    public void fingerprintChangesWithStateAndBuild() {
        assertThat(check(InstallerPhase.RUNNING, "").fingerprint())
                .isEqualTo(check(InstallerPhase.RUNNING, "").fingerprint())
                .isNotEqualTo(check(InstallerPhase.PAUSED_AT_GATE, "").fingerprint());
        InstallerCheck rerun = InstallerCheck.of("kolibri-windows", InstallerPhase.RUNNING, "", "kolibri-windows #13",
                Optional.of("https://ci/job/kolibri-windows/13/"), List.of());
        assertThat(rerun.fingerprint()).isNotEqualTo(check(InstallerPhase.RUNNING, "").fingerprint());
        InstallerCheck withAssets = InstallerCheck.of("kolibri-windows", InstallerPhase.SUCCEEDED, "",
                "kolibri-windows #12", URL, List.of(new InstallerCheck.AssetLink("k.exe", "", 1, "f".repeat(64))));
        assertThat(withAssets.fingerprint()).isNotEqualTo(check(InstallerPhase.SUCCEEDED, "").fingerprint());
    }

    @Test
    public void statusDescriptionFitsGitHubsLimit() {
        InstallerCheck c = InstallerCheck.of("k", InstallerPhase.FAILED, "x".repeat(300), "", Optional.empty(),
                List.of());
        assertThat(c.statusDescription()).hasSize(InstallerCheck.MAX_STATUS_DESCRIPTION).endsWith("…");
    }

    @Test
    public void phasesParseFromStoredNames() {
        assertThat(InstallerPhase.parse("PAUSED_AT_GATE")).contains(InstallerPhase.PAUSED_AT_GATE);
        assertThat(InstallerPhase.parse("SOMETHING_NEW")).isEmpty();
        assertThat(InstallerPhase.parse(null)).isEmpty();
    }

    @Test
    public void everyOrchestrationStateHasThePhaseOfTheSameMeaning() {
        for (io.jenkins.plugins.installerpipeline.plan.DependencyState s : io.jenkins.plugins.installerpipeline.plan.DependencyState.values()) {
            assertThat(InstallerPhase.of(s).name()).isEqualTo(s.name());
        }
    }
}
