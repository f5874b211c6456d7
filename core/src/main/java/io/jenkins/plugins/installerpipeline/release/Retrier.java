package io.jenkins.plugins.installerpipeline.release;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** Runs GitHub calls under a {@link RetryPolicy}, with injected clock, sleeper and randomness. */
final class Retrier {

    @FunctionalInterface
    interface IoCall<T> {
        T call() throws IOException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RandomGenerator random;
    private final Consumer<String> log;

    Retrier(RetryPolicy policy, Sleeper sleeper, Clock clock, RandomGenerator random, Consumer<String> log) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
        this.log = log;
    }

    /** Calls {@code call}, retrying retryable failures; {@code what} names the operation in log lines. */
    <T> T call(String what, IoCall<T> call) throws IOException {
        Attempts attempts = start(what);
        while (true) {
            try {
                return call.call();
            } catch (IOException e) {
                attempts.failed(e);
            }
        }
    }

    Attempts start(String what) {
        return new Attempts(what);
    }

    /** The attempts of one operation: counts them and the time waited, and decides whether to go on. */
    final class Attempts {
        private final String what;
        private int attempt = 1;
        private Duration waited = Duration.ZERO;

        private Attempts(String what) {
            this.what = what;
        }

        /** Rethrows {@code e} when it may not be retried (or retries are used up); otherwise waits. */
        void failed(IOException e) throws IOException {
            RetryPolicy.Verdict verdict = RetryPolicy.classify(e, clock.instant());
            if (!verdict.retryable()) {
                throw e;
            }
            if (attempt >= policy.maxAttempts()) {
                throw new IOException(what + " failed after " + attempt + " attempts: " + RetryPolicy.describe(e), e);
            }
            Duration delay = policy.delay(attempt, verdict.serverWait(), random);
            if (waited.plus(delay).compareTo(policy.maxTotalWait()) > 0) {
                throw new IOException(what + " failed (" + verdict.reason() + ") and waiting " + delay.toSeconds()
                        + "s more would exceed the retry budget of " + policy.maxTotalWait().toSeconds() + "s: "
                        + RetryPolicy.describe(e), e);
            }
            log.accept(what + ": " + verdict.reason() + "; retrying in " + format(delay) + " (attempt "
                    + (attempt + 1) + " of " + policy.maxAttempts() + ")");
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                InterruptedIOException io = new InterruptedIOException(what + " interrupted while waiting to retry");
                io.initCause(interrupted);
                throw io;
            }
            waited = waited.plus(delay);
            attempt++;
        }

        /** Counts an attempt that is repeated without waiting (e.g. after clearing a conflict); bounded likewise. */
        void repeatNow(IOException cause) throws IOException {
            if (attempt >= policy.maxAttempts()) {
                throw cause;
            }
            attempt++;
        }
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
