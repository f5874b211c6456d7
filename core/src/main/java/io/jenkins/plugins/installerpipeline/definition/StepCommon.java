package io.jenkins.plugins.installerpipeline.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Attributes shared by every step form.
 *
 * @param key                    {@code key} / {@code id} / {@code identifier}
 * @param label                  {@code label} / {@code name}, or the value of the type key ({@code block: "Build?"})
 * @param condition              the {@code if:} expression, evaluated by the plan
 * @param dependsOn              explicit {@code depends_on} entries, in order
 * @param dependsOnNothing       true for {@code depends_on: ~} or {@code depends_on: []}: Buildkite then runs the
 *                               step without waiting for earlier {@code wait}/{@code block} barriers
 * @param allowDependencyFailure {@code allow_dependency_failure}
 * @param branches               {@code branches} patterns (a space-separated string is split); empty means all
 * @param skip                   {@code skip}
 * @param extras                 Buildkite attributes kept but not modelled ({@code notify},
 *                               {@code cancel_on_build_failing}, {@code if_changed}...); the reader refuses others
 */
public record StepCommon(
        Optional<StepKey> key,
        Optional<String> label,
        Optional<IfExpression> condition,
        List<Dependency> dependsOn,
        boolean dependsOnNothing,
        boolean allowDependencyFailure,
        List<String> branches,
        Skip skip,
        List<ExtraAttribute> extras) {

    public StepCommon {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(condition, "condition");
        dependsOn = List.copyOf(dependsOn);
        branches = List.copyOf(branches);
        Objects.requireNonNull(skip, "skip");
        extras = List.copyOf(extras);
    }

    private static final StepCommon EMPTY = new StepCommon(Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), false, false, List.of(), Skip.NOT_SKIPPED, List.of());

    /** No attributes at all: the common part of {@code - wait} (one shared instance: records are immutable). */
    public static StepCommon empty() {
        return EMPTY;
    }
}
