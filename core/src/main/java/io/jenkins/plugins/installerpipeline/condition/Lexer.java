package io.jenkins.plugins.installerpipeline.condition;

import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import io.jenkins.plugins.installerpipeline.condition.Token.Type;
import io.jenkins.plugins.installerpipeline.interpolation.ShellEscapes;
import io.jenkins.plugins.installerpipeline.interpolation.Syntax;
import io.jenkins.plugins.installerpipeline.interpolation.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a conditional into tokens, as buildkite/conditional's lexer does: {@code //} comments, identifiers with
 * dots ({@code build.pull_request.id} is one token), single- and double-quoted strings with escapes, regular
 * expressions with flags, and shell substitutions. A character that starts no token becomes an
 * {@link Type#ILLEGAL} token whose value says why, which the parser reports with its column.
 */
final class Lexer {

    private static final Map<String, Type> KEYWORDS = Map.of(
            "true", Type.TRUE, "false", Type.FALSE, "null", Type.NULL, "includes", Type.INCLUDES);

    private final String input;
    private int pos;

    Lexer(String input) {
        this.input = input;
    }

    /** Every token of the input, ending with {@link Type#EOF}. */
    List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = next();
            tokens.add(token);
        } while (token.type() != Type.EOF && token.type() != Type.ILLEGAL);
        return tokens;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < input.length() ? input.charAt(i) : '\0';
    }

    private Token next() {
        skipWhitespaceAndComments();
        int start = pos;
        int column = start + 1;
        if (pos >= input.length()) {
            return new Token(Type.EOF, "", column);
        }
        char c = input.charAt(pos);
        switch (c) {
            case '=':
                if (peek(1) == '=') {
                    return symbol(Type.EQ, 2);
                }
                if (peek(1) == '~') {
                    return symbol(Type.RE_EQ, 2);
                }
                return illegal(column, "=", "`=` is not an operator: compare with `==`");
            case '!':
                if (peek(1) == '=') {
                    return symbol(Type.NOT_EQ, 2);
                }
                if (peek(1) == '~') {
                    return symbol(Type.RE_NOT_EQ, 2);
                }
                return symbol(Type.BANG, 1);
            case '&':
                if (peek(1) == '&') {
                    return symbol(Type.AND, 2);
                }
                return illegal(column, "&", "`&` is not an operator: use `&&`");
            case '|':
                if (peek(1) == '|') {
                    return symbol(Type.OR, 2);
                }
                return illegal(column, "|", "`|` is not an operator: use `||`");
            case ',':
                return symbol(Type.COMMA, 1);
            case '.':
                return symbol(Type.DOT, 1);
            case '?':
                return symbol(Type.QUESTION, 1);
            case ':':
                return symbol(Type.COLON, 1);
            case '(':
                return symbol(Type.LPAREN, 1);
            case ')':
                return symbol(Type.RPAREN, 1);
            case '[':
                return symbol(Type.LBRACKET, 1);
            case ']':
                return symbol(Type.RBRACKET, 1);
            case '$':
                return shell(column);
            case '"':
                return doubleQuoted(column);
            case '\'':
                return singleQuoted(column);
            case '/':
                return regex(column);
            default:
                if (isIdentStart(c)) {
                    while (pos < input.length() && isIdentPart(input.charAt(pos))) {
                        pos++;
                    }
                    String word = input.substring(start, pos);
                    return new Token(KEYWORDS.getOrDefault(word, Type.IDENT), word, column);
                }
                if (isDigit(c)) {
                    while (pos < input.length() && isDigit(input.charAt(pos))) {
                        pos++;
                    }
                    return new Token(Type.INT, input.substring(start, pos), column);
                }
                String shown = new String(Character.toChars(input.codePointAt(pos)));
                return illegal(column, shown, "unexpected character `" + shown + "`");
        }
    }

    private Token symbol(Type type, int length) {
        Token token = new Token(type, input.substring(pos, pos + length), pos + 1);
        pos += length;
        return token;
    }

    private Token illegal(int column, String text, String message) {
        pos = input.length();
        return new Token(Type.ILLEGAL, text, column, message, "", List.of());
    }

    private void skipWhitespaceAndComments() {
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                while (pos < input.length() && input.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token shell(int column) {
        int start = pos;
        int end = expansionEnd(input, start);
        if (end < 0) {
            if (peek(1) == '{') {
                return illegal(column, input.substring(start), "`" + input.substring(start)
                        + "` is not closed: expected `}`");
            }
            return illegal(column, "$", "`$` must start a substitution such as `$NAME` or `${NAME:-default}`");
        }
        pos = end;
        String raw = input.substring(start, end);
        return new Token(Type.SHELL, raw, column);
    }

    private Token doubleQuoted(int column) {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        List<Node.StringPiece> pieces = new ArrayList<>();
        boolean substituted = false;
        while (true) {
            if (pos >= input.length()) {
                return unterminated(column, start, '"');
            }
            char c = input.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\') {
                if (pos + 1 >= input.length()) {
                    return unterminated(column, start, '"');
                }
                int next = ShellEscapes.readDoubleQuoted(input, pos, value);
                if (next < 0) {
                    String escape = input.substring(pos, Math.min(pos + 4, input.length()));
                    return illegal(pos + 1, escape, "the octal escape `" + escape + "` is out of range (at most \\377)");
                }
                pos = next;
                continue;
            }
            if (c == '$') {
                if (peek(1) == '$') {
                    value.append('$');
                    pos += 2;
                    continue;
                }
                int end = expansionEnd(input, pos);
                if (end < 0) {
                    value.append('$');
                    pos++;
                    continue;
                }
                String raw = input.substring(pos, end);
                Template.Parse parse = Template.parse(raw, Syntax.CONDITION);
                if (parse instanceof Template.Parse.Invalid invalid) {
                    ColumnError error = invalid.error();
                    return illegal(pos + error.column(), raw, error.message());
                }
                if (!value.isEmpty()) {
                    pieces.add(new Node.StringPiece.Literal(value.toString()));
                    value.setLength(0);
                }
                pieces.add(new Node.StringPiece.Substitution(((Template.Parse.Valid) parse).template(), pos + 1));
                substituted = true;
                pos = end;
                continue;
            }
            value.append(c);
            pos++;
        }
        String text = input.substring(start, pos);
        if (!substituted) {
            return new Token(Type.STRING, text, column, value.toString(), "\"", List.of());
        }
        if (!value.isEmpty()) {
            pieces.add(new Node.StringPiece.Literal(value.toString()));
        }
        return new Token(Type.STRING, text, column, "", "\"", List.copyOf(pieces));
    }

    private Token singleQuoted(int column) {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= input.length()) {
                return unterminated(column, start, '\'');
            }
            char c = input.charAt(pos);
            if (c == '\'') {
                pos++;
                break;
            }
            if (c == '\\') {
                if (pos + 1 >= input.length()) {
                    return unterminated(column, start, '\'');
                }
                char next = input.charAt(pos + 1);
                // Only \\ and \' are escapes in single quotes; any other backslash is kept.
                if (next == '\\' || next == '\'') {
                    value.append(next);
                } else {
                    value.append(c).append(next);
                }
                pos += 2;
                continue;
            }
            value.append(c);
            pos++;
        }
        return new Token(Type.STRING, input.substring(start, pos), column, value.toString(), "'", List.of());
    }

    private Token unterminated(int column, int start, char quote) {
        String text = input.substring(start);
        return illegal(column, text, "the string starting here has no closing " + quote);
    }

    private Token regex(int column) {
        int start = pos;
        pos++;
        boolean escaped = false;
        while (true) {
            if (pos >= input.length()) {
                return illegal(column, input.substring(start),
                        "the regular expression starting here has no closing `/`");
            }
            char c = input.charAt(pos);
            if (c == '/' && !escaped) {
                break;
            }
            escaped = c == '\\' && !escaped;
            pos++;
        }
        String pattern = input.substring(start + 1, pos);
        pos++;
        int flagsStart = pos;
        while (pos < input.length() && isLetter(input.charAt(pos))) {
            pos++;
        }
        String flags = input.substring(flagsStart, pos);
        return new Token(Type.REGEXP, input.substring(start, pos), column, pattern, flags, List.of());
    }

    /**
     * The index just past the shell substitution starting at {@code start} ({@code $NAME}, {@code $NAME.rest} or a
     * balanced {@code ${...}}), or -1 when the {@code $} starts none.
     */
    static int expansionEnd(String raw, int start) {
        if (start + 1 >= raw.length()) {
            return -1;
        }
        char first = raw.charAt(start + 1);
        if (isIdentStart(first)) {
            int i = start + 2;
            while (i < raw.length() && isIdentPart(raw.charAt(i))) {
                i++;
            }
            return i;
        }
        if (first != '{') {
            return -1;
        }
        int depth = 1;
        for (int i = start + 2; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\'') {
                int close = closingQuote(raw, i);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int closingQuote(String raw, int start) {
        char quote = raw.charAt(start);
        boolean escaped = false;
        for (int i = start + 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == quote && !escaped) {
                return i;
            }
            escaped = c == '\\' && !escaped;
        }
        return -1;
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isIdentStart(char c) {
        return isLetter(c) || c == '_';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c) || c == '.';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
