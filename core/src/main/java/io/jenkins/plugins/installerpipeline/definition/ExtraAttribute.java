package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Objects;

/**
 * An attribute kept as written but not interpreted by the model.
 *
 * @param name     the attribute name
 * @param value    a plain value: {@code String} for a scalar (its text as written), {@code List<Object>} for a
 *                 sequence, {@code Map<String, Object>} for a mapping (merge keys resolved)
 * @param location where the attribute's name is
 */
public record ExtraAttribute(String name, Object value, SourceLocation location) {
    public ExtraAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
