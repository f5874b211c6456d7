package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Objects;

/**
 * The {@code if:} condition of a step, still as text (the condition package parses it).
 *
 * @param expression the expression text (after upload-time interpolation, if any)
 * @param location   the first character of the expression: for a quoted scalar, the character after the
 *                   opening quote. Add the 0-based offset of a token on the first line with
 *                   {@link SourceLocation#shiftColumns(int)} to point at it.
 */
public record IfExpression(String expression, SourceLocation location) {
    public IfExpression {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(location, "location");
    }
}
