package io.jenkins.plugins.installerpipeline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.plan.TriggerProgress.Attempt;
import io.jenkins.plugins.installerpipeline.plan.TriggerProgress.Completion;
import java.util.List;
import org.junit.Test;

/** When triggerInstallers returns or fails, given where its installer builds stand. */
public class TriggerProgressTest {

    private static Attempt build(String key, DependencyState state) {
        return new Attempt(key, state, false);
    }

    private static Attempt async(String key, DependencyState state) {
        return new Attempt(key, state, true);
    }

    @Test
    public void withoutWaitTheStepReturnsOnceEverythingIsScheduledEvenWhatTheQueueBlocks() {
        // A package build must not hang on a queue (disableConcurrentBuilds behind a paused build) or a dependency:
        // the orchestration schedules a waiting trigger by itself once its dependency has passed.
        assertThat(TriggerProgress.completion(List.of(build("win", DependencyState.RUNNING),
                build("pi", DependencyState.WAITING_FOR_DEPENDENCY)), false, true)).isEqualTo(new Completion.Success());
        assertThat(TriggerProgress.completion(List.of(build("win", DependencyState.QUEUED),
                build("deb", DependencyState.BLOCKED_IN_QUEUE)), false, true)).isEqualTo(new Completion.Success());
        assertThat(TriggerProgress.completion(List.of(build("win", DependencyState.PAUSED_AT_GATE),
                build("mac", DependencyState.FAILED), build("deb", DependencyState.ABORTED)), false, true))
                .as("without wait a failure is not propagated").isEqualTo(new Completion.Success());
    }

    @Test
    public void withWaitTheStepWaitsForEveryBuildToFinish() {
        for (DependencyState s : List.of(DependencyState.WAITING_FOR_DEPENDENCY, DependencyState.QUEUED,
                DependencyState.BLOCKED_IN_QUEUE, DependencyState.RUNNING, DependencyState.PAUSED_AT_GATE)) {
            assertThat(TriggerProgress.completion(List.of(build("win", DependencyState.SUCCEEDED), build("mac", s)),
                    true, true)).as(s.name()).isEqualTo(new Completion.Pending());
        }
        assertThat(TriggerProgress.completion(List.of(build("win", DependencyState.SUCCEEDED)), true, true))
                .isEqualTo(new Completion.Success());
    }

    @Test
    public void anAsyncTriggerIsDoneOnceItsBuildStartedAndItsFailureDoesNotFailTheStep() {
        assertThat(TriggerProgress.completion(List.of(async("win", DependencyState.QUEUED)), true, true))
                .isEqualTo(new Completion.Pending());
        assertThat(TriggerProgress.completion(List.of(async("win", DependencyState.RUNNING),
                build("mac", DependencyState.SUCCEEDED)), true, true)).isEqualTo(new Completion.Success());
        assertThat(TriggerProgress.completion(List.of(async("win", DependencyState.FAILED),
                build("mac", DependencyState.SUCCEEDED)), true, true)).isEqualTo(new Completion.Success());
    }

    @Test
    public void withWaitAndPropagateTheFirstFailedOrAbortedBuildFailsTheStep() {
        Completion c = TriggerProgress.completion(List.of(build("win", DependencyState.SUCCEEDED),
                build("mac", DependencyState.ABORTED), build("deb", DependencyState.FAILED)), true, true);
        assertThat(c).isEqualTo(new Completion.Fail("mac", DependencyState.ABORTED));
        assertThat(((Completion.Fail) c).resultName()).isEqualTo("ABORTED");
        assertThat(new Completion.Fail("deb", DependencyState.FAILED).resultName()).isEqualTo("FAILURE");
        assertThat(TriggerProgress.completion(List.of(build("mac", DependencyState.FAILED)), true, false))
                .as("without propagate the step returns the states").isEqualTo(new Completion.Success());
    }

    @Test
    public void anUnstableBuildHasFailedAndOnlySuccessSucceeds() {
        assertThat(DependencyState.ofResult("SUCCESS")).isEqualTo(DependencyState.SUCCEEDED);
        assertThat(DependencyState.ofResult("UNSTABLE")).isEqualTo(DependencyState.FAILED);
        assertThat(DependencyState.ofResult("FAILURE")).isEqualTo(DependencyState.FAILED);
        assertThat(DependencyState.ofResult("NOT_BUILT")).isEqualTo(DependencyState.FAILED);
        assertThat(DependencyState.ofResult("aborted")).isEqualTo(DependencyState.ABORTED);
    }

    @Test
    public void statesHaveWordsForTheBuildPage() {
        assertThat(DependencyState.PAUSED_AT_GATE.label()).isEqualTo("paused at gate");
        assertThat(DependencyState.WAITING_FOR_DEPENDENCY.label()).isEqualTo("waiting for a dependency");
    }
}
