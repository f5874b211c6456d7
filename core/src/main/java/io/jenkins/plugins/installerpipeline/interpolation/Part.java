package io.jenkins.plugins.installerpipeline.interpolation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of a parsed {@link Template}: literal text or an expansion. Expansions know their column (1-based, of
 * their {@code $} in the parsed text). Public so that a consumer that expands variables later, such as the converter
 * writing a shell script, can keep each expansion in its own syntax while applying the escapes now.
 */
public sealed interface Part {

    /** An expansion of a variable: every part but literal text. */
    sealed interface Expansion extends Part permits Reference, Default, Alternate, Required, Substring {
        /** The variable's name. */
        String name();

        /** The 1-based column of its {@code $} in the parsed text. */
        int column();
    }

    /** Literal text, escapes already resolved ({@code $$} and {@code \$} are a plain {@code $}). */
    record Text(String value) implements Part {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code $NAME} or {@code ${NAME}}: the value, or nothing when unset. */
    record Reference(String name, int column) implements Expansion {
        public Reference {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * {@code ${NAME-word}} ({@code emptyCounts} false) or {@code ${NAME:-word}} ({@code emptyCounts} true): the
     * value, or the expanded word when unset (or empty).
     */
    record Default(String name, int column, boolean emptyCounts, List<Part> word) implements Expansion {
        public Default {
            Objects.requireNonNull(name, "name");
            word = List.copyOf(word);
        }
    }

    /** {@code ${NAME+word}} or {@code ${NAME:+word}} (conditionals only): the word when set (and not empty). */
    record Alternate(String name, int column, boolean emptyCounts, List<Part> word) implements Expansion {
        public Alternate {
            Objects.requireNonNull(name, "name");
            word = List.copyOf(word);
        }
    }

    /** {@code ${NAME?message}} or {@code ${NAME:?message}}: the value, or an error naming the variable. */
    record Required(String name, int column, boolean emptyCounts, List<Part> message) implements Expansion {
        public Required {
            Objects.requireNonNull(name, "name");
            message = List.copyOf(message);
        }
    }

    /**
     * {@code ${NAME:offset}} or {@code ${NAME:offset:length}}, counted in Unicode code points. Offset and length
     * are words that expand to whole numbers: literal for upload (checked when parsed), possibly substituted in
     * conditionals ({@code ${branch:2:$two}}, checked when expanded).
     */
    record Substring(String name, int column, List<Part> offset, Optional<List<Part>> length) implements Expansion {
        public Substring {
            Objects.requireNonNull(name, "name");
            offset = List.copyOf(offset);
            length = length.map(List::copyOf);
        }
    }
}
