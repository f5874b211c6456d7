package io.jenkins.plugins.installerpipeline.definition;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code build} attribute of a trigger step: what the triggered build is created with.
 *
 * @param message  {@code message}
 * @param commit   {@code commit}
 * @param branch   {@code branch}
 * @param env      {@code env}, in order
 * @param metaData {@code meta_data}, in order
 */
public record TriggerBuild(
        Optional<String> message,
        Optional<String> commit,
        Optional<String> branch,
        Map<String, String> env,
        Map<String, String> metaData) {

    /** A trigger step without {@code build}. */
    public static final TriggerBuild EMPTY =
            new TriggerBuild(Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of());

    public TriggerBuild {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(branch, "branch");
        env = Collections2.orderedCopy(env);
        metaData = Collections2.orderedCopy(metaData);
    }
}
