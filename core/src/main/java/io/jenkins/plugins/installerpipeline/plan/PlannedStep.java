package io.jenkins.plugins.installerpipeline.plan;

import io.jenkins.plugins.installerpipeline.definition.BlockStep;
import io.jenkins.plugins.installerpipeline.definition.Step;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a plan.
 *
 * @param key       the declared key, or a stable generated one ({@code step-3} for the third step in document order)
 * @param step      the step as read, with every string value interpolated against the build
 * @param included  whether this build runs the step
 * @param reason    why the step is left out, when it is
 * @param dependsOn what the step waits for (empty for excluded steps)
 * @param group     the key of the group the step belongs to, if any
 * @param notes     remarks a person should read, such as a dependency that was treated as satisfied
 * @param trigger   for trigger steps, what they start
 */
public record PlannedStep(
        String key,
        Step step,
        boolean included,
        Optional<String> reason,
        List<PlannedDependency> dependsOn,
        Optional<String> group,
        List<String> notes,
        Optional<PlannedTrigger> trigger) {

    public PlannedStep {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(group, "group");
        notes = List.copyOf(notes);
        Objects.requireNonNull(trigger, "trigger");
    }

    /** Buildkite's name for the step's type: command, wait, block, input, trigger or group. */
    public String type() {
        return step.typeName();
    }

    public Optional<String> label() {
        return step.label();
    }

    public SourceLocation location() {
        return step.location();
    }

    /** Whether this build stops here until a person approves: an included {@code block} step. */
    public boolean isApprovalGate() {
        return included && step instanceof BlockStep;
    }
}
