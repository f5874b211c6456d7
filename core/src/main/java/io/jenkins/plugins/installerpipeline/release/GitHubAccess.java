package io.jenkins.plugins.installerpipeline.release;

import java.net.URI;
import java.util.Objects;

/**
 * Where the GitHub API is and the token to call it with. The token is only ever sent in the {@code Authorization}
 * header: {@link #toString()} hides it, and no message built by this package contains it.
 *
 * @param apiUrl the REST API root: {@code https://api.github.com}, or {@code https://HOST/api/v3} for GitHub
 *               Enterprise Server
 * @param token  a token allowed to write releases ({@code contents: write})
 */
public record GitHubAccess(URI apiUrl, String token) {

    public static final URI GITHUB_COM = URI.create("https://api.github.com");

    public GitHubAccess {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(token, "token");
        String s = apiUrl.toString();
        apiUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    @Override
    public String toString() {
        return "GitHubAccess[apiUrl=" + apiUrl + ", token=***]";
    }
}
