package io.jenkins.plugins.installerpipeline.interpolation;

import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recursive-descent parser for Buildkite's substitution grammar (after buildkite/interpolate):
 *
 * <pre>
 * Expression = { "\\" | "\$" | "$$" | "$(" | Expansion | Text }
 * Expansion  = "$" Name | "${" Name [ Operation ] "}"        ("$" before anything else is literal)
 * Operation  = ( ":-" | "-" | ":?" | "?" | ":+" | "+" ) Expression | ":" Offset [ ":" Length ]
 * </pre>
 *
 * Not thread-safe; one instance per parse.
 */
final class TemplateParser {

    /** Thrown inside the parser only; {@link Template#parse} turns it into an {@link ColumnError}. */
    static final class Failure extends RuntimeException {
        final transient ColumnError error;

        Failure(int column, String message) {
            super(message, null, false, false);
            this.error = new ColumnError(column, message);
        }
    }

    /** Deepest nesting of {@code ${A:-${B:-...}}}; bounds recursion so no text can exhaust the stack. */
    static final int MAX_NESTING = 100;

    private final String input;
    private final Syntax syntax;
    private int pos;
    private int nesting;

    TemplateParser(String input, Syntax syntax) {
        this.input = input;
        this.syntax = syntax;
    }

    List<Part> parse() {
        return parseExpression(false);
    }

    /** A default, alternate or message word, up to the closing brace. */
    private List<Part> parseWord() {
        return syntax == Syntax.CONDITION ? parseShellWord("}") : parseExpression(true);
    }

    private List<Part> parseExpression(boolean insideBraces) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (insideBraces && c == '}') {
                break;
            }
            if (input.startsWith("\\\\", pos)) {
                // buildkite/interpolate keeps an escaped backslash as it is.
                text.append("\\\\");
                pos += 2;
            } else if (input.startsWith("\\$", pos) || input.startsWith("$$", pos)) {
                text.append('$');
                pos += 2;
            } else if (input.startsWith("$(", pos)) {
                // A shell command substitution is left for the shell that runs the command.
                text.append("$(");
                pos += 2;
            } else if (c == '$' && pos + 1 < input.length()) {
                Part part = parseExpansion();
                if (part instanceof Part.Text t) {
                    text.append(t.value());
                } else {
                    flush(text, parts);
                    parts.add(part);
                }
            } else {
                text.append(c);
                pos++;
            }
        }
        flush(text, parts);
        return parts;
    }

    private static void flush(StringBuilder text, List<Part> parts) {
        if (!text.isEmpty()) {
            parts.add(new Part.Text(text.toString()));
            text.setLength(0);
        }
    }

    private Part parseExpansion() {
        int start = pos;
        int column = start + 1;
        pos++; // '$'
        char c = input.charAt(pos);
        if (c == '{') {
            return parseBraces(start, column);
        }
        if (!isNameStart(c)) {
            return new Part.Text("$");
        }
        return new Part.Reference(scanName(), column);
    }

    private Part parseBraces(int start, int column) {
        if (++nesting > MAX_NESTING) {
            throw new Failure(column, "expansions are nested more than " + MAX_NESTING + " deep");
        }
        try {
            return parseBracesBody(start, column);
        } finally {
            nesting--;
        }
    }

    private Part parseBracesBody(int start, int column) {
        pos++; // '{'
        if (pos >= input.length() || !isNameStart(input.charAt(pos))) {
            if (pos < input.length() && input.charAt(pos) == '}') {
                throw new Failure(column, "`${}` names no variable");
            }
            throw new Failure(column, "expected a variable name after `${` in `" + excerpt(start) + "`");
        }
        String name = scanName();
        if (pos >= input.length()) {
            throw unterminated(start, column, name);
        }
        char op = input.charAt(pos++);
        Part part;
        switch (op) {
            case '}':
                return new Part.Reference(name, column);
            case '-':
                part = new Part.Default(name, column, false, parseWord());
                break;
            case '?':
                part = new Part.Required(name, column, false, parseWord());
                break;
            case '+':
                if (syntax != Syntax.CONDITION) {
                    throw unsupportedOperator(start, column, name, "+");
                }
                part = new Part.Alternate(name, column, false, parseWord());
                break;
            case ':':
                char next = pos < input.length() ? input.charAt(pos) : '\0';
                if (next == '-') {
                    pos++;
                    part = new Part.Default(name, column, true, parseWord());
                } else if (next == '?') {
                    pos++;
                    part = new Part.Required(name, column, true, parseWord());
                } else if (next == '+' && syntax == Syntax.CONDITION) {
                    pos++;
                    part = new Part.Alternate(name, column, true, parseWord());
                } else {
                    part = parseSubstring(start, column, name);
                }
                break;
            default:
                throw unsupportedOperator(start, column, name, String.valueOf(op));
        }
        if (pos >= input.length() || input.charAt(pos) != '}') {
            throw unterminated(start, column, name);
        }
        pos++;
        return part;
    }

    private Part parseSubstring(int start, int column, String name) {
        if (syntax == Syntax.CONDITION) {
            // The server expands substitutions in offset and length, and splits them at a top-level colon.
            List<Part> offset = checkedIfLiteral(parseShellWord(":}"), start, column, "offset");
            Optional<List<Part>> length = Optional.empty();
            if (pos < input.length() && input.charAt(pos) == ':') {
                pos++;
                length = Optional.of(checkedIfLiteral(parseShellWord(":}"), start, column, "length"));
                if (pos < input.length() && input.charAt(pos) == ':') {
                    throw new Failure(column, "`" + excerpt(start) + "` has more than an offset and a length");
                }
            }
            return new Part.Substring(name, column, offset, length);
        }
        List<Part> offset = literalInteger(scanUntil(":}"), start, column, "offset");
        Optional<List<Part>> length = Optional.empty();
        if (pos < input.length() && input.charAt(pos) == ':') {
            pos++;
            length = Optional.of(literalInteger(scanUntil("}"), start, column, "length"));
        }
        return new Part.Substring(name, column, offset, length);
    }

    /** A word without substitutions can never become a number later: reject it now. */
    private List<Part> checkedIfLiteral(List<Part> word, int start, int column, String what) {
        if (word.isEmpty()) {
            return literalInteger("", start, column, what);
        }
        if (word.size() == 1 && word.get(0) instanceof Part.Text t) {
            return literalInteger(t.value(), start, column, what);
        }
        return word;
    }

    private List<Part> literalInteger(String raw, int start, int column, String what) {
        String trimmed = raw.strip();
        try {
            Integer.parseInt(trimmed);
            return List.of(new Part.Text(trimmed));
        } catch (NumberFormatException e) {
            throw new Failure(column, "substring " + what + " `" + raw + "` in `" + excerpt(start)
                    + "` is not a whole number");
        }
    }

    /**
     * A word as the server's shell expansion reads it inside {@code ${...}} of a conditional, up to one of
     * {@code stops} outside quotes: backslash escapes are decoded, quotes are removed (a quoted {@code }} does not
     * close), {@code $$} is a dollar, and substitutions nest; single quotes keep their contents literal.
     */
    private List<Part> parseShellWord(String stops) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (stops.indexOf(c) >= 0) {
                break;
            }
            if (c == '\\') {
                escape(text);
            } else if (c == '\'') {
                int open = pos++;
                while (true) {
                    if (pos >= input.length()) {
                        throw new Failure(open + 1, "the quoted text starting here has no closing '");
                    }
                    char q = input.charAt(pos);
                    if (q == '\'') {
                        pos++;
                        break;
                    }
                    if (q == '\\' && pos + 1 < input.length()
                            && (input.charAt(pos + 1) == '\\' || input.charAt(pos + 1) == '\'')) {
                        text.append(input.charAt(pos + 1));
                        pos += 2;
                    } else {
                        text.append(q);
                        pos++;
                    }
                }
            } else if (c == '"') {
                int open = pos++;
                while (true) {
                    if (pos >= input.length()) {
                        throw new Failure(open + 1, "the quoted text starting here has no closing \"");
                    }
                    char q = input.charAt(pos);
                    if (q == '"') {
                        pos++;
                        break;
                    }
                    if (q == '\\') {
                        escape(text);
                    } else if (q == '$') {
                        dollar(parts, text);
                    } else {
                        text.append(q);
                        pos++;
                    }
                }
            } else if (c == '$') {
                dollar(parts, text);
            } else {
                text.append(c);
                pos++;
            }
        }
        flush(text, parts);
        return parts;
    }

    private void escape(StringBuilder text) {
        if (pos + 1 >= input.length()) {
            throw new Failure(pos + 1, "a backslash at the end escapes nothing");
        }
        int next = ShellEscapes.readDoubleQuoted(input, pos, text);
        if (next < 0) {
            throw new Failure(pos + 1, "the octal escape `" + input.substring(pos, Math.min(pos + 4, input.length()))
                    + "` is out of range (at most \\377)");
        }
        pos = next;
    }

    private void dollar(List<Part> parts, StringBuilder text) {
        char next = pos + 1 < input.length() ? input.charAt(pos + 1) : '\0';
        if (next == '$') {
            text.append('$');
            pos += 2;
        } else if (next == '{' || isNameStart(next)) {
            flush(text, parts);
            parts.add(parseExpansion());
        } else {
            text.append('$');
            pos++;
        }
    }

    private String scanUntil(String stops) {
        int from = pos;
        while (pos < input.length() && stops.indexOf(input.charAt(pos)) < 0) {
            pos++;
        }
        return input.substring(from, pos);
    }

    private String scanName() {
        int from = pos;
        pos++;
        while (pos < input.length() && isNamePart(input.charAt(pos))) {
            pos++;
        }
        return input.substring(from, pos);
    }

    private boolean isNameStart(char c) {
        if (syntax == Syntax.CONDITION) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }
        return Character.isLetter(c);
    }

    private boolean isNamePart(char c) {
        if (syntax == Syntax.CONDITION) {
            return isNameStart(c) || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private Failure unterminated(int start, int column, String name) {
        return new Failure(column, "`" + excerpt(start) + "` is not closed: expected `}` after `${" + name);
    }

    private Failure unsupportedOperator(int start, int column, String name, String op) {
        return new Failure(column, "`" + op + "` is not a substitution operator in `" + excerpt(start)
                + "` (use `${" + name + ":-default}`, `${" + name + "-default}`, `${" + name + ":?message}`, `${"
                + name + "?message}` or `${" + name + ":offset:length}`)");
    }

    /** The expansion starting at {@code start}, cut at its closing brace or a readable length. */
    private String excerpt(int start) {
        int end = input.indexOf('}', start);
        end = end < 0 ? input.length() : end + 1;
        end = Math.min(end, start + 60);
        return input.substring(start, end);
    }
}
