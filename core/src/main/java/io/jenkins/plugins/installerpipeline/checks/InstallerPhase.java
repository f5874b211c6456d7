package io.jenkins.plugins.installerpipeline.checks;

import java.util.Locale;
import java.util.Optional;

/** Where an installer build stands, as GitHub learns it (the plugin's installer states, by the same names). */
public enum InstallerPhase {
    WAITING_FOR_DEPENDENCY,
    QUEUED,
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
}
