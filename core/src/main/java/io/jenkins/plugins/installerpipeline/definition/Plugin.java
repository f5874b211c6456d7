package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a command step's {@code plugins}.
 *
 * @param name          the plugin reference ({@code docker-compose#v4.0.0})
 * @param configuration its configuration as a plain value (see {@link ExtraAttribute#value()}), if any
 * @param location      where the reference is
 */
public record Plugin(String name, Optional<Object> configuration, SourceLocation location) {
    public Plugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(location, "location");
    }
}
