package io.jenkins.plugins.installerpipeline.context;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What started a build, as {@code build.source} and {@code BUILDKITE_SOURCE} name it. */
public enum BuildSource {
    WEBHOOK,
    UI,
    API,
    TRIGGER_JOB,
    SCHEDULE;

    /** The value Buildkite uses: {@code webhook}, {@code ui}, {@code api}, {@code trigger_job}, {@code schedule}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source named {@code value} exactly as Buildkite spells it, or empty for anything else. */
    public static Optional<BuildSource> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value();
    }
}
