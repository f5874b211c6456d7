package io.jenkins.plugins.installerpipeline.condition;

import com.google.re2j.Pattern;
import io.jenkins.plugins.installerpipeline.interpolation.Template;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The syntax tree of a conditional. Every node knows the 1-based column where it starts ({@link #column()}), so
 * the type checker can point at the offending operand. Immutable.
 */
sealed interface Node {

    /** Column of the node's first character in the expression. */
    int column();

    /** The node written back as an expression, for messages. */
    String text();

    /** {@code true} or {@code false}. */
    record BooleanLiteral(boolean value, int column) implements Node {
        public String text() {
            return Boolean.toString(value);
        }
    }

    /** {@code null}. */
    record NullLiteral(int column) implements Node {
        public String text() {
            return "null";
        }
    }

    /** A decimal integer such as {@code 42}. */
    record IntegerLiteral(long value, int column) implements Node {
        public String text() {
            return Long.toString(value);
        }
    }

    /**
     * A quoted string. {@code pieces} is empty unless it is double-quoted and contains substitutions; then it holds
     * literal text and substitutions in order, and {@code value} is unused at run time.
     */
    record StringLiteral(String value, String written, List<StringPiece> pieces, int column) implements Node {
        public String text() {
            return written;
        }

        boolean isStatic() {
            return pieces.isEmpty();
        }
    }

    /** A piece of a double-quoted string with substitutions. */
    sealed interface StringPiece {
        /** Literal text, escapes resolved. */
        record Literal(String value) implements StringPiece {
        }

        /** {@code $NAME} or {@code ${...}} starting at {@code column} of the expression. */
        record Substitution(Template template, int column) implements StringPiece {
        }
    }

    /** {@code /pattern/flags}, compiled once with RE2/J. */
    record RegexLiteral(String pattern, String flags, Pattern compiled, int column) implements Node {
        public String text() {
            return "/" + pattern + "/" + flags;
        }
    }

    /** A standalone {@code $NAME} or {@code ${...}}: a string, or {@code null} when the variable is unset. */
    record Substitution(Template template, int column) implements Node {
        public String text() {
            return template.source();
        }
    }

    /** A variable such as {@code build.branch}. */
    record Identifier(String name, int column) implements Node {
        public String text() {
            return name;
        }
    }

    /** {@code env("X")} or {@code build.env("X")}. */
    record Call(String function, List<Node> arguments, int column) implements Node {
        public String text() {
            return function + "(" + arguments.stream().map(Node::text).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** {@code ["a", "b"]}. */
    record ArrayLiteral(List<Node> elements, int column) implements Node {
        public String text() {
            return "[" + elements.stream().map(Node::text).collect(Collectors.joining(", ")) + "]";
        }
    }

    /** {@code !operand}. */
    record Not(Node operand, int column) implements Node {
        public String text() {
            return "!" + operand.text();
        }
    }

    /** The binary operators, by their spelling. */
    enum Operator {
        EQ("=="), NOT_EQ("!="), MATCH("=~"), NOT_MATCH("!~"), INCLUDES("includes"), AND("&&"), OR("||");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    /** {@code left OP right}; {@code operatorColumn} is where the operator is written. */
    record Binary(Operator operator, Node left, Node right, int operatorColumn) implements Node {
        public int column() {
            return left.column();
        }

        public String text() {
            return left.text() + " " + operator.symbol + " " + right.text();
        }
    }

    /** {@code condition ? whenTrue : whenFalse}. */
    record Ternary(Node condition, Node whenTrue, Node whenFalse) implements Node {
        public int column() {
            return condition.column();
        }

        public String text() {
            return condition.text() + " ? " + whenTrue.text() + " : " + whenFalse.text();
        }
    }
}
