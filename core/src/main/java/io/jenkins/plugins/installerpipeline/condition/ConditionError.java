package io.jenkins.plugins.installerpipeline.condition;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Objects;

/**
 * Why an expression is invalid or could not be evaluated.
 *
 * @param column  1-based column inside the expression of the offending token (one past the end for an
 *                expression that ends too early)
 * @param message what is wrong, naming the offending token, variable or function
 */
public record ConditionError(int column, String message) {

    public ConditionError {
        Objects.requireNonNull(message, "message");
        if (column < 1) {
            throw new IllegalArgumentException("column is 1-based: " + column);
        }
    }

    /**
     * This error as a diagnostic in a file, where {@code valueLocation} is the location of the expression's first
     * character (for a quoted YAML value, the character after the quote).
     */
    public Diagnostic at(SourceLocation valueLocation) {
        return Diagnostic.error(valueLocation.shiftColumns(column - 1), message);
    }

    /** {@code column N: MESSAGE}, for places without a file (the CLI's {@code eval}). */
    public String format() {
        return "column " + column + ": " + message;
    }
}
