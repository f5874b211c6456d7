package io.jenkins.plugins.installerpipeline.plan;

import java.util.Objects;

/**
 * A trigger that must be settled before another step starts ({@link Plan#triggerDependenciesOf}).
 *
 * @param key          the trigger step's key
 * @param allowFailure the step starts even when that trigger's build fails or is aborted
 */
public record TriggerDependency(String key, boolean allowFailure) {
    public TriggerDependency {
        Objects.requireNonNull(key, "key");
    }
}
