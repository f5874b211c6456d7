package io.jenkins.plugins.installerpipeline.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code retry} attribute of a command step.
 *
 * @param automatic automatic retry rules ({@code automatic: true} is one rule: any exit status, limit 2);
 *                  empty for none
 * @param manual    manual retry settings, if given
 */
public record Retry(List<AutomaticRetry> automatic, Optional<ManualRetry> manual) {

    public Retry {
        automatic = List.copyOf(automatic);
        Objects.requireNonNull(manual, "manual");
    }

    /**
     * One automatic retry rule.
     *
     * @param exitStatuses exit statuses it applies to; empty means any ({@code "*"} or not given)
     * @param limit        how many times to retry (0 to 10)
     * @param signal       the signal it applies to, if given
     * @param signalReason the signal reason it applies to, if given
     */
    public record AutomaticRetry(List<Integer> exitStatuses, int limit, Optional<String> signal,
            Optional<String> signalReason) {
        public AutomaticRetry {
            exitStatuses = List.copyOf(exitStatuses);
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(signalReason, "signalReason");
        }
    }

    /**
     * Manual retry settings.
     *
     * @param allowed        whether a person may retry ({@code manual: false} forbids it)
     * @param permitOnPassed whether a passed job may be retried
     * @param reason         shown when retrying is not allowed
     */
    public record ManualRetry(boolean allowed, boolean permitOnPassed, Optional<String> reason) {
        public ManualRetry {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
