package io.jenkins.plugins.installerpipeline.release;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Optional;

/**
 * The host of a call could not be reached at all: its name does not resolve, or nothing accepts the connection.
 * Asking again a second later will not change that (a typo in {@code --api-url}, no network, a server that is down),
 * so {@link RetryPolicy} does not retry it, and the message says only that: {@code cannot reach HOST: unknown host}.
 * A connection that times out or breaks is not this: it is retried.
 */
public final class GitHubUnreachableException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String host;

    private GitHubUnreachableException(String host, String reason, IOException cause) {
        super("cannot reach " + host + ": " + reason, cause);
        this.host = host;
    }

    /** The host that could not be reached. */
    public String host() {
        return host;
    }

    /** {@code failure} of a call to {@code uri}: as an unreachable host when that is what it is, else itself. */
    static IOException explain(URI uri, IOException failure) {
        return of(uri, failure).<IOException>map(unreachable -> unreachable).orElse(failure);
    }

    /** {@code failure} of a call to {@code uri} as an unreachable host, when that is what it is. */
    static Optional<GitHubUnreachableException> of(URI uri, IOException failure) {
        if (failure instanceof GitHubUnreachableException || failure instanceof HttpTimeoutException) {
            return Optional.empty();
        }
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        boolean connectFailed = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return Optional.of(new GitHubUnreachableException(host, "unknown host", failure));
            }
            connectFailed |= t instanceof ConnectException;
        }
        if (!connectFailed) {
            return Optional.empty();
        }
        // HttpURLConnection says why ("Connection refused", "No route to host"); HttpClient gives no message, and
        // refused is what it means then (a timeout is an HttpConnectTimeoutException, excluded above).
        String reason = failure.getMessage() == null || failure.getMessage().isBlank()
                ? "connection refused" : failure.getMessage().toLowerCase(Locale.ROOT);
        return Optional.of(new GitHubUnreachableException(host, reason, failure));
    }
}
