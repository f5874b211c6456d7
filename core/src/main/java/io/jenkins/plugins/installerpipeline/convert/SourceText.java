package io.jenkins.plugins.installerpipeline.convert;

import io.jenkins.plugins.installerpipeline.definition.PipelineDefinition;
import io.jenkins.plugins.installerpipeline.definition.Step;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Arrays;
import java.util.List;

/**
 * A definition's text, to point a warning at the line a command or value comes from: the model keeps the location
 * of each step, not of each string inside it.
 */
final class SourceText {

    private final String file;
    private final String[] lines;
    /** The line each step starts on, sorted: a step's own text ends before the next step starts. */
    private final int[] stepStarts;

    SourceText(PipelineDefinition definition, String text) {
        this.file = definition.file();
        this.lines = lines(text);
        List<Step> steps = definition.allSteps();
        this.stepStarts = steps.stream().mapToInt(s -> s.location().line()).sorted().distinct().toArray();
    }

    /**
     * Where {@code text} (stripped) first appears in the step whose text holds line {@code from}, at or after that
     * line: its line and column; line {@code from}, column 1, when it does not (a value written with escapes, folded,
     * or through an alias). Searching only the step's own lines keeps a later step's equal line from being named, and
     * the search linear in the size of the file.
     */
    SourceLocation find(String text, int from) {
        int next = Arrays.binarySearch(stepStarts, from + 1);
        int end = next >= 0 ? stepStarts[next] - 1 : -next - 1 < stepStarts.length ? stepStarts[-next - 1] - 1
                : lines.length;
        return find(text, from, end);
    }

    /** As {@link #find(String, int)}, searching to the end of the file (for the top-level {@code env}). */
    SourceLocation findAnywhere(String text, int from) {
        return find(text, from, lines.length);
    }

    private SourceLocation find(String text, int from, int lastLine) {
        String needle = text.strip();
        if (!needle.isEmpty()) {
            for (int i = Math.max(0, from - 1); i < Math.min(lastLine, lines.length); i++) {
                int column = lines[i].indexOf(needle);
                if (column >= 0) {
                    return new SourceLocation(file, i + 1, column + 1);
                }
            }
        }
        return new SourceLocation(file, Math.max(1, from), 1);
    }

    /** The line of a top-level key ({@code notify:}), or 1. */
    int lineOfKey(String key) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }

    /** The text's lines (a line break is LF or CRLF), without a regular expression: files can have 100,000 steps. */
    private static String[] lines(String text) {
        List<String> out = new java.util.ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
            out.add(text.substring(start, end));
            start = i + 1;
        }
        out.add(text.substring(start));
        return out.toArray(String[]::new);
    }
}
