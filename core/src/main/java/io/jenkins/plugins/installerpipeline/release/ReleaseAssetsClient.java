package io.jenkins.plugins.installerpipeline.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thin layer of our own over the release-asset endpoints, on {@code java.net.http}. github-api 1.330 is used for
 * everything else, but not here, because for assets it:
 * <ul>
 *   <li>buffers the whole upload in memory: {@code GHRelease.uploadAsset} passes the stream to
 *       {@code GitHubRequest.Builder.with(InputStream)}, which calls {@code IOUtils.toByteArray}, and its
 *       {@code HttpClientGitHubConnector} copies the body into a {@code byte[]} again, so a 2 GiB Raspberry Pi image
 *       cannot be uploaded at all (arrays stop at 2 GiB) and smaller ones cost their size in heap;</li>
 *   <li>does not model an asset's {@code digest} ({@code GHAsset} has no such field), which idempotent re-runs need;</li>
 *   <li>cannot rename an asset ({@code GHAsset} can only change its label and content type), which safe replacement
 *       needs.</li>
 * </ul>
 * Uploads here stream the file from disk with a {@code Content-Length} (see {@link #streamUpload}).
 * Each method makes one attempt; {@link ReleasePublisher} decides about retries. The token only goes into the
 * {@code Authorization} header.
 */
final class ReleaseAssetsClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
    private static final int UPLOAD_BUFFER_BYTES = 1 << 20;

    private final HttpClient http;
    private final URI apiUrl;
    private final String token;

    ReleaseAssetsClient(GitHubAccess access) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.apiUrl = access.apiUrl();
        this.token = access.token();
    }

    /** Every asset of the release, following {@code Link: rel="next"} pages of 100. */
    List<RemoteAsset> list(RepositoryName repository, long releaseId, Retrier retrier) throws IOException {
        List<RemoteAsset> assets = new ArrayList<>();
        URI next = URI.create(repoUrl(repository) + "/releases/" + releaseId + "/assets?per_page=100");
        while (next != null) {
            URI page = next;
            HttpResponse<String> response = retrier.call("list assets of release " + releaseId,
                    () -> send(request(page).GET().build(), "list the assets of release " + releaseId));
            for (JsonNode node : JSON.readTree(response.body())) {
                assets.add(asset(node));
            }
            next = response.headers().firstValue("Link").map(ReleaseAssetsClient::nextLink).orElse(null);
        }
        return assets;
    }

    private static URI nextLink(String link) {
        Matcher m = NEXT_LINK.matcher(link);
        return m.find() ? URI.create(m.group(1)) : null;
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
        return asset(JSON.readTree(streamUpload(URI.create(url.toString()), file, name, contentType)));
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
            connection.setConnectTimeout((int) Duration.ofSeconds(30).toMillis());
            connection.setReadTimeout((int) CALL_TIMEOUT.toMillis());
            connection.setRequestProperty("Authorization", "Bearer " + token);
            connection.setRequestProperty("Accept", "application/vnd.github+json");
            connection.setRequestProperty("X-GitHub-Api-Version", "2022-11-28");
            connection.setRequestProperty("User-Agent", "installer-pipeline");
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
        String body = JSON.createObjectNode().put("name", newName).toString();
        HttpRequest request = request(URI.create(repoUrl(repository) + "/releases/assets/" + assetId))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build();
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

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "installer-pipeline");
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
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw error(what, request.method(), request.uri(), status, response.body(), response.headers().map());
    }

    private static GitHubHttpException error(String what, String method, URI uri, int status, String body,
                                             java.util.Map<String, List<String>> headers) {
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
