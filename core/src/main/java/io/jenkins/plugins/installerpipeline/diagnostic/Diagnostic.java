package io.jenkins.plugins.installerpipeline.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in user input, with where it is and a message a user can act on. Messages name the
 * offending value or key, so a user can find it even without the location.
 *
 * @param location where the problem is
 * @param severity error or warning
 * @param message  what is wrong, naming the value or key
 */
public record Diagnostic(SourceLocation location, Severity severity, String message) implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::location)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(SourceLocation location, String message) {
        return new Diagnostic(location, Severity.ERROR, message);
    }

    public static Diagnostic warning(SourceLocation location, String message) {
        return new Diagnostic(location, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE:COL: error: MESSAGE}, the one-line form the CLI and the Jenkins console print. */
    public String format() {
        return location + ": " + severity.label() + ": " + message;
    }

    /**
     * {@code FILE: error: MESSAGE}: for a problem with a file as a whole (a release file's name, a file that does not
     * exist), where a line and column would be invented.
     */
    public String formatForFile() {
        return location.file() + ": " + severity.label() + ": " + message;
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}
