package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Collects information from a person; unlike {@link BlockStep} it is not a barrier for later steps unless they
 * depend on it. The label is the value of {@code input:} (or {@code label}).
 *
 * @param location     where the step starts
 * @param common       shared attributes
 * @param prompt       {@code prompt}
 * @param fields       {@code fields}
 * @param allowedTeams {@code allowed_teams}
 */
public record InputStep(
        SourceLocation location,
        StepCommon common,
        Optional<String> prompt,
        List<BlockField> fields,
        List<String> allowedTeams) implements Step {

    public InputStep {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(prompt, "prompt");
        fields = List.copyOf(fields);
        allowedTeams = List.copyOf(allowedTeams);
    }

    @Override
    public String typeName() {
        return "input";
    }
}
