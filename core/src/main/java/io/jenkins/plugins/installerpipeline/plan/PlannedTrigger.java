package io.jenkins.plugins.installerpipeline.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a trigger step starts, with every value already interpolated against the triggering build.
 *
 * @param pipeline the slug of the pipeline to start
 * @param async    the trigger step finishes as soon as the build is created
 * @param message  {@code build.message}
 * @param commit   {@code build.commit}
 * @param branch   {@code build.branch}
 * @param env      {@code build.env}, in the order written
 * @param metaData {@code build.meta_data}, in the order written
 */
public record PlannedTrigger(
        String pipeline,
        boolean async,
        Optional<String> message,
        Optional<String> commit,
        Optional<String> branch,
        Map<String, String> env,
        Map<String, String> metaData) {

    public PlannedTrigger {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(branch, "branch");
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        metaData = Collections.unmodifiableMap(new LinkedHashMap<>(metaData));
    }
}
