package io.jenkins.plugins.installerpipeline.plan;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan, or why there is none.
 *
 * @param plan        present exactly when {@code diagnostics} has no error
 * @param diagnostics problems from reading, validating and evaluating the definition; warnings even with a plan
 */
public record PlanResult(Optional<Plan> plan, Diagnostics diagnostics) {
    public PlanResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(diagnostics, "diagnostics");
        if (plan.isPresent() == diagnostics.hasErrors()) {
            throw new IllegalArgumentException("a plan is present exactly when there is no error");
        }
    }
}
