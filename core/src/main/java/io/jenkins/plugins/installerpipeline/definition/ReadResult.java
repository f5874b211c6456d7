package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a definition gives: the model when it is valid, and every diagnostic (warnings even when valid).
 *
 * @param definition  present exactly when {@code diagnostics} has no error
 * @param diagnostics errors and warnings, sorted by position
 */
public record ReadResult(Optional<PipelineDefinition> definition, Diagnostics diagnostics) {

    public ReadResult {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(diagnostics, "diagnostics");
        if (definition.isPresent() == diagnostics.hasErrors()) {
            throw new IllegalArgumentException("a definition is present exactly when there is no error");
        }
    }

    public boolean isValid() {
        return definition.isPresent();
    }
}
