package io.jenkins.plugins.installerpipeline.condition;

import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import java.util.Objects;

/** The outcome of compiling an expression: a checked {@link Condition}, or the first error with its column. */
public sealed interface Compilation permits Compilation.Valid, Compilation.Invalid {

    /** @param condition the parsed and type-checked condition */
    record Valid(Condition condition) implements Compilation {
        public Valid {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** @param error the first syntax or type error */
    record Invalid(ColumnError error) implements Compilation {
        public Invalid {
            Objects.requireNonNull(error, "error");
        }
    }
}
