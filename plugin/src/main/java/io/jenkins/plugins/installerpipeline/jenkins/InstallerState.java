package io.jenkins.plugins.installerpipeline.jenkins;

import io.jenkins.plugins.installerpipeline.checks.InstallerPhase;
import io.jenkins.plugins.installerpipeline.plan.DependencyState;

/**
 * Where one installer build of an orchestration stands, as shown on the upstream build's page.
 * Stored by name in {@code build.xml}. Each state is the engine's {@link DependencyState} of the same meaning: the
 * rules (when a trigger is scheduled, when {@code triggerInstallers} returns, labels) are the engine's.
 */
public enum InstallerState {
    /** Not yet scheduled: it waits for a trigger it depends on (the Pi build waits for the Debian build). */
    WAITING_FOR_DEPENDENCY(DependencyState.WAITING_FOR_DEPENDENCY),
    /** In the queue. */
    QUEUED(DependencyState.QUEUED),
    /** In the queue, which cannot start it yet (the detail says why). */
    BLOCKED_IN_QUEUE(DependencyState.BLOCKED_IN_QUEUE),
    /** Started and not stopped at its gate. */
    RUNNING(DependencyState.RUNNING),
    /** Stopped at its approval gate ({@code blockUnlessTag}). */
    PAUSED_AT_GATE(DependencyState.PAUSED_AT_GATE),
    SUCCEEDED(DependencyState.SUCCEEDED),
    /** Finished with FAILURE or UNSTABLE. */
    FAILED(DependencyState.FAILED),
    /** Aborted, cancelled in the queue, timed out at its gate, or deleted. */
    ABORTED(DependencyState.ABORTED);

    /** The one mapping between the plugin's states and the engine's. */
    private final DependencyState engine;

    InstallerState(DependencyState engine) {
        this.engine = engine;
    }

    /** Lower-case words for the build page and the console. */
    public String getLabel() {
        return engine.label();
    }

    /** Whether it has been scheduled and not started yet. */
    public boolean isInQueue() {
        return this == QUEUED || this == BLOCKED_IN_QUEUE;
    }

    /** Whether the build has ended (it will not change state again). */
    public boolean isFinished() {
        return engine.isFinished();
    }

    /** The same state for the engine's rules ({@code plan.DependencyRule}, {@code plan.TriggerProgress}). */
    public DependencyState toDependencyState() {
        return engine;
    }

    /** The same state as GitHub checks and the fan-in see it. */
    public InstallerPhase toPhase() {
        return InstallerPhase.of(engine);
    }

    /** The plugin state of an engine state. */
    public static InstallerState of(DependencyState state) {
        for (InstallerState s : values()) {
            if (s.engine == state) {
                return s;
            }
        }
        throw new IllegalArgumentException("no installer state for " + state); // every engine state has one
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
