package io.jenkins.plugins.installerpipeline.release;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where a Jenkins build publishes: the repository, the API root and the tag, each given explicitly or taken from
 * what the build knows. Pure rules, so the {@code uploadReleaseArtifact} step only gathers the facts.
 *
 * @param repository the repository holding the release
 * @param apiUrl     the REST API root
 * @param tag        the release tag
 */
public record ReleaseTarget(RepositoryName repository, URI apiUrl, String tag) {

    /**
     * A GitHub repository a Jenkins job builds (from its GitHub Branch Source).
     *
     * @param owner  the repository owner
     * @param name   the repository name
     * @param apiUrl the source's API endpoint, empty for public GitHub
     */
    public record Source(String owner, String name, Optional<String> apiUrl) {}

    /** The target, or why there is none; {@link #notARelease()} when the build has no tag: not an error. */
    public sealed interface Resolution permits Resolved, NotARelease, Invalid {}

    /** Publish here. */
    public record Resolved(ReleaseTarget target) implements Resolution {}

    /** No tag: the build is not a release; {@code message} is the one console line to print. */
    public record NotARelease(String message) implements Resolution {}

    /** A user's mistake, as a message naming the offending value. */
    public record Invalid(String message) implements Resolution {}

    /** The console line when a build is not a release. */
    public static NotARelease notARelease() {
        return new NotARelease("Not a release build (no tag): nothing uploaded");
    }

    /**
     * Resolves the target. The tag: the explicit one, else the build's. The repository: the explicit one, else the
     * job's own GitHub source, else the upstream job's. The API root: the explicit one, else that of the source the
     * repository came from (the job's own when the repository was explicit and the job has one), else public GitHub.
     *
     * @param tag        the {@code tag} argument (blank = not given)
     * @param repository the {@code repository} argument, {@code OWNER/NAME} (blank = not given)
     * @param apiUrl     the {@code apiUrl} argument (blank = not given)
     * @param buildTag   the build's release tag ({@code build.tag})
     * @param own        the job's own GitHub source
     * @param upstream   the GitHub source of the job that triggered this build
     */
    public static Resolution resolve(String tag, String repository, String apiUrl, Optional<String> buildTag,
                                     Optional<Source> own, Optional<Source> upstream) {
        Optional<String> chosenTag = given(tag).or(() -> buildTag.filter(t -> !t.isBlank()));
        if (chosenTag.isEmpty()) {
            return notARelease();
        }
        Optional<Source> source = own.or(() -> upstream);
        RepositoryName repo;
        if (given(repository).isPresent()) {
            Optional<RepositoryName> parsed = RepositoryName.parse(repository.trim());
            if (parsed.isEmpty()) {
                return new Invalid("repository '" + repository + "' is not of the form OWNER/NAME");
            }
            repo = parsed.get();
        } else if (source.isPresent()) {
            Optional<RepositoryName> parsed = RepositoryName.parse(source.get().owner() + "/" + source.get().name());
            if (parsed.isEmpty()) {
                return new Invalid("the GitHub source's repository '" + source.get().owner() + "/"
                        + source.get().name() + "' is not of the form OWNER/NAME; pass repository: 'OWNER/NAME'");
            }
            repo = parsed.get();
        } else {
            return new Invalid("no repository: this job and its upstream have no GitHub Branch Source; pass"
                    + " repository: 'OWNER/NAME'");
        }
        String api = given(apiUrl).or(() -> source.flatMap(Source::apiUrl).filter(s -> !s.isBlank()))
                .orElse(GitHubAccess.GITHUB_COM.toString());
        URI uri;
        try {
            uri = new URI(api.trim());
        } catch (URISyntaxException e) {
            return new Invalid("apiUrl '" + api + "' is not a URL: " + e.getReason());
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            return new Invalid("apiUrl '" + api + "' is not an http(s) URL such as https://api.github.com");
        }
        return new Resolved(new ReleaseTarget(repo, uri, chosenTag.get().trim()));
    }

    /**
     * The download link of an asset, from the release page's URL: GitHub serves {@code .../releases/tag/TAG} and
     * {@code .../releases/download/TAG/NAME}. Empty when the release page is unknown or of another form.
     */
    public static Optional<String> assetUrl(Optional<String> releasePage, String tag, String assetName) {
        return releasePage.filter(u -> u.contains("/releases/tag/")).map(u -> u.substring(0, u.indexOf("/releases/tag/"))
                + "/releases/download/" + encode(tag) + "/" + encode(assetName));
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
