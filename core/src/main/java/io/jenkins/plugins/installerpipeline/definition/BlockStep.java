package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A manual gate: the build stops here until a person unblocks it (and fills in {@link #fields()}). Like a
 * {@code wait}, later steps depend on it. The label is the value of {@code block:} (or {@code label}).
 *
 * @param location     where the step starts
 * @param common       shared attributes
 * @param prompt       {@code prompt}
 * @param fields       {@code fields}
 * @param blockedState {@code blocked_state} (default passed)
 * @param allowedTeams {@code allowed_teams}
 */
public record BlockStep(
        SourceLocation location,
        StepCommon common,
        Optional<String> prompt,
        List<BlockField> fields,
        BlockedState blockedState,
        List<String> allowedTeams) implements Step {

    public BlockStep {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(prompt, "prompt");
        fields = List.copyOf(fields);
        Objects.requireNonNull(blockedState, "blockedState");
        allowedTeams = List.copyOf(allowedTeams);
    }

    @Override
    public String typeName() {
        return "block";
    }
}
