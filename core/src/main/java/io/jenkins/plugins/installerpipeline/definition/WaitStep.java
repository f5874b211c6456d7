package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Objects;

/**
 * A barrier: steps after it start once every step before it has finished ({@code wait}/{@code waiter}).
 *
 * @param location          where the step starts
 * @param common            shared attributes
 * @param continueOnFailure {@code continue_on_failure}: pass the barrier even if earlier steps failed
 */
public record WaitStep(SourceLocation location, StepCommon common, boolean continueOnFailure) implements Step {

    public WaitStep {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(common, "common");
    }

    @Override
    public String typeName() {
        return "wait";
    }
}
