package io.jenkins.plugins.installerpipeline.convert;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;

/**
 * A definition's text, to point a warning at the line a command or value comes from: the model keeps the location
 * of each step, not of each string inside it.
 */
final class SourceText {

    private final String file;
    private final String[] lines;

    SourceText(String file, String text) {
        this.file = file;
        this.lines = text.split("\r?\n", -1);
    }

    String file() {
        return file;
    }

    /**
     * Where {@code text} (stripped) first appears at or after line {@code from}: its line and column; line
     * {@code from}, column 1, when it does not.
     */
    SourceLocation find(String text, int from) {
        String needle = text.strip();
        if (!needle.isEmpty()) {
            for (int i = Math.max(0, from - 1); i < lines.length; i++) {
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
}
