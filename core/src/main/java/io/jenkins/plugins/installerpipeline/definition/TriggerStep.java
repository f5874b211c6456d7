package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Objects;

/**
 * Starts a build of another pipeline. Without {@code async} it finishes when the triggered build finishes or
 * stops at a block step.
 *
 * @param location where the step starts
 * @param common   shared attributes
 * @param pipeline the slug of the pipeline to trigger ({@code trigger:} value), never empty in a valid definition
 * @param async    {@code async}: finish as soon as the build is created
 * @param build    {@code build}
 * @param softFail {@code soft_fail}
 */
public record TriggerStep(
        SourceLocation location,
        StepCommon common,
        String pipeline,
        boolean async,
        TriggerBuild build,
        SoftFail softFail) implements Step {

    public TriggerStep {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(softFail, "softFail");
    }

    @Override
    public String typeName() {
        return "trigger";
    }
}
