package io.jenkins.plugins.installerpipeline.plan;

import java.util.Locale;

/** Where the build of a trigger stands, as an orchestrator follows it. */
public enum DependencyState {
    /** Not yet scheduled: it waits for triggers of its own. */
    WAITING_FOR_DEPENDENCY("waiting for a dependency"),
    QUEUED("queued"),
    /**
     * In the queue, and the queue says it cannot start yet (another build of its job is still running, say, or it
     * waits for a build it needs): shown with the queue's reason.
     */
    BLOCKED_IN_QUEUE("blocked in queue"),
    RUNNING("running"),
    /** Stopped at its approval gate ({@code block} step). */
    PAUSED_AT_GATE("paused at gate"),
    SUCCEEDED("succeeded"),
    /** Finished unsuccessfully (failed, unstable). */
    FAILED("failed"),
    /** Aborted, cancelled, timed out at its gate, or deleted. */
    ABORTED("aborted");

    private final String label;

    DependencyState(String label) {
        this.label = label;
    }

    /** Lower-case words for a build page and a console ("paused at gate"). */
    public String label() {
        return label;
    }

    /** Whether the build has ended. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == ABORTED;
    }

    /** Whether the build exists (it has left the queue). */
    public boolean hasStarted() {
        return this == RUNNING || this == PAUSED_AT_GATE || isFinished() && this != ABORTED;
    }

    /** Whether the build has left the queue or ended (started, paused at its gate, or finished in any way). */
    public boolean isPastQueue() {
        return this != WAITING_FOR_DEPENDENCY && this != QUEUED && this != BLOCKED_IN_QUEUE;
    }

    /**
     * The state of a finished build from its result's name ({@code SUCCESS}, {@code UNSTABLE}, {@code FAILURE},
     * {@code NOT_BUILT}, {@code ABORTED}, case-insensitive): only a successful build has succeeded, as a Buildkite
     * trigger counts it; an unstable one has failed.
     */
    public static DependencyState ofResult(String result) {
        String name = result == null ? "" : result.toUpperCase(Locale.ROOT);
        return switch (name) {
            case "SUCCESS" -> SUCCEEDED;
            case "ABORTED" -> ABORTED;
            default -> FAILED;
        };
    }
}
