package io.jenkins.plugins.installerpipeline.condition;

import io.jenkins.plugins.installerpipeline.condition.Parser.Failure;
import io.jenkins.plugins.installerpipeline.condition.ValueType.Kind;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Rejects, before any build runs, what Buildkite's server rejects (after buildkite/conditional's typecheck):
 * unknown variables and functions, operands of the wrong type, comparisons of different types, misspelt
 * {@code build.source} values, {@code env()} arguments that are not variable names, and a condition that is not
 * a boolean. Stops at the first error, with the column of the offending operand. Stateless.
 */
final class TypeChecker {

    private TypeChecker() {
    }

    /** Checks the whole condition, whose result must be a boolean (or {@code null}, which counts as false). */
    static void check(Node root) {
        ValueType type = typeOf(root);
        if (type.kind() != Kind.BOOLEAN && type.kind() != Kind.UNKNOWN) {
            throw new Failure(root.column(), "a condition must be true or false, but `" + root.text() + "` is "
                    + type.describe() + hint(root, type));
        }
    }

    private static String hint(Node root, ValueType type) {
        if (type.kind() == Kind.STRING || type.kind() == Kind.NUMBER) {
            return ": compare it, for example `" + root.text() + " != null`";
        }
        return "";
    }

    static ValueType typeOf(Node node) {
        if (node instanceof Node.BooleanLiteral) {
            return ValueType.BOOLEAN;
        } else if (node instanceof Node.NullLiteral) {
            return ValueType.NULL;
        } else if (node instanceof Node.IntegerLiteral) {
            return ValueType.NUMBER;
        } else if (node instanceof Node.StringLiteral || node instanceof Node.Substitution) {
            return ValueType.STRING;
        } else if (node instanceof Node.RegexLiteral) {
            return ValueType.REGEXP;
        } else if (node instanceof Node.Identifier identifier) {
            return Variables.find(identifier.name()).map(Variables.Variable::type)
                    .orElseThrow(() -> unknownVariable(identifier));
        } else if (node instanceof Node.Not not) {
            expect(not.operand(), Kind.BOOLEAN);
            return ValueType.BOOLEAN;
        } else if (node instanceof Node.Binary binary) {
            return binary(binary);
        } else if (node instanceof Node.Ternary ternary) {
            expect(ternary.condition(), Kind.BOOLEAN);
            return compatible(ternary.whenTrue(), ternary.whenFalse(), "?:");
        } else if (node instanceof Node.Call call) {
            return call(call);
        } else if (node instanceof Node.ArrayLiteral array) {
            for (Node element : array.elements()) {
                ValueType type = typeOf(element);
                if (type.kind() != Kind.STRING && type.kind() != Kind.UNKNOWN || type.isEnum()) {
                    throw new Failure(element.column(), "an array holds strings, but `" + element.text() + "` is "
                            + type.describe());
                }
            }
            return ValueType.STRING_ARRAY;
        }
        throw new IllegalStateException("unhandled node " + node);
    }

    private static Failure unknownVariable(Node.Identifier identifier) {
        String name = identifier.name();
        String hint = name.contains(".")
                ? " (the variables are documented at https://buildkite.com/docs/pipelines/conditionals#variable-and-syntax-reference)"
                : ": to read an environment variable use `build.env(\"" + name + "\")`";
        return new Failure(identifier.column(), "`" + name + "` is not a variable" + hint);
    }

    /**
     * {@code build.branch == develop}: an unknown bare word on the right of a comparison is almost always text that
     * lacks its quotes, so say that rather than suggest reading it as an environment variable.
     */
    private static void bareWordCompared(Node.Binary binary) {
        if (!(binary.right() instanceof Node.Identifier word) || Variables.find(word.name()).isPresent()
                || word.name().contains(".")) {
            return;
        }
        String quoted = binary.left().text() + " " + binary.operator().symbol + " \"" + word.name() + "\"";
        boolean looksLikeEnvName = word.name().equals(word.name().toUpperCase(java.util.Locale.ROOT));
        throw new Failure(word.column(), "`" + word.name() + "` is not a variable: to compare with the text, quote it:"
                + " `" + quoted + "`" + (looksLikeEnvName ? "; to read an environment variable use `build.env(\""
                + word.name() + "\")`" : ""));
    }

    private static ValueType binary(Node.Binary binary) {
        switch (binary.operator()) {
            case MATCH, NOT_MATCH -> {
                expectAny(binary.left(), binary.operator(), Kind.STRING, Kind.NULL);
                expectAny(binary.right(), binary.operator(), Kind.REGEXP);
            }
            case INCLUDES -> {
                expectAny(binary.left(), binary.operator(), Kind.STRING_ARRAY, Kind.NULL);
                ValueType right = typeOf(binary.right());
                boolean ok = switch (right.kind()) {
                    case STRING -> !right.isEnum();
                    case REGEXP, NULL, UNKNOWN -> true;
                    default -> false;
                };
                if (!ok) {
                    throw new Failure(binary.right().column(), "`includes` looks for a string, a regular expression "
                            + "or null, but `" + binary.right().text() + "` is " + right.describe());
                }
            }
            case AND, OR -> {
                expectAny(binary.left(), binary.operator(), Kind.BOOLEAN);
                expectAny(binary.right(), binary.operator(), Kind.BOOLEAN);
            }
            case EQ, NOT_EQ -> {
                bareWordCompared(binary);
                compatible(binary.left(), binary.right(), binary.operator().symbol);
            }
            default -> throw new IllegalStateException("unhandled operator " + binary.operator());
        }
        return ValueType.BOOLEAN;
    }

    /** The two operands of {@code ==}, {@code !=} or the branches of {@code ?:} must have one type (or be null). */
    private static ValueType compatible(Node left, Node right, String operator) {
        ValueType leftType = typeOf(left);
        ValueType rightType = typeOf(right);
        if (leftType.kind() == Kind.NULL || leftType.kind() == Kind.UNKNOWN) {
            return rightType;
        }
        if (rightType.kind() == Kind.NULL || rightType.kind() == Kind.UNKNOWN) {
            return leftType;
        }
        if (leftType.isEnum()) {
            if (rightType.kind() != Kind.STRING || rightType.isEnum()) {
                throw mismatch(left, leftType, right, rightType, operator);
            }
            if (right instanceof Node.StringLiteral literal && literal.isStatic()
                    && !leftType.enumValues().contains(literal.value())) {
                throw new Failure(right.column(), "\"" + literal.value() + "\" is not a valid `" + left.text()
                        + "`: it is one of " + String.join(", ", leftType.enumValues()));
            }
            return leftType;
        }
        if (rightType.kind() != leftType.kind() || rightType.isEnum()) {
            throw mismatch(left, leftType, right, rightType, operator);
        }
        return leftType;
    }

    private static Failure mismatch(Node left, ValueType leftType, Node right, ValueType rightType, String operator) {
        return new Failure(right.column(), "`" + left.text() + "` is " + leftType.describe() + " but `" + right.text()
                + "` is " + rightType.describe() + ": `" + operator + "` needs values of the same type");
    }

    private static void expect(Node node, Kind kind) {
        ValueType type = typeOf(node);
        if (type.kind() != kind && type.kind() != Kind.UNKNOWN) {
            throw new Failure(node.column(), "expected " + describe(kind) + ", but `" + node.text() + "` is "
                    + type.describe());
        }
    }

    private static void expectAny(Node node, Node.Operator operator, Kind... kinds) {
        ValueType type = typeOf(node);
        if (type.kind() == Kind.UNKNOWN) {
            return;
        }
        for (Kind kind : kinds) {
            if (type.kind() == kind && !type.isEnum()) {
                return;
            }
        }
        String expected = Arrays.stream(kinds).map(TypeChecker::describe).collect(Collectors.joining(" or "));
        throw new Failure(node.column(), "`" + operator.symbol + "` needs " + expected + " here, but `" + node.text()
                + "` is " + type.describe());
    }

    private static String describe(Kind kind) {
        return kind.article;
    }

    private static ValueType call(Node.Call call) {
        if (!Variables.FUNCTIONS.contains(call.function())) {
            throw new Failure(call.column(), "`" + call.function() + "` is not a function: the functions are "
                    + "`env(\"NAME\")` and `build.env(\"NAME\")`");
        }
        if (call.arguments().size() != 1) {
            throw new Failure(call.column(), "`" + call.function() + "` takes one argument, the variable name, but "
                    + "was given " + call.arguments().size());
        }
        Node argument = call.arguments().get(0);
        ValueType type = typeOf(argument);
        if (type.kind() != Kind.STRING && type.kind() != Kind.UNKNOWN || type.isEnum()) {
            throw new Failure(argument.column(), "`" + call.function() + "` takes a variable name as a string, but `"
                    + argument.text() + "` is " + type.describe());
        }
        if (argument instanceof Node.StringLiteral literal && literal.isStatic()) {
            checkEnvName(literal.value(), argument.column(), call.function());
        }
        return ValueType.STRING;
    }

    private static void checkEnvName(String name, int column, String function) {
        if (name.startsWith("$")) {
            String suggestion = name.replace("$", "").replace("{", "").replace("}", "");
            throw new Failure(column, "the argument of `" + function + "` is a variable name without `$`"
                    + (suggestion.isEmpty() ? "" : ": did you mean \"" + suggestion + "\"?"));
        }
        if (!isEnvName(name)) {
            throw new Failure(column, "\"" + name + "\" is not an environment variable name (letters, digits and _)");
        }
        if (name.startsWith("BUILDKITE_") && !Variables.SUPPORTED_BUILDKITE_ENV.contains(name)) {
            throw new Failure(column, "\"" + name + "\" cannot be read by a condition: Buildkite does not "
                    + "interpolate it at upload (see https://buildkite.com/docs/pipelines/environment-variables"
                    + "#variable-interpolation)");
        }
    }

    static boolean isEnvName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Lexer.isLetter(c) || Lexer.isDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
