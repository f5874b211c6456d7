package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Objects;

/**
 * Seam for upload-time interpolation ({@code ${VAR}}): the reader applies it to every string scalar value
 * (never to mapping keys) before building the model. Plug it in with {@link ReadOptions#withScalarTransform}.
 */
@FunctionalInterface
public interface ScalarTransform {

    /**
     * Transforms one string value.
     *
     * @param value the scalar's text
     * @param at    the location of its first character (after an opening quote)
     * @return the new text, or a diagnostic (the value is then left as it was and the read fails)
     */
    Result apply(String value, SourceLocation at);

    /** Leaves every value as written; the default. */
    static ScalarTransform identity() {
        return (value, at) -> new Value(value);
    }

    /** What a transform returns: a {@link Value} or a {@link Problem}. */
    sealed interface Result permits Value, Problem {}

    /** The transformed text. @param text the new text */
    record Value(String text) implements Result {
        public Value {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The value could not be transformed. @param diagnostic why, and where */
    record Problem(Diagnostic diagnostic) implements Result {
        public Problem {
            Objects.requireNonNull(diagnostic, "diagnostic");
        }
    }
}
