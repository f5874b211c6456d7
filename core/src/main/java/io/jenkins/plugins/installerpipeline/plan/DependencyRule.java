package io.jenkins.plugins.installerpipeline.plan;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When the build of a trigger may go on, given where the builds it depends on stand. Two moments, two rules:
 * <ul>
 *   <li>{@link #toSchedule}: when to start the trigger. As on Buildkite, a dependency has passed when its build
 *       succeeded or is blocked at its approval gate (a blocked build counts as passed for a trigger), or, for an
 *       {@code async} trigger, as soon as its build exists. A dependency whose build failed or was aborted stops the
 *       trigger unless the edge allows failure ({@code allow_failure}, {@code allow_dependency_failure}).</li>
 *   <li>{@link #toContinue}: when a build approved at its own gate may continue: every dependency has finished
 *       (a dependency still paused at its gate has not produced its artifacts yet); a failed or aborted one stops it
 *       unless failure is allowed.</li>
 * </ul>
 */
public final class DependencyRule {

    private DependencyRule() {}

    /**
     * One dependency as the rule sees it.
     *
     * @param key          the trigger key depended on
     * @param state        where its build stands
     * @param async        the trigger is {@code async}: done once its build exists
     * @param allowFailure the dependant goes on even when this build fails or is aborted
     */
    public record Dependency(String key, DependencyState state, boolean async, boolean allowFailure) {
        public Dependency {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(state, "state");
        }
    }

    /** What the dependant may do now. */
    public sealed interface Decision {
        /** Every dependency has passed (or failed where that is allowed). */
        record Go() implements Decision {}

        /** @param key the first dependency not yet settled */
        record Wait(String key) implements Decision {}

        /** @param key the first dependency that failed or was aborted where that is not allowed */
        record Stop(String key, DependencyState state) implements Decision {}
    }

    /** Whether a trigger waiting for {@code dependencies} may be scheduled now. */
    public static Decision toSchedule(List<Dependency> dependencies) {
        return decide(dependencies, d -> d.state() == DependencyState.SUCCEEDED
                || d.state() == DependencyState.PAUSED_AT_GATE || d.async() && d.state().hasStarted());
    }

    /** Whether a build approved at its gate, needing {@code dependencies}, may continue now. */
    public static Decision toContinue(List<Dependency> dependencies) {
        return decide(dependencies, d -> d.state() == DependencyState.SUCCEEDED);
    }

    /**
     * The two rules differ only in when a dependency has passed; a finished one that has not stops the dependant
     * unless failure is allowed, and anything else keeps it waiting.
     */
    private static Decision decide(List<Dependency> dependencies, Predicate<Dependency> passed) {
        String waiting = null;
        for (Dependency d : dependencies) {
            DependencyState s = d.state();
            if (passed.test(d) || s.isFinished() && d.allowFailure()) {
                continue;
            }
            if (s.isFinished()) {
                return new Decision.Stop(d.key(), s);
            }
            if (waiting == null) {
                waiting = d.key();
            }
        }
        return waiting == null ? new Decision.Go() : new Decision.Wait(waiting);
    }
}
