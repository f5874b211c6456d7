package io.jenkins.plugins.installerpipeline.convert;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import java.util.Objects;
import java.util.Optional;

/**
 * A Jenkinsfile, or why there is none.
 *
 * @param jenkinsfile present exactly when {@code diagnostics} has no error
 * @param diagnostics the definition's own warnings, plus one warning for each construct that has no faithful Jenkins
 *                    form (kept in the Jenkinsfile as a comment); errors when the definition is invalid
 */
public record ConversionResult(Optional<String> jenkinsfile, Diagnostics diagnostics) {

    public ConversionResult {
        Objects.requireNonNull(jenkinsfile, "jenkinsfile");
        Objects.requireNonNull(diagnostics, "diagnostics");
        if (jenkinsfile.isPresent() == diagnostics.hasErrors()) {
            throw new IllegalArgumentException("a Jenkinsfile is present exactly when there is no error");
        }
    }
}
