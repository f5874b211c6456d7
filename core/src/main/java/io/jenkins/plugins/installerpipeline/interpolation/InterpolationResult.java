package io.jenkins.plugins.installerpipeline.interpolation;

import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/** The outcome of expanding a text: the expanded text, or the error that stopped it. */
public sealed interface InterpolationResult permits InterpolationResult.Expanded, InterpolationResult.Failed {

    /** The expanded text, if expansion succeeded. */
    Optional<String> text();

    /** The error as a diagnostic at {@code valueLocation} (the text's first character), if expansion failed. */
    Optional<Diagnostic> diagnostic(SourceLocation valueLocation);

    /** @param value the text with every expansion replaced */
    record Expanded(String value) implements InterpolationResult {
        public Expanded {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<String> text() {
            return Optional.of(value);
        }

        @Override
        public Optional<Diagnostic> diagnostic(SourceLocation valueLocation) {
            return Optional.empty();
        }
    }

    /** @param error why the text could not be expanded */
    record Failed(ColumnError error) implements InterpolationResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public Optional<String> text() {
            return Optional.empty();
        }

        @Override
        public Optional<Diagnostic> diagnostic(SourceLocation valueLocation) {
            return Optional.of(error.at(valueLocation));
        }
    }
}
