package io.jenkins.plugins.installerpipeline.condition;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * A Buildkite {@code if:} expression, parsed and type-checked: {@code build.tag != null},
 * {@code build.env("LE_KOLIBRI_RELEASE") == "false"}. Immutable and thread-safe; compile once, evaluate against
 * as many build contexts as needed.
 */
public final class Condition {

    private final String source;
    private final Evaluator.Expr root;

    private Condition(String source, Evaluator.Expr root) {
        this.source = source;
        this.root = root;
    }

    /** Parses and type-checks {@code expression}; an invalid one yields the first error with its column. */
    public static Compilation compile(String expression) {
        Objects.requireNonNull(expression, "expression");
        try {
            Node tree = new Parser(expression).parse();
            TypeChecker.check(tree);
            return new Compilation.Valid(new Condition(expression, Evaluator.compile(tree)));
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
