package io.jenkins.plugins.installerpipeline.interpolation;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Objects;

/**
 * Why a text could not be expanded.
 *
 * @param column  1-based column inside the text, of the {@code $} that starts the offending expansion
 * @param message what is wrong, naming the expansion or variable
 */
public record InterpolationError(int column, String message) {

    public InterpolationError {
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

    /** {@code column N: MESSAGE}, for places without a file. */
    public String format() {
        return "column " + column + ": " + message;
    }
}
