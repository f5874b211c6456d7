package io.jenkins.plugins.installerpipeline.artifact;

import java.util.Optional;

/**
 * The outcome of parsing a file name: the parsed name, or a problem that names the file and says what is wrong.
 *
 * @param name    the parsed name, when the name is well formed
 * @param problem what is wrong, when it is not
 */
public record NameParse(Optional<ArtifactName> name, Optional<String> problem) {

    public NameParse {
        if (name.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("exactly one of name and problem");
        }
    }

    static NameParse of(ArtifactName name) {
        return new NameParse(Optional.of(name), Optional.empty());
    }

    static NameParse problem(String message) {
        return new NameParse(Optional.empty(), Optional.of(message));
    }
}
