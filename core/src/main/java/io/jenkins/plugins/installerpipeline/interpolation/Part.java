package io.jenkins.plugins.installerpipeline.interpolation;

import java.util.List;
import java.util.OptionalInt;

/** One piece of a parsed {@link Template}: literal text or an expansion. Expansions know their column. */
sealed interface Part {

    /** Literal text, escapes already resolved. */
    record Text(String value) implements Part {
    }

    /** {@code $NAME} or {@code ${NAME}}: the value, or nothing when unset. */
    record Reference(String name, int column) implements Part {
    }

    /**
     * {@code ${NAME-word}} ({@code emptyCounts} false) or {@code ${NAME:-word}} ({@code emptyCounts} true): the
     * value, or the expanded word when unset (or empty).
     */
    record Default(String name, int column, boolean emptyCounts, List<Part> word) implements Part {
    }

    /** {@code ${NAME+word}} or {@code ${NAME:+word}} (conditionals only): the word when set (and not empty). */
    record Alternate(String name, int column, boolean emptyCounts, List<Part> word) implements Part {
    }

    /** {@code ${NAME?message}} or {@code ${NAME:?message}}: the value, or an error naming the variable. */
    record Required(String name, int column, boolean emptyCounts, List<Part> message) implements Part {
    }

    /** {@code ${NAME:offset}} or {@code ${NAME:offset:length}}, counted in Unicode code points. */
    record Substring(String name, int column, int offset, OptionalInt length) implements Part {
    }
}
