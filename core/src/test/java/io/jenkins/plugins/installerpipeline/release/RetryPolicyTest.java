package io.jenkins.plugins.installerpipeline.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.Test;

public class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static GitHubHttpException http(int status, Map<String, String> headers, String message) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new GitHubHttpException(message, status, h, List.of());
    }

    private static RetryPolicy.Verdict classify(IOException e) {
        return RetryPolicy.classify(e, NOW);
    }

    @Test
    public void connectionFailuresAndServerErrorsAreRetried() {
        assertThat(classify(new SocketException("Connection reset")).retryable()).isTrue();
        assertThat(classify(new ConnectException("Connection refused")).retryable()).isTrue();
        assertThat(classify(new IOException("HTTP/1.1 header parser received no bytes")).retryable()).isTrue();
        assertThat(classify(http(500, Map.of(), "x")).retryable()).isTrue();
        assertThat(classify(http(503, Map.of("Retry-After", "12"), "x")).serverWait()).contains(Duration.ofSeconds(12));
    }

    @Test
    public void rateLimitsAreRetriedAfterTheWaitTheServerAsksFor() {
        assertThat(classify(http(429, Map.of("Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT"), "x")).serverWait())
                .contains(Duration.ofSeconds(30));
        assertThat(classify(http(403, Map.of("Retry-After", "60"), "x")).serverWait()).contains(Duration.ofSeconds(60));
        RetryPolicy.Verdict primary = classify(http(403, Map.of("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 100)), "API rate limit exceeded"));
        assertThat(primary.retryable()).isTrue();
        assertThat(primary.serverWait()).contains(Duration.ofSeconds(101));
        RetryPolicy.Verdict secondary = classify(http(403, Map.of(), "You have exceeded a secondary rate limit"));
        assertThat(secondary.retryable()).isTrue();
        assertThat(secondary.serverWait()).isEmpty();
    }

    @Test
    public void clientErrorsThatWillNotChangeAreNotRetried() {
        assertThat(classify(http(403, Map.of(), "Resource not accessible by integration")).retryable()).isFalse();
        assertThat(classify(http(401, Map.of(), "Bad credentials")).retryable()).isFalse();
        assertThat(classify(http(404, Map.of(), "Not Found")).retryable()).isFalse();
        assertThat(classify(http(422, Map.of(), "Validation Failed")).retryable()).isFalse();
        assertThat(classify(new NoSuchFileException("/dist/x.whl")).retryable()).isFalse();
    }

    @Test
    public void aHostThatCannotBeReachedIsNotRetriedAndSaysWhy() {
        java.net.URI api = java.net.URI.create("https://github.invalid/api/v3/repos/a/b");
        // What java.net.http says for a name that does not resolve: a ConnectException without a message.
        IOException unresolved = (IOException) new ConnectException().initCause(
                new java.nio.channels.UnresolvedAddressException());
        IOException unknown = GitHubUnreachableException.of(api, unresolved).orElseThrow();
        assertThat(unknown).hasMessage("cannot reach github.invalid: unknown host");
        assertThat(classify(unknown).retryable()).isFalse();
        IOException refused = GitHubUnreachableException.of(java.net.URI.create("http://127.0.0.1:9/api/v3"),
                new ConnectException("Connection refused")).orElseThrow();
        assertThat(refused).hasMessage("cannot reach 127.0.0.1:9: connection refused");
        assertThat(classify(refused).retryable()).isFalse();
        assertThat(GitHubUnreachableException.of(api, new SocketException("Connection reset"))).isEmpty();
        assertThat(GitHubUnreachableException.of(api, new java.net.http.HttpConnectTimeoutException("timed out")))
                .isEmpty();
    }

    @Test
    public void backoffDoublesWithJitterUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(5));
        Random random = new Random(7);
        for (int attempt = 1; attempt <= 6; attempt++) {
            long full = Math.min(1000L << (attempt - 1), 8000);
            Duration d = policy.delay(attempt, Optional.empty(), random);
            assertThat(d.toMillis()).isBetween(full / 2, full);
        }
        assertThat(policy.delay(3, Optional.of(Duration.ofSeconds(42)), random)).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    public void theRetryBudgetBoundsServerRequestedWaits() {
        Retrier retrier = new Retrier(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(8),
                Duration.ofSeconds(60)), d -> {}, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC),
                new Random(1), line -> {});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> retrier.call("list assets", () -> {
            throw http(429, Map.of("Retry-After", "3600"), "slow down");
        })).hasMessageContaining("list assets failed (HTTP 429 (secondary rate limit)) and waiting 3600s more would"
                + " exceed the retry budget of 60s");
    }
}
