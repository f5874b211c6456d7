package io.jenkins.plugins.installerpipeline.context;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The person who created a build ({@code build.creator.*}).
 *
 * @param name  display name, if known
 * @param email email address, if known
 * @param teams the Buildkite team slugs the creator belongs to (empty when none are known)
 */
public record Creator(Optional<String> name, Optional<String> email, List<String> teams) {

    public Creator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        teams = List.copyOf(teams);
    }
}
