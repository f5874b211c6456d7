package io.jenkins.plugins.installerpipeline.definition;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code skip} attribute: {@code true}, {@code false} or a reason (which means skipped).
 *
 * @param skipped whether the step is skipped
 * @param reason  the reason given, if {@code skip} was a string
 */
public record Skip(boolean skipped, Optional<String> reason) {

    /** A step without {@code skip}, or with {@code skip: false}. */
    public static final Skip NOT_SKIPPED = new Skip(false, Optional.empty());

    public Skip {
        Objects.requireNonNull(reason, "reason");
    }
}
