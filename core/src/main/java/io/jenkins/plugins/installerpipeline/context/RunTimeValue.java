package io.jenkins.plugins.installerpipeline.context;

import java.util.Arrays;
import java.util.Optional;

/**
 * A value Buildkite fills in when a build runs, which a plan made before the build exists cannot know: the build's
 * and the job's ids, its number and URL, and its commit and message when none is given. In a preview
 * ({@link BuildContext.Builder#runTimePlaceholders(boolean)}) interpolation shows each as its {@link #placeholder()},
 * such as {@code <build id, set when the build runs>}, rather than as an empty string.
 */
public enum RunTimeValue {
    BUILD_ID("BUILDKITE_BUILD_ID", "build id"),
    BUILD_NUMBER("BUILDKITE_BUILD_NUMBER", "build number"),
    BUILD_URL("BUILDKITE_BUILD_URL", "build URL"),
    JOB_ID("BUILDKITE_JOB_ID", "job id"),
    COMMIT("BUILDKITE_COMMIT", "commit"),
    MESSAGE("BUILDKITE_MESSAGE", "build message");

    private final String variable;
    private final String placeholder;

    RunTimeValue(String variable, String description) {
        this.variable = variable;
        this.placeholder = "<" + description + ", set when the build runs>";
    }

    /** The environment variable that carries it, e.g. {@code BUILDKITE_BUILD_ID}. */
    public String variable() {
        return variable;
    }

    /** What a preview shows instead of the value: {@code <build id, set when the build runs>}. */
    public String placeholder() {
        return placeholder;
    }

    /** The run-time value whose placeholder is exactly {@code text}, if any. */
    public static Optional<RunTimeValue> ofPlaceholder(String text) {
        return Arrays.stream(values()).filter(v -> v.placeholder.equals(text)).findFirst();
    }
}
