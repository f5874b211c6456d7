package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One step of a pipeline definition. Each form is a record; switch over them with a pattern {@code switch}.
 * Attributes every form shares live in {@link #common()}.
 */
public sealed interface Step permits CommandStep, WaitStep, BlockStep, InputStep, TriggerStep, GroupStep {

    /** Where the step starts: its first key (mapping form) or its scalar ({@code - wait}). */
    SourceLocation location();

    /** Key, label, {@code if}, dependencies, branches, skip and unmodelled attributes. */
    StepCommon common();

    /** The step's key ({@code key}, {@code id} or {@code identifier}), if it has one. */
    default Optional<String> key() {
        return common().key().map(StepKey::value);
    }

    /** The label shown to users ({@code label}/{@code name}, or the value of {@code block:}, {@code group:}...). */
    default Optional<String> label() {
        return common().label();
    }

    /** Explicit {@code depends_on} entries, in the order written. */
    default List<Dependency> dependsOn() {
        return common().dependsOn();
    }

    /** The Buildkite type name: command, wait, block, input, trigger or group. */
    String typeName();

    /** How messages name this step: its key if it has one, else its label, else its type and location. */
    default String displayName() {
        return key().map(k -> "'" + k + "'")
                .or(() -> label().filter(l -> !l.isBlank()).map(l -> "'" + l + "'"))
                .orElse(typeName() + " step at " + location().line() + ":" + location().column());
    }
}
