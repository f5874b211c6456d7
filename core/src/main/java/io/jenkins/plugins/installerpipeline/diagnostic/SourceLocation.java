package io.jenkins.plugins.installerpipeline.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * A position in a user's file: the file name as the user gave it, and a 1-based line and column.
 *
 * @param file   the file as named by the user (never absolute-ised, so messages match what they typed)
 * @param line   1-based line
 * @param column 1-based column
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    private static final Comparator<SourceLocation> ORDER = Comparator.comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** The start of a file, for problems that belong to the file as a whole (unreadable, empty). */
    public static SourceLocation startOf(String file) {
        return new SourceLocation(file, 1, 1);
    }

    /**
     * The location {@code offset} characters to the right on the same line; used to point inside a value,
     * such as the column of a bad token inside an {@code if:} expression.
     */
    public SourceLocation shiftColumns(int offset) {
        return new SourceLocation(file, line, Math.max(1, column + offset));
    }

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
