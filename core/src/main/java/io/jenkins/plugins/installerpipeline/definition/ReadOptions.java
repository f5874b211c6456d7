package io.jenkins.plugins.installerpipeline.definition;

import java.util.Objects;

/**
 * How {@link DefinitionReader} reads: the two seams and the limits.
 *
 * @param conditionCheck  called for every {@code if:} value
 * @param scalarTransform applied to every string scalar value before the model is built
 * @param limits          hostile-input limits
 */
public record ReadOptions(ConditionCheck conditionCheck, ScalarTransform scalarTransform, ReadLimits limits) {

    public ReadOptions {
        Objects.requireNonNull(conditionCheck, "conditionCheck");
        Objects.requireNonNull(scalarTransform, "scalarTransform");
        Objects.requireNonNull(limits, "limits");
    }

    /** No condition checking, no interpolation, default limits. */
    public static ReadOptions defaults() {
        return new ReadOptions(ConditionCheck.acceptAll(), ScalarTransform.identity(), ReadLimits.DEFAULT);
    }

    public ReadOptions withConditionCheck(ConditionCheck check) {
        return new ReadOptions(check, scalarTransform, limits);
    }

    public ReadOptions withScalarTransform(ScalarTransform transform) {
        return new ReadOptions(conditionCheck, transform, limits);
    }

    public ReadOptions withLimits(ReadLimits newLimits) {
        return new ReadOptions(conditionCheck, scalarTransform, newLimits);
    }
}
