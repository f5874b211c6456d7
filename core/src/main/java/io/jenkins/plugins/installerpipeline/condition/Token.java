package io.jenkins.plugins.installerpipeline.condition;

import java.util.List;

/**
 * One lexical token of a conditional.
 *
 * @param type   what kind of token
 * @param text   the token as written in the expression
 * @param column 1-based column of its first character
 * @param value  the decoded value: a string's contents, a regular expression's pattern, an error message for
 *               {@link Type#ILLEGAL}; otherwise the text
 * @param flags  a regular expression's flags (empty for other tokens)
 * @param pieces a double-quoted string's literal text and substitutions, when it has substitutions (else empty)
 */
record Token(Type type, String text, int column, String value, String flags, List<Node.StringPiece> pieces) {

    enum Type {
        ILLEGAL, EOF,
        IDENT, INT, STRING, REGEXP, SHELL,
        BANG, DOT,
        EQ, NOT_EQ, RE_EQ, RE_NOT_EQ, INCLUDES,
        AND, OR,
        QUESTION, COLON, COMMA, LPAREN, RPAREN, LBRACKET, RBRACKET,
        TRUE, FALSE, NULL
    }

    Token(Type type, String text, int column) {
        this(type, text, column, text, "", List.of());
    }

    /** How the token is shown in messages. */
    String shown() {
        return type == Type.EOF ? "the end of the expression" : "`" + text + "`";
    }
}
