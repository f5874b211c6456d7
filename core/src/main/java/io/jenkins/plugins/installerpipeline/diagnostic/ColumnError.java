package io.jenkins.plugins.installerpipeline.diagnostic;

import java.util.Objects;

/**
 * A problem at a column of a one-line text that has no file of its own: an {@code if:} expression that is invalid or
 * could not be evaluated, or a value whose {@code ${...}} expansion failed. It becomes a {@link Diagnostic} once the
 * text's place in a file is known.
 *
 * @param column  1-based column inside the text of the offending token, expansion or variable (one past the end for
 *                a text that ends too early)
 * @param message what is wrong, naming the offending token, expansion, variable or function
 */
public record ColumnError(int column, String message) {

    public ColumnError {
        Objects.requireNonNull(message, "message");
        if (column < 1) {
            throw new IllegalArgumentException("column is 1-based: " + column);
        }
    }

    /**
     * This error as a diagnostic in a file, where {@code valueLocation} is the location of the text's first
     * character (for a quoted YAML value, the character after the quote).
     */
    public Diagnostic at(SourceLocation valueLocation) {
        return Diagnostic.error(valueLocation.shiftColumns(column - 1), message);
    }

    /** {@code column N: MESSAGE}, for places without a file (the CLI's {@code eval} and {@code interpolate}). */
    public String format() {
        return "column " + column + ": " + message;
    }
}
