package io.jenkins.plugins.installerpipeline.release;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A GitHub API call answered with an error status. The message says what was attempted, the status, and GitHub's own
 * message and error codes (such as {@code already_exists}); it never contains the token.
 */
public final class GitHubHttpException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, List<String>> headers;
    private final List<String> errorCodes;

    public GitHubHttpException(String message, int status, Map<String, List<String>> headers, List<String> errorCodes) {
        super(message);
        this.status = status;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                copy.put(k, List.copyOf(v));
            }
        });
        this.headers = copy;
        this.errorCodes = List.copyOf(errorCodes);
    }

    public int status() {
        return status;
    }

    /** A response header, matched case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The {@code errors[].code} values GitHub returned, e.g. {@code already_exists}. */
    public List<String> errorCodes() {
        return errorCodes;
    }
}
