package io.jenkins.plugins.installerpipeline.interpolation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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

    /** Thrown inside the parser only; {@link Template#parse} turns it into an {@link InterpolationError}. */
    static final class Failure extends RuntimeException {
        final transient InterpolationError error;

        Failure(int column, String message) {
            super(message, null, false, false);
            this.error = new InterpolationError(column, message);
        }
    }

    private final String input;
    private final Syntax syntax;
    private int pos;

    TemplateParser(String input, Syntax syntax) {
        this.input = input;
        this.syntax = syntax;
    }

    List<Part> parse() {
        return parseExpression(false);
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
                part = new Part.Default(name, column, false, parseExpression(true));
                break;
            case '?':
                part = new Part.Required(name, column, false, parseExpression(true));
                break;
            case '+':
                if (syntax != Syntax.CONDITION) {
                    throw unsupportedOperator(start, column, name, "+");
                }
                part = new Part.Alternate(name, column, false, parseExpression(true));
                break;
            case ':':
                char next = pos < input.length() ? input.charAt(pos) : '\0';
                if (next == '-') {
                    pos++;
                    part = new Part.Default(name, column, true, parseExpression(true));
                } else if (next == '?') {
                    pos++;
                    part = new Part.Required(name, column, true, parseExpression(true));
                } else if (next == '+' && syntax == Syntax.CONDITION) {
                    pos++;
                    part = new Part.Alternate(name, column, true, parseExpression(true));
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
        int offset = parseInteger(scanUntil(":}"), start, column, "offset");
        OptionalInt length = OptionalInt.empty();
        if (pos < input.length() && input.charAt(pos) == ':') {
            pos++;
            length = OptionalInt.of(parseInteger(scanUntil("}"), start, column, "length"));
        }
        return new Part.Substring(name, column, offset, length);
    }

    private int parseInteger(String raw, int start, int column, String what) {
        String trimmed = raw.strip();
        try {
            return Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            throw new Failure(column, "substring " + what + " `" + raw + "` in `" + excerpt(start)
                    + "` is not a whole number");
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
