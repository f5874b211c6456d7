package io.jenkins.plugins.installerpipeline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.plan.DependencyRule.Decision;
import io.jenkins.plugins.installerpipeline.plan.DependencyRule.Dependency;
import java.util.List;
import org.junit.Test;

/** When a trigger is scheduled, and when a build approved at its gate continues, given its dependencies' states. */
public class DependencyRuleTest {

    private static Dependency dep(String key, DependencyState state) {
        return new Dependency(key, state, false, false);
    }

    private static Dependency allowedToFail(String key, DependencyState state) {
        return new Dependency(key, state, false, true);
    }

    @Test
    public void aTriggerStartsWhenItsDependencySucceededOrIsPausedAtItsGate() {
        assertThat(DependencyRule.toSchedule(List.of(dep("deb", DependencyState.SUCCEEDED)))).isEqualTo(new Decision.Go());
        assertThat(DependencyRule.toSchedule(List.of(dep("deb", DependencyState.PAUSED_AT_GATE))))
                .isEqualTo(new Decision.Go());
        assertThat(DependencyRule.toSchedule(List.of())).isEqualTo(new Decision.Go());
    }

    @Test
    public void aTriggerWaitsWhileItsDependencyIsQueuedOrRunning() {
        for (DependencyState s : List.of(DependencyState.WAITING_FOR_DEPENDENCY, DependencyState.QUEUED,
                DependencyState.RUNNING)) {
            assertThat(DependencyRule.toSchedule(List.of(dep("a", DependencyState.SUCCEEDED), dep("deb", s))))
                    .as(s.name()).isEqualTo(new Decision.Wait("deb"));
        }
    }

    @Test
    public void aFailedOrAbortedDependencyStopsTheTriggerEvenWhenAnotherIsStillRunning() {
        assertThat(DependencyRule.toSchedule(List.of(dep("a", DependencyState.RUNNING), dep("deb", DependencyState.FAILED))))
                .isEqualTo(new Decision.Stop("deb", DependencyState.FAILED));
        assertThat(DependencyRule.toSchedule(List.of(dep("deb", DependencyState.ABORTED))))
                .isEqualTo(new Decision.Stop("deb", DependencyState.ABORTED));
    }

    @Test
    public void allowFailureSchedulesTheTriggerAfterAFailedOrAbortedDependency() {
        assertThat(DependencyRule.toSchedule(List.of(allowedToFail("deb", DependencyState.FAILED))))
                .isEqualTo(new Decision.Go());
        assertThat(DependencyRule.toSchedule(List.of(allowedToFail("deb", DependencyState.ABORTED))))
                .isEqualTo(new Decision.Go());
        // but it still waits for the dependency to settle
        assertThat(DependencyRule.toSchedule(List.of(allowedToFail("deb", DependencyState.RUNNING))))
                .isEqualTo(new Decision.Wait("deb"));
        // and a strict dependency next to it still counts
        assertThat(DependencyRule.toSchedule(List.of(allowedToFail("a", DependencyState.FAILED),
                dep("deb", DependencyState.FAILED)))).isEqualTo(new Decision.Stop("deb", DependencyState.FAILED));
    }

    @Test
    public void anAsyncDependencyHasPassedOnceItsBuildExists() {
        Dependency queued = new Dependency("deb", DependencyState.QUEUED, true, false);
        Dependency running = new Dependency("deb", DependencyState.RUNNING, true, false);
        Dependency failed = new Dependency("deb", DependencyState.FAILED, true, false);
        Dependency cancelled = new Dependency("deb", DependencyState.ABORTED, true, false);
        assertThat(DependencyRule.toSchedule(List.of(queued))).isEqualTo(new Decision.Wait("deb"));
        assertThat(DependencyRule.toSchedule(List.of(running))).isEqualTo(new Decision.Go());
        assertThat(DependencyRule.toSchedule(List.of(failed))).isEqualTo(new Decision.Go());
        assertThat(DependencyRule.toSchedule(List.of(cancelled))).isEqualTo(new Decision.Stop("deb", DependencyState.ABORTED));
    }

    @Test
    public void anApprovedBuildContinuesOnlyWhenItsDependencyHasFinished() {
        assertThat(DependencyRule.toContinue(List.of(dep("deb", DependencyState.PAUSED_AT_GATE))))
                .isEqualTo(new Decision.Wait("deb"));
        assertThat(DependencyRule.toContinue(List.of(dep("deb", DependencyState.RUNNING))))
                .isEqualTo(new Decision.Wait("deb"));
        assertThat(DependencyRule.toContinue(List.of(dep("deb", DependencyState.SUCCEEDED)))).isEqualTo(new Decision.Go());
        assertThat(DependencyRule.toContinue(List.of(dep("deb", DependencyState.ABORTED))))
                .isEqualTo(new Decision.Stop("deb", DependencyState.ABORTED));
        assertThat(DependencyRule.toContinue(List.of(allowedToFail("deb", DependencyState.FAILED))))
                .isEqualTo(new Decision.Go());
    }
}
