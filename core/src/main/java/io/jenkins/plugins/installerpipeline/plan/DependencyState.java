package io.jenkins.plugins.installerpipeline.plan;

/** Where the build of a trigger stands, as an orchestrator follows it. */
public enum DependencyState {
    /** Not yet scheduled: it waits for triggers of its own. */
    WAITING_FOR_DEPENDENCY,
    QUEUED,
    RUNNING,
    /** Stopped at its approval gate ({@code block} step). */
    PAUSED_AT_GATE,
    SUCCEEDED,
    /** Finished unsuccessfully (failed, unstable). */
    FAILED,
    /** Aborted, cancelled, timed out at its gate, or deleted. */
    ABORTED;

    /** Whether the build has ended. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == ABORTED;
    }

    /** Whether the build exists (it has left the queue). */
    public boolean hasStarted() {
        return this == RUNNING || this == PAUSED_AT_GATE || isFinished() && this != ABORTED;
    }
}
