package io.jenkins.plugins.installerpipeline.plan;

import java.util.List;
import java.util.Objects;

/**
 * When the step that triggered an orchestration's builds returns, and how. Without {@code wait} it returns once it has
 * scheduled every build it can: a build in the queue (even one the queue blocks) counts, and so does a trigger that
 * waits for another one, which the orchestration schedules by itself once that one has passed; so a package build
 * never waits for a queue or an approval gate. With {@code wait} it returns once every build has finished, except that an {@code async} trigger counts as done once its build has started (as on Buildkite,
 * nothing waits for an async trigger to finish); with {@code propagate} as well, it fails naming the first non-async
 * build that failed or was aborted, as Jenkins' {@code build} step does.
 */
public final class TriggerProgress {

    private TriggerProgress() {}

    /**
     * One build (attempt) of a trigger.
     *
     * @param key   the trigger key
     * @param state where the build stands
     * @param async the trigger is {@code async}
     */
    public record Attempt(String key, DependencyState state, boolean async) {
        public Attempt {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(state, "state");
        }

        /** Whether a step with {@code wait} need not wait any longer for this build. */
        public boolean doneForWaitingStep() {
            return state.isFinished() || async && state.isPastQueue();
        }
    }

    /** Where the triggering step stands. */
    public sealed interface Completion {
        /** Not yet: some build has not reached the point the step waits for. */
        record Pending() implements Completion {}

        /** The step returns its value. */
        record Success() implements Completion {}

        /**
         * The step fails.
         *
         * @param key   the trigger whose build failed
         * @param state {@link DependencyState#FAILED} or {@link DependencyState#ABORTED}
         */
        record Fail(String key, DependencyState state) implements Completion {
            /** The build result the step fails with: {@code ABORTED} for an aborted build, else {@code FAILURE}. */
            public String resultName() {
                return state == DependencyState.ABORTED ? "ABORTED" : "FAILURE";
            }
        }
    }

    /** Where a step that triggered {@code attempts} stands, given its {@code wait} and {@code propagate} options. */
    public static Completion completion(List<Attempt> attempts, boolean wait, boolean propagate) {
        boolean done = !wait || attempts.stream().allMatch(Attempt::doneForWaitingStep);
        if (!done) {
            return new Completion.Pending();
        }
        if (wait && propagate) {
            for (Attempt a : attempts) {
                // async: not waited for, so its result does not fail the step
                if (!a.async() && (a.state() == DependencyState.FAILED || a.state() == DependencyState.ABORTED)) {
                    return new Completion.Fail(a.key(), a.state());
                }
            }
        }
        return new Completion.Success();
    }
}
