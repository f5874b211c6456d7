package io.jenkins.plugins.installerpipeline.plan;

import java.util.Objects;

/**
 * One edge of the plan's dependency graph: the step waits for {@code key}.
 *
 * @param key          the key (declared or generated) of the step or group depended on
 * @param allowFailure the step runs even if that dependency fails ({@code allow_failure},
 *                     {@code allow_dependency_failure}, or a {@code wait} with {@code continue_on_failure})
 * @param implicit     the edge comes from a {@code wait}/{@code block} barrier, not from {@code depends_on}
 */
public record PlannedDependency(String key, boolean allowFailure, boolean implicit) {
    public PlannedDependency {
        Objects.requireNonNull(key, "key");
    }
}
