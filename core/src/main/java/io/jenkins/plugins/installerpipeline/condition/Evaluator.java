package io.jenkins.plugins.installerpipeline.condition;

import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import com.google.re2j.Pattern;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.interpolation.InterpolationResult;
import io.jenkins.plugins.installerpipeline.interpolation.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a checked syntax tree into a tree of small closures, so evaluation does no name lookups, no map copies
 * and no allocation beyond what a value needs: variables are bound to their readers, {@code build.env("X")}
 * with a literal name to one lookup in the context's precomputed environment.
 *
 * <p>Semantics follow buildkite/conditional's evaluator: {@code null} is falsy; {@code &&} and {@code ||}
 * short-circuit and yield an operand; {@code ==} of different types is false; {@code null =~ /re/} is false (and
 * {@code !~} true); {@code null includes x} is false; {@code env("X")} is {@code ""} when unset,
 * {@code build.env("X")} is {@code null} when unset and {@code ""} when set empty.
 */
final class Evaluator {

    /** A compiled node: evaluates to {@code String}, {@code Long}, {@code Boolean}, {@code List}, {@code Pattern} or null. */
    @FunctionalInterface
    interface Expr {
        Object eval(BuildContext context);
    }

    /** An evaluation error (only reachable through {@code ${VAR?}} or a dynamic {@code env()} name). */
    static final class Failure extends RuntimeException {
        final transient ColumnError error;

        Failure(int column, String message) {
            super(message, null, false, false);
            this.error = new ColumnError(column, message);
        }
    }

    private Evaluator() {
    }

    static Expr compile(Node node) {
        if (node instanceof Node.BooleanLiteral b) {
            Boolean value = b.value();
            return c -> value;
        } else if (node instanceof Node.NullLiteral) {
            return c -> null;
        } else if (node instanceof Node.IntegerLiteral i) {
            Long value = i.value();
            return c -> value;
        } else if (node instanceof Node.StringLiteral s) {
            return string(s);
        } else if (node instanceof Node.RegexLiteral r) {
            Pattern pattern = r.compiled();
            return c -> pattern;
        } else if (node instanceof Node.Substitution s) {
            Template template = s.template();
            int column = s.column();
            return c -> {
                Map<String, String> env = c.environment();
                return template.isUnsetReference(env) ? null : expand(template, env, column);
            };
        } else if (node instanceof Node.Identifier identifier) {
            Variables.Variable variable = Variables.find(identifier.name()).orElseThrow();
            return variable.reader()::apply;
        } else if (node instanceof Node.Not not) {
            Expr operand = compile(not.operand());
            return c -> {
                Object value = operand.eval(c);
                if (value instanceof Boolean b) {
                    return !b;
                }
                return value == null;
            };
        } else if (node instanceof Node.Binary binary) {
            return binary(binary);
        } else if (node instanceof Node.Ternary ternary) {
            Expr condition = compile(ternary.condition());
            Expr whenTrue = compile(ternary.whenTrue());
            Expr whenFalse = compile(ternary.whenFalse());
            return c -> truthy(condition.eval(c)) ? whenTrue.eval(c) : whenFalse.eval(c);
        } else if (node instanceof Node.Call call) {
            return call(call);
        } else if (node instanceof Node.ArrayLiteral array) {
            List<Expr> elements = array.elements().stream().map(Evaluator::compile).toList();
            return c -> {
                List<Object> values = new ArrayList<>(elements.size());
                for (Expr element : elements) {
                    values.add(element.eval(c));
                }
                return values;
            };
        }
        throw new IllegalStateException("unhandled node " + node);
    }

    private static Expr string(Node.StringLiteral literal) {
        if (literal.isStatic()) {
            String value = literal.value();
            return c -> value;
        }
        List<Node.StringPiece> pieces = literal.pieces();
        return c -> {
            StringBuilder out = new StringBuilder();
            for (Node.StringPiece piece : pieces) {
                if (piece instanceof Node.StringPiece.Literal text) {
                    out.append(text.value());
                } else {
                    Node.StringPiece.Substitution s = (Node.StringPiece.Substitution) piece;
                    out.append(expand(s.template(), c.environment(), s.column()));
                }
            }
            return out.toString();
        };
    }

    private static String expand(Template template, Map<String, String> env, int column) {
        InterpolationResult result = template.expand(env);
        if (result instanceof InterpolationResult.Expanded expanded) {
            return expanded.value();
        }
        var error = ((InterpolationResult.Failed) result).error();
        throw new Failure(column + error.column() - 1, error.message());
    }

    private static Expr binary(Node.Binary binary) {
        Expr left = compile(binary.left());
        Expr right = compile(binary.right());
        int column = binary.operatorColumn();
        return switch (binary.operator()) {
            case AND -> c -> {
                Object l = left.eval(c);
                return truthy(l) ? right.eval(c) : l;
            };
            case OR -> c -> {
                Object l = left.eval(c);
                return truthy(l) ? l : right.eval(c);
            };
            case EQ -> c -> equal(left.eval(c), right.eval(c));
            case NOT_EQ -> c -> !equal(left.eval(c), right.eval(c));
            case MATCH -> c -> matches(left.eval(c), right.eval(c), column);
            case NOT_MATCH -> c -> {
                Object l = left.eval(c);
                return l == null || !matches(l, right.eval(c), column);
            };
            case INCLUDES -> c -> includes(left.eval(c), right.eval(c), column);
        };
    }

    private static Expr call(Node.Call call) {
        boolean nullable = call.function().equals("build.env");
        Node argument = call.arguments().get(0);
        if (argument instanceof Node.StringLiteral literal && literal.isStatic()) {
            // The usual case, build.env("LE_KOLIBRI_RELEASE"): one map lookup, the name already checked.
            String name = literal.value();
            return nullable ? c -> c.environment().get(name) : c -> c.environment().getOrDefault(name, "");
        }
        Expr nameExpr = compile(argument);
        int column = argument.column();
        String function = call.function();
        return c -> {
            Object name = nameExpr.eval(c);
            if (!(name instanceof String s) || s.isEmpty()) {
                throw new Failure(column, "`" + function + "` needs a variable name, but `" + argument.text()
                        + "` is " + (name == null ? "null" : "empty"));
            }
            if (s.startsWith("BUILDKITE_") && !Variables.SUPPORTED_BUILDKITE_ENV.contains(s)) {
                throw new Failure(column, "\"" + s + "\" cannot be read by a condition: Buildkite does not "
                        + "interpolate it at upload");
            }
            String value = c.environment().get(s);
            return value == null && !nullable ? "" : value;
        };
    }

    static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null;
    }

    /** Same type and same value; values of different types are never equal. */
    static boolean equal(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (left.getClass() != right.getClass() && !(left instanceof List && right instanceof List)) {
            return false;
        }
        if (left instanceof Pattern l) {
            Pattern r = (Pattern) right;
            return l.pattern().equals(r.pattern()) && l.flags() == r.flags();
        }
        return Objects.equals(left, right);
    }

    private static boolean matches(Object left, Object right, int column) {
        if (left == null) {
            return false;
        }
        if (left instanceof String s && right instanceof Pattern p) {
            return p.matcher(s).find();
        }
        throw new Failure(column, "`=~` compares a string with a regular expression");
    }

    private static boolean includes(Object left, Object right, int column) {
        if (left == null || right == null) {
            return false;
        }
        if (!(left instanceof List<?> list)) {
            throw new Failure(column, "`includes` needs an array on its left");
        }
        // As on the server, an element of another type than the value looked for is an error, not a mismatch:
        // ["a", build.tag] includes "a" fails when there is no tag.
        Class<?> wanted = right instanceof Pattern ? String.class : right.getClass();
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (element == null || element.getClass() != wanted) {
                throw new Failure(column, "`includes` looks for " + describe(right) + " but element " + (i + 1)
                        + " of the array is " + describe(element));
            }
            if (right instanceof Pattern p ? p.matcher((String) element).find() : equal(element, right)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Pattern) {
            return "a match of a regular expression";
        }
        return value instanceof String ? "a string" : value instanceof Long ? "a number"
                : value instanceof Boolean ? "a boolean" : "an array";
    }
}
