package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;

/**
 * Seam for the condition language: validation calls it once for every {@code if:} value and adds what it
 * returns to the definition's diagnostics. Plug it in with {@link ReadOptions#withConditionCheck}.
 */
@FunctionalInterface
public interface ConditionCheck {

    /**
     * Checks one expression.
     *
     * @param expression    the {@code if:} text
     * @param valueLocation the location of its first character (see {@link IfExpression#location()})
     * @return problems found, empty if the expression is fine
     */
    List<Diagnostic> check(String expression, SourceLocation valueLocation);

    /** Accepts every expression; the default until the condition language is plugged in. */
    static ConditionCheck acceptAll() {
        return (expression, valueLocation) -> List.of();
    }
}
