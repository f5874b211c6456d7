package io.jenkins.plugins.installerpipeline.condition;

import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.jenkins.plugins.installerpipeline.condition.Token.Type;
import io.jenkins.plugins.installerpipeline.interpolation.Syntax;
import io.jenkins.plugins.installerpipeline.interpolation.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * A Pratt parser with buildkite/conditional's precedences, loosest first: ternary {@code ?:}, {@code ||},
 * {@code &&}, comparisons ({@code == != =~ !~ includes}, left-associative), prefix {@code !}, calls. Stops at the
 * first error, thrown as {@link Failure} with its column. One instance per parse.
 */
final class Parser {

    private static final int LOWEST = 1;
    private static final int TERNARY = 2;
    private static final int OR = 3;
    private static final int AND = 4;
    private static final int EQUALS = 5;
    private static final int PREFIX = 6;
    private static final int CALL = 7;
    private static final int DOT = 8;

    /** A syntax or type error on the way to a compiled condition; caught by {@link Condition#compile}. */
    static final class Failure extends RuntimeException {
        final transient ColumnError error;

        Failure(int column, String message) {
            super(message, null, false, false);
            this.error = new ColumnError(column, message);
        }
    }

    /**
     * At most this many operands and operators: bounds the depth of the tree, so a hostile condition cannot
     * exhaust the stack of the checker or the evaluator. Real conditions use a handful.
     */
    static final int MAX_NODES = 1000;

    private final List<Token> tokens;
    private int index;
    private int nodes;

    Parser(String expression) {
        this.tokens = new Lexer(expression).tokens();
    }

    /** The whole expression as one tree. */
    Node parse() {
        if (current().type() == Type.EOF) {
            throw new Failure(1, "the condition is empty");
        }
        Node node = parseExpression(LOWEST);
        Token after = peek();
        if (after.type() == Type.ILLEGAL) {
            throw illegal(after);
        }
        if (after.type() != Type.EOF) {
            throw new Failure(after.column(), "unexpected " + after.shown() + " after `" + node.text()
                    + "`: expected an operator such as `==`, `&&` or `||`, or the end of the condition");
        }
        return node;
    }

    private void budget() {
        if (++nodes > MAX_NODES) {
            throw new Failure(current().column(), "the condition is too long: more than " + MAX_NODES
                    + " operands and operators");
        }
    }

    private Token current() {
        return tokens.get(index);
    }

    private Token peek() {
        return tokens.get(Math.min(index + 1, tokens.size() - 1));
    }

    private void advance() {
        if (index < tokens.size() - 1) {
            index++;
        }
    }

    private static Failure illegal(Token token) {
        return new Failure(token.column(), token.value());
    }

    private static int precedence(Type type) {
        return switch (type) {
            case EQ, NOT_EQ, RE_EQ, RE_NOT_EQ, INCLUDES -> EQUALS;
            case AND -> AND;
            case OR -> OR;
            case QUESTION -> TERNARY;
            case LPAREN -> CALL;
            case DOT -> DOT;
            default -> LOWEST;
        };
    }

    private Node parseExpression(int precedence) {
        budget();
        Node left = parsePrefix();
        while (peek().type() != Type.EOF && precedence < precedence(peek().type())) {
            Type type = peek().type();
            if (type == Type.DOT) {
                return left;
            }
            budget();
            advance();
            left = switch (type) {
                case QUESTION -> parseTernary(left);
                case LPAREN -> parseCall(left);
                default -> parseBinary(left);
            };
        }
        return left;
    }

    private Node parsePrefix() {
        Token token = current();
        return switch (token.type()) {
            case IDENT -> identifier(token);
            case INT -> integer(token);
            case STRING -> new Node.StringLiteral(token.value(), token.text(), token.pieces(), token.column());
            case REGEXP -> regex(token);
            case SHELL -> substitution(token);
            case TRUE -> new Node.BooleanLiteral(true, token.column());
            case FALSE -> new Node.BooleanLiteral(false, token.column());
            case NULL -> new Node.NullLiteral(token.column());
            case BANG -> {
                advance();
                yield new Node.Not(parseExpression(PREFIX), token.column());
            }
            case LPAREN -> {
                advance();
                Node inner = parseExpression(LOWEST);
                expectPeek(Type.RPAREN, "`)` to close the `(` at column " + token.column());
                yield inner;
            }
            case LBRACKET -> new Node.ArrayLiteral(parseList(Type.RBRACKET, "]"), token.column());
            case ILLEGAL -> throw illegal(token);
            case EOF -> throw new Failure(token.column(), "the condition ends early: expected a value after `"
                    + tokens.get(Math.max(0, index - 1)).text() + "`");
            default -> throw new Failure(token.column(), "expected a value, found " + token.shown());
        };
    }

    private Node identifier(Token token) {
        String name = token.text();
        if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw new Failure(token.column(), "`" + name + "` is not a valid name");
        }
        return new Node.Identifier(name, token.column());
    }

    private Node integer(Token token) {
        try {
            return new Node.IntegerLiteral(Long.parseLong(token.text()), token.column());
        } catch (NumberFormatException e) {
            throw new Failure(token.column(), "`" + token.text() + "` is too large a number");
        }
    }

    private Node regex(Token token) {
        int flags = 0;
        for (char flag : token.flags().toCharArray()) {
            if (flag != 'i') {
                throw new Failure(token.column(), "`" + flag + "` is not a supported flag of `" + token.text()
                        + "` (only `i`, ignore case, is)");
            }
            flags |= Pattern.CASE_INSENSITIVE;
        }
        try {
            Pattern compiled = Pattern.compile(token.value(), flags);
            return new Node.RegexLiteral(token.value(), token.flags(), compiled, token.column());
        } catch (PatternSyntaxException e) {
            throw new Failure(token.column(), "`" + token.text() + "` is not a valid regular expression: "
                    + e.getDescription() + (e.getPattern().isEmpty() ? "" : " `" + e.getPattern() + "`"));
        }
    }

    private Node substitution(Token token) {
        Template.Parse parse = Template.parse(token.text(), Syntax.CONDITION);
        if (parse instanceof Template.Parse.Invalid invalid) {
            throw new Failure(token.column() + invalid.error().column() - 1, invalid.error().message());
        }
        return new Node.Substitution(((Template.Parse.Valid) parse).template(), token.column());
    }

    private Node parseBinary(Node left) {
        Token operator = current();
        Node.Operator op = switch (operator.type()) {
            case EQ -> Node.Operator.EQ;
            case NOT_EQ -> Node.Operator.NOT_EQ;
            case RE_EQ -> Node.Operator.MATCH;
            case RE_NOT_EQ -> Node.Operator.NOT_MATCH;
            case INCLUDES -> Node.Operator.INCLUDES;
            case AND -> Node.Operator.AND;
            case OR -> Node.Operator.OR;
            default -> throw new IllegalStateException("not a binary operator: " + operator);
        };
        advance();
        Node right = parseExpression(precedence(operator.type()));
        return new Node.Binary(op, left, right, operator.column());
    }

    private Node parseTernary(Node condition) {
        Token question = current();
        advance();
        Node whenTrue = parseExpression(LOWEST);
        expectPeek(Type.COLON, "`:` of the `?` at column " + question.column());
        advance();
        Node whenFalse = parseExpression(TERNARY - 1);
        return new Node.Ternary(condition, whenTrue, whenFalse);
    }

    private Node parseCall(Node callee) {
        Token paren = current();
        if (!(callee instanceof Node.Identifier function)) {
            throw new Failure(paren.column(), "`" + callee.text() + "` cannot be called: only `env(\"NAME\")` and "
                    + "`build.env(\"NAME\")` are functions");
        }
        return new Node.Call(function.name(), parseList(Type.RPAREN, ")"), function.column());
    }

    /** Comma-separated expressions up to {@code end}; the current token is the opening bracket. */
    private List<Node> parseList(Type end, String endText) {
        List<Node> list = new ArrayList<>();
        if (peek().type() == end) {
            advance();
            return List.copyOf(list);
        }
        advance();
        list.add(parseExpression(LOWEST));
        while (peek().type() == Type.COMMA) {
            advance();
            advance();
            list.add(parseExpression(LOWEST));
        }
        expectPeek(end, "`" + endText + "` or `,`");
        return List.copyOf(list);
    }

    private void expectPeek(Type type, String expected) {
        Token next = peek();
        if (next.type() == type) {
            advance();
            return;
        }
        if (next.type() == Type.ILLEGAL) {
            throw illegal(next);
        }
        throw new Failure(next.column(), "expected " + expected + ", found " + next.shown());
    }
}
