package io.jenkins.plugins.installerpipeline.definition;

import java.util.Arrays;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's reader, over a text already in memory, in linear time and without copies.
 *
 * <p>Why: SnakeYAML's own {@link StreamReader} reads 1,024 characters at a time and copies its whole look-ahead
 * window on every read, so scanning one long token (a 20 MB scalar or comment on one line) costs time quadratic in
 * its length; and every {@link Mark} keeps that window, so a few marks kept the input alive many times over. Here
 * {@link #peek(int)} is an index into the text, and marks carry no snippet (diagnostics use only line and column).
 *
 * <p>Positions are in code points, as SnakeYAML counts them. A text with characters outside the Basic Multilingual
 * Plane (emoji) keeps the code point index of each such character, so a code point is still found in
 * {@code O(log n)} without a copy of the text.
 */
final class TextReader extends StreamReader {

    private static final int[] NO_SNIPPET = new int[0];

    /** Thrown by the constructor for a character YAML does not allow; positions are 0-based, as in marks. */
    static final class Unprintable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int codePoint;
        final int line;
        final int column;

        Unprintable(int codePoint, int line, int column) {
            super("unprintable", null, false, false);
            this.codePoint = codePoint;
            this.line = line;
            this.column = column;
        }
    }

    private final String name;
    private final String text;
    /** Code point indices of the supplementary characters, ascending; empty for most texts. */
    private final int[] supplementary;
    private final int length;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;
    /** The mark made last, returned again while the position is the same. */
    private Mark mark;

    /**
     * A reader over {@code text}.
     *
     * @throws Unprintable at the first character YAML does not allow (the same set SnakeYAML and libyaml refuse)
     */
    TextReader(String name, String text) {
        super("");
        this.name = name;
        this.text = text;
        int[] found = new int[0];
        int count = 0;
        int cp = 0;
        int scanLine = 0;
        int scanColumn = 0;
        for (int i = 0; i < text.length(); cp++) {
            char ascii = text.charAt(i);
            if (ascii >= ' ' && ascii <= '~') {
                // Printable ASCII, most of any definition: allowed, one column, not a line break.
                i++;
                scanColumn++;
                continue;
            }
            int c = text.codePointAt(i);
            if (!StreamReader.isPrintable(c)) {
                throw new Unprintable(c, scanLine, scanColumn);
            }
            if (Character.isSupplementaryCodePoint(c)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.max(16, count * 2));
                }
                found[count++] = cp;
            }
            i += Character.charCount(c);
            // Lines and columns as forward() counts them.
            if (Constant.LINEBR.has(c) || c == '\r' && i < text.length() && text.charAt(i) != '\n') {
                scanLine++;
                scanColumn = 0;
            } else if (c != 0xFEFF) {
                scanColumn++;
            }
        }
        this.supplementary = Arrays.copyOf(found, count);
        this.length = cp;
    }

    /** The char index of code point {@code cp} (0 to {@link #length}). */
    private int charIndex(int cp) {
        if (supplementary.length == 0) {
            return cp;
        }
        int before = Arrays.binarySearch(supplementary, cp);
        // Each supplementary character before cp takes one more char than its code point.
        return cp + (before >= 0 ? before : -before - 1);
    }

    private int codePoint(int cp) {
        return supplementary.length == 0 ? text.charAt(cp) : text.codePointAt(charIndex(cp));
    }

    @Override
    public Mark getMark() {
        // Marks are immutable, and the scanner often asks twice at one place (a possible simple key, then the
        // token it starts): one mark a place. Marks were a fifth of what reading a large definition allocated.
        if (mark == null || mark.getIndex() != index) {
            mark = new Mark(name, index, line, column, NO_SNIPPET, 0);
        }
        return mark;
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int count) {
        for (int i = 0; i < count && pointer < length; i++) {
            int c = codePoint(pointer++);
            index++;
            documentIndex++;
            if (Constant.LINEBR.has(c) || c == '\r' && pointer < length && codePoint(pointer) != '\n') {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int offset) {
        int cp = pointer + offset;
        return cp < length ? codePoint(cp) : 0;
    }

    @Override
    public String prefix(int count) {
        int end = Math.min(length, pointer + count);
        return pointer >= end ? "" : text.substring(charIndex(pointer), charIndex(end));
    }

    @Override
    public String prefixForward(int count) {
        String prefix = prefix(count);
        pointer += count;
        index += count;
        documentIndex += count;
        column += count;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getLine() {
        return line;
    }
}
