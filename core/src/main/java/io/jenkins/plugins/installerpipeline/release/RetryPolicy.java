package io.jenkins.plugins.installerpipeline.release;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileSystemException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to retry a failed GitHub call and how long to wait first. Retried: connection failures, 5xx, 429, and 403s that
 * are rate limits (primary: {@code X-RateLimit-Remaining: 0}; secondary: a {@code Retry-After} header or GitHub's
 * "secondary rate limit" message). Not retried: every other 4xx, which will not change by asking again, and local
 * file errors. The wait is {@code Retry-After} when given, else the time until {@code X-RateLimit-Reset} for a
 * primary limit, else exponential backoff with jitter; retries stop after {@code maxAttempts} attempts or when the
 * waits would exceed {@code maxTotalWait}. A host that cannot be reached at all ({@link GitHubUnreachableException}:
 * unknown host, connection refused) is not retried either: it fails the run in well under a second.
 *
 * @param maxAttempts  attempts in all, the first included
 * @param baseDelay    the backoff before the second attempt; doubled for each further attempt
 * @param maxDelay     the cap on one backoff
 * @param maxTotalWait the cap on the sum of waits for one operation, including server-requested waits
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalWait) {

    /** 6 attempts, 1 s doubling to at most 60 s, and at most 15 minutes of waiting per operation. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15));
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Why a failure may be retried, and how long the server asked us to wait (if it did). */
    record Verdict(boolean retryable, Optional<Duration> serverWait, String reason) {}

    /** Classifies a failure of a call made by {@code GitHubReleasesClient}. */
    static Verdict classify(IOException e, Instant now) {
        if (e instanceof FileSystemException || e instanceof FileNotFoundException) {
            // Local files: asking GitHub again will not help.
            return new Verdict(false, Optional.empty(), describe(e));
        }
        if (e instanceof GitHubUnreachableException) {
            return new Verdict(false, Optional.empty(), describe(e));
        }
        if (e instanceof GitHubHttpException g) {
            return classifyStatus(g.status(), g::header, g.getMessage(), now);
        }
        if (e instanceof InterruptedIOException && !(e instanceof HttpTimeoutException)
                && !(e instanceof java.net.SocketTimeoutException)) {
            return new Verdict(false, Optional.empty(), "interrupted");
        }
        // Anything else is the connection: reset, closed mid-body, timed out.
        return new Verdict(true, Optional.empty(), "connection failure: " + describe(e));
    }

    private static Verdict classifyStatus(int status, java.util.function.Function<String, Optional<String>> header,
                                          String message, Instant now) {
        Optional<Duration> retryAfter = header.apply("Retry-After").flatMap(v -> parseRetryAfter(v, now));
        boolean primaryLimit = header.apply("X-RateLimit-Remaining").map(String::trim).filter("0"::equals).isPresent();
        Optional<Duration> untilReset = primaryLimit ? header.apply("X-RateLimit-Reset").flatMap(v -> untilEpoch(v, now))
                : Optional.empty();
        Optional<Duration> serverWait = retryAfter.or(() -> untilReset);
        boolean secondary = message.toLowerCase(Locale.ROOT).contains("secondary rate limit")
                || message.toLowerCase(Locale.ROOT).contains("abuse");
        if (status >= 500) {
            return new Verdict(true, serverWait, "HTTP " + status);
        }
        if (status == 429 || (status == 403 && (retryAfter.isPresent() || primaryLimit || secondary))) {
            String kind = primaryLimit ? "rate limit" : "secondary rate limit";
            return new Verdict(true, serverWait, "HTTP " + status + " (" + kind + ")");
        }
        return new Verdict(false, Optional.empty(), "HTTP " + status);
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Duration> untilEpoch(String value, Instant now) {
        try {
            Instant reset = Instant.ofEpochSecond(Long.parseLong(value.trim()));
            // One extra second: the reset time is rounded down to the second.
            return Optional.of(reset.isAfter(now) ? Duration.between(now, reset).plusSeconds(1) : Duration.ofSeconds(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The wait before attempt {@code attempt + 1}: the server's wait when it gave one, else a backoff of
     * {@code baseDelay * 2^(attempt-1)} (capped at {@code maxDelay}) scaled by a random factor in [0.5, 1) so that
     * parallel jobs do not retry in step.
     */
    Duration delay(int attempt, Optional<Duration> serverWait, RandomGenerator random) {
        if (serverWait.isPresent()) {
            return serverWait.get();
        }
        long base = baseDelay.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(Math.max(base, 0), maxDelay.toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + random.nextDouble() / 2)));
    }

    /** A one-line account of a failure for users: what was attempted, the status and GitHub's message; never the token. */
    static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
