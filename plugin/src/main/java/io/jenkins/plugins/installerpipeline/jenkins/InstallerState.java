package io.jenkins.plugins.installerpipeline.jenkins;

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
    /** Stopped at its approval gate ({@code blockUnlessTag}); counts as passed for triggers that depend on it. */
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

    /**
     * Whether a trigger that depends on this build may be scheduled: as on Buildkite, a blocked build counts as
     * passed for the trigger.
     */
    public boolean satisfiesDependency() {
        return this == SUCCEEDED || this == PAUSED_AT_GATE;
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
