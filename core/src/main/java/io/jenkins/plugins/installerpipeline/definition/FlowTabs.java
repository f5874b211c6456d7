package io.jenkins.plugins.installerpipeline.definition;

/**
 * Tabs between the tokens of a document written in flow style (JSON, as {@code json.MarshalIndent(v, "", "\t")}
 * writes it), read as the spaces they are to YAML.
 *
 * <p>Why: libyaml, and so yaml.v3 in Buildkite's agent, skips tabs between tokens in flow context; SnakeYAML skips
 * only spaces and refuses a tab that "cannot start any token". Each such tab becomes one space, so columns stay
 * the same. Only a document whose first token opens a flow collection is touched, and only outside quoted scalars
 * and comments, until that collection closes: in JSON no other token can hold a tab.
 */
final class FlowTabs {

    private FlowTabs() {}

    /** {@code text} with its flow document's separating tabs as spaces; {@code text} itself when there are none. */
    static String spaced(String text) {
        int start = firstToken(text);
        if (start < 0 || text.indexOf('\t', start) < 0 || text.charAt(start) != '[' && text.charAt(start) != '{') {
            return text;
        }
        char[] chars = null;
        int depth = 0;
        char quote = 0;
        for (int i = start; i < text.length() && (depth > 0 || i == start); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (quote == '"' && c == '\\') {
                    i++; // the escaped character
                } else if (c == quote) {
                    if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        i++; // '' is a quote inside single quotes
                    } else {
                        quote = 0;
                    }
                }
                continue;
            }
            switch (c) {
                case '[', '{' -> depth++;
                case ']', '}' -> depth--;
                case '"', '\'' -> quote = startsQuoted(text, i) ? c : 0;
                case '#' -> {
                    if (i == 0 || Character.isWhitespace(text.charAt(i - 1))) {
                        while (i + 1 < text.length() && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
                            i++;
                        }
                    }
                }
                case '\t' -> {
                    if (chars == null) {
                        chars = text.toCharArray();
                    }
                    chars[i] = ' ';
                }
                default -> { }
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** A quote opens a quoted scalar only where a token starts; inside a plain scalar ({@code don't}) it is text. */
    private static boolean startsQuoted(String text, int i) {
        for (int j = i - 1; j >= 0; j--) {
            char p = text.charAt(j);
            if (p != ' ' && p != '\t' && p != '\n' && p != '\r') {
                return p == '[' || p == '{' || p == ',' || p == ':' || p == '?';
            }
        }
        return true;
    }

    /** The index of the first character that is not whitespace, a comment or a document marker; -1 if none. */
    private static int firstToken(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF') {
                i++;
            } else if (c == '#' || c == '%' || text.startsWith("---", i)) {
                // a comment, a directive or the document start: skip the line
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                return i;
            }
        }
        return -1;
    }
}
