package io.jenkins.plugins.installerpipeline.condition;

import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import java.util.Objects;

/** The outcome of evaluating a condition: true or false, or the error that stopped evaluation. */
public sealed interface Evaluation permits Evaluation.Decided, Evaluation.Failed {

    /** @param value whether the condition holds ({@code null} results count as false) */
    record Decided(boolean value) implements Evaluation {
    }

    /** @param error why the condition could not be evaluated, with the column inside the expression */
    record Failed(ColumnError error) implements Evaluation {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
