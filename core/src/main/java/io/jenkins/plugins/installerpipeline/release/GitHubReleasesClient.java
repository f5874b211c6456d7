package io.jenkins.plugins.installerpipeline.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitHub REST calls a release upload makes, on the JDK's own HTTP clients: the repository, releases (by tag,
 * listed with drafts, created, updated) and their assets (listed, uploaded, renamed, deleted). Not github-api,
 * because on a Jenkins agent its connector cannot load (a multi-release class remoting does not resolve) and its
 * fallback cannot send PATCH on Java 17+; because its retries multiply with ours and it logs to the console; and
 * because for assets it buffers uploads in memory, has no {@code digest} and cannot rename.
 *
 * <p>Each method makes one attempt (a paginated listing, one attempt per page); {@link ReleasePublisher} decides
 * about retries. A host that cannot be reached at all fails with {@link GitHubUnreachableException}. The token only
 * goes into the {@code Authorization} header.
 */
final class GitHubReleasesClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
    private static final int UPLOAD_BUFFER_BYTES = 1 << 20;

    private final HttpClient http;
    private final URI apiUrl;
    private final String token;

    GitHubReleasesClient(GitHubAccess access) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.apiUrl = access.apiUrl();
        this.token = access.token();
    }

    /** Reads the repository, so that a wrong name or a token that cannot see it is said as such. */
    void checkRepository(RepositoryName repository) throws IOException {
        send(request(URI.create(repoUrl(repository))).GET().build(), "read repository " + repository);
    }

    /** The published release of {@code tag}; empty when there is none (GitHub does not find drafts by tag). */
    Optional<RemoteRelease> releaseByTag(RepositoryName repository, String tag) throws IOException {
        try {
            HttpResponse<String> response = send(request(URI.create(repoUrl(repository) + "/releases/tags/"
                    + encode(tag))).GET().build(), "find release " + tag);
            return Optional.of(release(JSON.readTree(response.body())));
        } catch (GitHubHttpException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The first release, drafts included, that {@code matches}, looking through every page of 100. */
    Optional<RemoteRelease> findRelease(RepositoryName repository, Predicate<RemoteRelease> matches, Retrier retrier)
            throws IOException {
        List<RemoteRelease> found = new ArrayList<>();
        pages(URI.create(repoUrl(repository) + "/releases?per_page=100"), "list releases", retrier, node -> {
            RemoteRelease r = release(node);
            if (matches.test(r)) {
                found.add(r);
                return false;
            }
            return true;
        });
        return found.stream().findFirst();
    }

    /** Creates the release of {@code tag}, named after it. */
    RemoteRelease createRelease(RepositoryName repository, String tag, boolean draft, boolean prerelease)
            throws IOException {
        ObjectNode body = JSON.createObjectNode().put("tag_name", tag).put("name", tag).put("draft", draft)
                .put("prerelease", prerelease);
        HttpRequest request = json(request(URI.create(repoUrl(repository) + "/releases")), "POST", body);
        return release(JSON.readTree(send(request, "create release " + tag).body()));
    }

    /** Sets a release's draft and pre-release flags (PATCH): publishing a draft is {@code draft = false}. */
    RemoteRelease updateRelease(RepositoryName repository, RemoteRelease release, boolean draft, boolean prerelease)
            throws IOException {
        ObjectNode body = JSON.createObjectNode().put("draft", draft).put("prerelease", prerelease);
        HttpRequest request = json(request(URI.create(repoUrl(repository) + "/releases/" + release.id())), "PATCH",
                body);
        return release(JSON.readTree(send(request, "update release " + release.tag()).body()));
    }

    /** Every asset of the release, following {@code Link: rel="next"} pages of 100. */
    List<RemoteAsset> assets(RepositoryName repository, long releaseId, Retrier retrier) throws IOException {
        List<RemoteAsset> assets = new ArrayList<>();
        pages(URI.create(repoUrl(repository) + "/releases/" + releaseId + "/assets?per_page=100"),
                "list the assets of release " + releaseId, retrier, node -> assets.add(asset(node)));
        return assets;
    }

    /**
     * Calls {@code visit} with each element of each page, from {@code first} on, until it returns false or the pages
     * end. Each page is one call under {@code retrier}.
     */
    private void pages(URI first, String what, Retrier retrier, Predicate<JsonNode> visit) throws IOException {
        URI next = first;
        while (next != null) {
            URI page = next;
            HttpResponse<String> response = retrier.call(what, () -> send(request(page).GET().build(), what));
            for (JsonNode node : JSON.readTree(response.body())) {
                if (!visit.test(node)) {
                    return;
                }
            }
            next = response.headers().firstValue("Link").flatMap(GitHubReleasesClient::nextLink).orElse(null);
        }
    }

    private static Optional<URI> nextLink(String link) {
        Matcher m = NEXT_LINK.matcher(link);
        return m.find() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
    }

    /**
     * Uploads {@code file} as asset {@code name}, streaming it from disk, to the release's {@code upload_url}
     * (a URI template such as {@code https://uploads.github.com/repos/o/n/releases/1/assets{?name,label}}).
     */
    RemoteAsset upload(String uploadUrlTemplate, Path file, String name, String contentType, Optional<String> label)
            throws IOException {
        int brace = uploadUrlTemplate.indexOf('{');
        String base = brace < 0 ? uploadUrlTemplate : uploadUrlTemplate.substring(0, brace);
        StringBuilder url = new StringBuilder(base).append("?name=").append(encode(name));
        label.ifPresent(l -> url.append("&label=").append(encode(l)));
        URI uri = URI.create(url.toString());
        try {
            return asset(JSON.readTree(streamUpload(uri, file, name, contentType)));
        } catch (IOException e) {
            throw GitHubUnreachableException.explain(uri, e);
        }
    }

    /**
     * POSTs the file with a fixed {@code Content-Length}, copying it to the socket through one 1 MiB buffer.
     * {@code HttpURLConnection} in fixed-length streaming mode, rather than {@code HttpClient} with
     * {@code BodyPublishers.ofFile}: both stream, but the latter moved 16 KiB chunks through its selector thread at
     * about 60% of curl's throughput on the local benchmark (docs/performance.md), this at about curl's.
     */
    private String streamUpload(URI uri, Path file, String name, String contentType) throws IOException {
        long size = Files.size(file);
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(size);
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) CALL_TIMEOUT.toMillis());
            headers().forEach(connection::setRequestProperty);
            connection.setRequestProperty("Content-Type", contentType);
            ByteBuffer buffer = ByteBuffer.allocate(UPLOAD_BUFFER_BYTES);
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                 OutputStream out = connection.getOutputStream()) {
                while (in.read(buffer) >= 0) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
            }
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 200 && status < 300) {
                return text;
            }
            throw error("upload " + name, "POST", uri, status, text, connection.getHeaderFields());
        } finally {
            connection.disconnect();
        }
    }

    /** Renames an asset (PATCH {@code name}). */
    RemoteAsset rename(RepositoryName repository, long assetId, String newName) throws IOException {
        HttpRequest request = json(request(URI.create(repoUrl(repository) + "/releases/assets/" + assetId)), "PATCH",
                JSON.createObjectNode().put("name", newName));
        return asset(JSON.readTree(send(request, "rename asset " + assetId + " to " + newName).body()));
    }

    /** Deletes an asset; one that is already gone counts as deleted. */
    void delete(RepositoryName repository, long assetId, String name) throws IOException {
        HttpRequest request = request(URI.create(repoUrl(repository) + "/releases/assets/" + assetId))
                .DELETE().build();
        try {
            send(request, "delete asset " + name + " (id " + assetId + ")");
        } catch (GitHubHttpException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    private String repoUrl(RepositoryName repository) {
        return apiUrl + "/repos/" + encode(repository.owner()) + "/" + encode(repository.name());
    }

    /** The headers of every call; the token appears here and nowhere else. */
    private Map<String, String> headers() {
        return Map.of(
                "Authorization", "Bearer " + token,
                "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28",
                "User-Agent", "installer-pipeline");
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT);
        headers().forEach(builder::header);
        return builder;
    }

    private static HttpRequest json(HttpRequest.Builder builder, String method, JsonNode body) {
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request, String what) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException(what + ": interrupted");
            io.initCause(e);
            throw io;
        } catch (IOException e) {
            throw GitHubUnreachableException.explain(request.uri(), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw error(what, request.method(), request.uri(), status, response.body(), response.headers().map());
    }

    private static GitHubHttpException error(String what, String method, URI uri, int status, String body,
                                             Map<String, List<String>> headers) {
        String githubMessage = "";
        List<String> codes = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(body);
            githubMessage = json.path("message").asText("");
            for (JsonNode error : json.path("errors")) {
                if (error.hasNonNull("code")) {
                    codes.add(error.get("code").asText());
                }
            }
        } catch (IOException notJson) {
            githubMessage = body.length() > 200 ? body.substring(0, 200) : body;
        }
        String message = what + ": HTTP " + status + (githubMessage.isBlank() ? "" : " " + githubMessage)
                + (codes.isEmpty() ? "" : " " + codes) + " (" + method + " " + strip(uri) + ")";
        return new GitHubHttpException(message, status, headers, codes);
    }

    private static String strip(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    }

    private static RemoteRelease release(JsonNode node) {
        return new RemoteRelease(node.path("id").asLong(), node.path("tag_name").asText(),
                node.path("draft").asBoolean(false), node.path("prerelease").asBoolean(false),
                text(node, "html_url"), node.path("upload_url").asText(""));
    }

    private static RemoteAsset asset(JsonNode node) {
        return new RemoteAsset(node.path("id").asLong(), node.path("name").asText(),
                text(node, "label"), node.path("state").asText("uploaded"), node.path("size").asLong(),
                text(node, "digest"), node.path("content_type").asText(""));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
