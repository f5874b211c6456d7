package io.jenkins.plugins.installerpipeline.checks;

import io.jenkins.plugins.installerpipeline.plan.DependencyState;
import java.util.Locale;
import java.util.Optional;

/** Where an installer build stands, as GitHub learns it (the plugin's installer states, by the same names). */
public enum InstallerPhase {
    WAITING_FOR_DEPENDENCY,
    QUEUED,
    BLOCKED_IN_QUEUE,
    RUNNING,
    PAUSED_AT_GATE,
    SUCCEEDED,
    FAILED,
    ABORTED;

    /** The phase of a stored state name; empty for a name this version does not know. */
    public static Optional<InstallerPhase> parse(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The phase of a build in the orchestration's state (the one mapping between the two). */
    public static InstallerPhase of(DependencyState state) {
        return switch (state) {
            case WAITING_FOR_DEPENDENCY -> WAITING_FOR_DEPENDENCY;
            case QUEUED -> QUEUED;
            case BLOCKED_IN_QUEUE -> BLOCKED_IN_QUEUE;
            case RUNNING -> RUNNING;
            case PAUSED_AT_GATE -> PAUSED_AT_GATE;
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case ABORTED -> ABORTED;
        };
    }
}
