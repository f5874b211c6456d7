package io.jenkins.plugins.installerpipeline.convert;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Groovy literals for generated Jenkinsfiles: single-quoted strings (no {@code $} interpolation), lists, maps. */
final class Groovy {

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("as", "assert", "break", "case", "catch",
            "class", "const", "continue", "def", "default", "do", "else", "enum", "extends", "false", "finally", "for",
            "goto", "if", "implements", "import", "in", "instanceof", "interface", "new", "null", "package", "return",
            "super", "switch", "this", "throw", "throws", "trait", "true", "try", "var", "while");

    private Groovy() {}

    /** Groovy code written as it is, for a map or list value that is an expression rather than a literal. */
    record Code(String text) {}

    /**
     * A string expression ({@code '...'} or a GString {@code "..."}, as {@link #quote} and {@link Expansions#groovy}
     * write them) with literal text put in front, inside the same quotes: {@code 'NAME=' + value} without a
     * concatenation.
     */
    static String prefixed(String expression, String literal) {
        char delimiter = expression.charAt(0);
        return delimiter + escape(literal, delimiter) + expression.substring(1);
    }

    /** A single-quoted Groovy string: {@code ${...}} stays literal, as the plugin or the shell expands it later. */
    static String quote(String value) {
        return "'" + escape(value, '\'') + "'";
    }

    /** Literal text inside a double-quoted GString: {@code $} escaped, so only the expansions written around it run. */
    static String gstringText(String value) {
        return escape(value, '"');
    }

    /** {@code value} with backslashes, the {@code delimiter}, {@code $} (in a GString) and control characters escaped. */
    private static String escape(String value, char delimiter) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == delimiter || (c == '$' && delimiter == '"')) {
                        out.append('\\').append(c);
                    } else if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The body of a triple-single-quoted string ({@code '''...'''}) holding {@code text} verbatim: backslashes and
     * quotes escaped so that neither the delimiter nor an escape sequence changes the shell script.
     */
    static String tripleQuotedBody(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }

    /** A list literal of plain values. */
    static String list(List<?> values) {
        return values.stream().map(Groovy::literal).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A map literal with quoted keys, in iteration order; {@code [:]} when empty. */
    static String map(Map<?, ?> values) {
        if (values.isEmpty()) {
            return "[:]";
        }
        return values.entrySet().stream()
                .map(e -> quoteKey(String.valueOf(e.getKey())) + ": " + literal(e.getValue()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoteKey(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") && !KEYWORDS.contains(key) ? key : quote(key);
    }

    static String literal(Object value) {
        if (value instanceof Code code) {
            return code.text();
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> m) {
            return map(m);
        }
        if (value instanceof List<?> l) {
            return list(l);
        }
        return quote(String.valueOf(value));
    }
}
