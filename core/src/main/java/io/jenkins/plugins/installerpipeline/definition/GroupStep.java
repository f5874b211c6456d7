package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * A named group of steps, shown together; depending on a group means depending on all its steps. Groups do
 * not nest. The label is the value of {@code group:} (or {@code label}).
 *
 * @param location where the step starts
 * @param common   shared attributes
 * @param steps    the nested steps, in order
 */
public record GroupStep(SourceLocation location, StepCommon common, List<Step> steps) implements Step {

    public GroupStep {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(common, "common");
        steps = List.copyOf(steps);
    }

    @Override
    public String typeName() {
        return "group";
    }
}
