package io.jenkins.plugins.installerpipeline.condition;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Buildkite {@code if:} expression, parsed and type-checked: {@code build.tag != null},
 * {@code build.env("LE_KOLIBRI_RELEASE") == "false"}. Immutable and thread-safe; compile once, evaluate against
 * as many build contexts as needed.
 */
public final class Condition {

    private final String source;
    private final Evaluator.Expr root;
    private final Set<String> variables;

    private Condition(String source, Evaluator.Expr root, Set<String> variables) {
        this.source = source;
        this.root = root;
        this.variables = variables;
    }

    /** Parses and type-checks {@code expression}; an invalid one yields the first error with its column. */
    public static Compilation compile(String expression) {
        Objects.requireNonNull(expression, "expression");
        try {
            Node tree = new Parser(expression).parse();
            TypeChecker.check(tree);
            Set<String> variables = new TreeSet<>();
            collectVariables(tree, variables);
            return new Compilation.Valid(new Condition(expression, Evaluator.compile(tree), Set.copyOf(variables)));
        } catch (Parser.Failure e) {
            return new Compilation.Invalid(e.error);
        }
    }

    /**
     * Checks the {@code if:} value of a definition: no diagnostics when valid, else one error located at
     * {@code valueLocation} shifted to the offending column, where {@code valueLocation} is the location of the
     * expression's first character.
     */
    public static List<Diagnostic> check(String expression, SourceLocation valueLocation) {
        Compilation compilation = compile(expression);
        if (compilation instanceof Compilation.Invalid invalid) {
            return List.of(invalid.error().at(valueLocation));
        }
        return List.of();
    }

    /**
     * Whether the expression reads the variable {@code name} ({@code build.message}): a caller that gathers a
     * costly value (a commit message read from a change log) can skip it when no condition needs it.
     */
    public boolean reads(String name) {
        return variables.contains(name);
    }

    private static void collectVariables(Node node, Set<String> into) {
        if (node instanceof Node.Identifier id) {
            into.add(id.name());
        } else if (node instanceof Node.Call call) {
            call.arguments().forEach(a -> collectVariables(a, into));
        } else if (node instanceof Node.ArrayLiteral array) {
            array.elements().forEach(e -> collectVariables(e, into));
        } else if (node instanceof Node.Not not) {
            collectVariables(not.operand(), into);
        } else if (node instanceof Node.Binary binary) {
            collectVariables(binary.left(), into);
            collectVariables(binary.right(), into);
        } else if (node instanceof Node.Ternary ternary) {
            collectVariables(ternary.condition(), into);
            collectVariables(ternary.whenTrue(), into);
            collectVariables(ternary.whenFalse(), into);
        }
        // literals and ${VAR} substitutions read no build variable
    }

    /** The expression as written. */
    public String source() {
        return source;
    }

    /**
     * Evaluates against {@code context}: true or false ({@code null} counts as false), or an error, which only a
     * substitution such as {@code ${VAR?}} of an unset variable can raise.
     */
    public Evaluation evaluate(BuildContext context) {
        try {
            Object value = root.eval(context);
            return new Evaluation.Decided(value instanceof Boolean b && b);
        } catch (Evaluator.Failure e) {
            return new Evaluation.Failed(e.error);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition other && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
