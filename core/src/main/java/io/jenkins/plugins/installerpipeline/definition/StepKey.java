package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Objects;

/**
 * A step's key, which {@code depends_on} refers to.
 *
 * @param value    the key as written
 * @param location where the key's value is
 */
public record StepKey(String value, SourceLocation location) {
    public StepKey {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
