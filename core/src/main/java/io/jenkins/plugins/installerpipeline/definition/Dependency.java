package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Objects;

/**
 * One {@code depends_on} entry.
 *
 * @param key          the key of the step depended on
 * @param allowFailure {@code allow_failure: true}: run even if that step fails
 * @param location     where the key is written
 */
public record Dependency(String key, boolean allowFailure, SourceLocation location) {
    public Dependency {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(location, "location");
    }
}
