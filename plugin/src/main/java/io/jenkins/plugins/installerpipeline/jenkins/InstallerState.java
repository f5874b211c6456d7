package io.jenkins.plugins.installerpipeline.jenkins;

import io.jenkins.plugins.installerpipeline.plan.DependencyState;

/**
 * Where one installer build of an orchestration stands, as shown on the upstream build's page.
 * Stored by name in {@code build.xml}.
 */
public enum InstallerState {
    /** Not yet scheduled: it waits for a trigger it depends on (the Pi build waits for the Debian build). */
    WAITING_FOR_DEPENDENCY("waiting for a dependency", false),
    /** In the queue. */
    QUEUED("queued", false),
    /** Started and not stopped at its gate. */
    RUNNING("running", false),
    /** Stopped at its approval gate ({@code blockUnlessTag}). */
    PAUSED_AT_GATE("paused at gate", false),
    SUCCEEDED("succeeded", true),
    /** Finished with FAILURE or UNSTABLE. */
    FAILED("failed", true),
    /** Aborted, cancelled in the queue, timed out at its gate, or deleted. */
    ABORTED("aborted", true);

    private final String label;
    private final boolean finished;

    InstallerState(String label, boolean finished) {
        this.label = label;
        this.finished = finished;
    }

    /** Lower-case words for the build page and the console. */
    public String getLabel() {
        return label;
    }

    /** Whether the build has ended (it will not change state again). */
    public boolean isFinished() {
        return finished;
    }

    /** The same state for the engine's {@code plan.DependencyRule} (the names match). */
    public DependencyState toDependencyState() {
        return DependencyState.valueOf(name());
    }

    /** Parses a stored name; unknown names (from a newer version) read as {@link #RUNNING}. */
    static InstallerState parse(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return RUNNING;
        }
    }
}
