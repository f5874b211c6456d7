package io.jenkins.plugins.installerpipeline.release.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the GitHub REST endpoints a release upload uses, laid out like GitHub Enterprise Server
 * ({@code /api/v3} for the API, {@code /api/uploads} for uploads), so a client that builds upload URLs itself instead
 * of using the release's {@code upload_url} fails against it. One repository; releases, assets, pagination
 * ({@code per_page}, default 30, {@code Link} headers), {@code starter} assets, {@code 422 already_exists}, drafts
 * hidden from {@code releases/tags/{tag}} as on GitHub. Uploads are streamed and hashed, never stored, so multi-GiB
 * uploads cost no memory or disk. Every request is recorded ({@link #requests()}); faults are injected with
 * {@link #inject}.
 *
 * <p>Used by core's tests, the CLI tests and the benchmarks (through core's test-jar).
 */
public final class FakeGitHub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATE = "2026-01-01T00:00:00Z";

    /** An asset as the server holds it. */
    public record Asset(long id, long releaseId, String name, String label, String state, long size, String sha256,
                        String contentType) {}

    /** A release as the server holds it. */
    public record Release(long id, String tag, boolean draft, boolean prerelease) {}

    /**
     * One request the server saw.
     *
     * Recorded when the request arrives, before it is answered, so a client never sees an answer to a request that
     * is not recorded yet.
     *
     * @param contentLength the declared {@code Content-Length}, -1 when absent
     */
    public record RecordedRequest(String method, String path, String query, Map<String, String> headers,
                                  long contentLength) {
        public String queryParameter(String name) {
            return parseQuery(query).get(name);
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query);
        }
    }

    /** What an injected fault does instead of (or before) the normal answer. */
    @FunctionalInterface
    public interface Fault {
        /** Returns true when it answered (or dropped) the request itself. */
        boolean apply(HttpExchange exchange, FakeGitHub server) throws IOException;

        /** Answer with this status, headers and JSON body. */
        static Fault status(int status, Map<String, String> headers, String jsonBody) {
            return (ex, server) -> {
                server.drain(ex.getRequestBody());
                headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                server.respond(ex, status, jsonBody);
                return true;
            };
        }

        /**
         * For an upload: read {@code bytes} of the body, leave a {@code starter} asset under the name (as GitHub does),
         * then drop the connection without an answer.
         */
        static Fault resetMidUpload(long bytes) {
            return (ex, server) -> {
                InputStream in = ex.getRequestBody();
                byte[] buf = new byte[8192];
                long read = 0;
                while (read < bytes) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, bytes - read));
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
                Matcher m = UPLOAD.matcher(ex.getRequestURI().getPath());
                if (m.matches()) {
                    Map<String, String> q = parseQuery(ex.getRequestURI().getRawQuery());
                    server.addAsset(new Asset(server.ids.incrementAndGet(), Long.parseLong(m.group(1)), q.get("name"),
                            q.get("label"), "starter", 0, null, ex.getRequestHeaders().getFirst("Content-Type")));
                }
                ex.close(); // no response headers sent: the server closes the connection
                return true;
            };
        }

        /** Run {@code action} against the server first, then answer normally (e.g. a concurrent upload). */
        static Fault before(Consumer<FakeGitHub> action) {
            return (ex, server) -> {
                action.accept(server);
                return false;
            };
        }
    }

    private record Rule(String method, Pattern path, int[] remaining, Fault fault) {}

    private static final Pattern UPLOAD = Pattern.compile("/api/uploads/repos/[^/]+/[^/]+/releases/(\\d+)/assets");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String owner;
    private final String repo;
    private final String token;
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<Long, Release> releases = new LinkedHashMap<>();
    private final Map<Long, Asset> assets = new LinkedHashMap<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private volatile boolean reportDigests = true;

    private FakeGitHub(String owner, String repo, String token) throws IOException {
        this.owner = owner;
        this.repo = repo;
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a server for repository {@code owner/repo} that accepts {@code token}. */
    public static FakeGitHub start(String owner, String repo, String token) throws IOException {
        return new FakeGitHub(owner, repo, token);
    }

    /** The API root to configure clients with, e.g. {@code http://127.0.0.1:PORT/api/v3}. */
    public URI apiUrl() {
        return URI.create(base() + "/api/v3");
    }

    private String base() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Whether assets carry a {@code digest} (GitHub.com does; older GitHub Enterprise does not). */
    public void reportDigests(boolean report) {
        reportDigests = report;
    }

    /** Adds a release. */
    public synchronized Release addRelease(String tag, boolean draft, boolean prerelease) {
        Release r = new Release(ids.incrementAndGet(), tag, draft, prerelease);
        releases.put(r.id(), r);
        return r;
    }

    /** Adds an asset to a release as if uploaded earlier, with the given size and content hash. */
    public synchronized Asset addAsset(long releaseId, String name, long size, String sha256, String state) {
        Asset a = new Asset(ids.incrementAndGet(), releaseId, name, null, state, size, sha256,
                "application/octet-stream");
        assets.put(a.id(), a);
        return a;
    }

    private synchronized void addAsset(Asset a) {
        assets.put(a.id(), a);
    }

    public synchronized Optional<Release> release(String tag) {
        return releases.values().stream().filter(r -> r.tag().equals(tag)).findFirst();
    }

    /** The release's assets, in creation order. */
    public synchronized List<Asset> assets(long releaseId) {
        return assets.values().stream().filter(a -> a.releaseId() == releaseId).toList();
    }

    /** Every request so far, in order. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests with this method whose path matches {@code pathRegex} (found anywhere in the path). */
    public synchronized List<RecordedRequest> requests(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return requests.stream().filter(r -> r.method().equals(method) && p.matcher(r.path()).find()).toList();
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    /**
     * Makes the next {@code times} requests with {@code method} and a path matching {@code pathRegex} (found anywhere
     * in the path) go to {@code fault}. Rules are tried in the order they were added.
     */
    public synchronized void inject(String method, String pathRegex, int times, Fault fault) {
        rules.add(new Rule(method, Pattern.compile(pathRegex), new int[] {times}, fault));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        synchronized (this) {
            String length = headers.get("content-length");
            requests.add(new RecordedRequest(method, path, query, Map.copyOf(headers),
                    length == null ? -1 : Long.parseLong(length.trim())));
        }
        try {
            Fault fault = takeFault(method, path);
            boolean answered = fault != null && fault.apply(ex, this);
            if (!answered) {
                route(ex, method, path, query, headers);
            }
        } catch (RuntimeException | IOException e) {
            try {
                respond(ex, 500, "{\"message\":\"fake server error: " + e + "\"}");
            } catch (IOException ignored) {
                // connection already gone
            }
        } finally {
            ex.close();
        }
    }

    private synchronized Fault takeFault(String method, String path) {
        for (Rule rule : rules) {
            if (rule.remaining()[0] > 0 && rule.method().equals(method) && rule.path().matcher(path).find()) {
                rule.remaining()[0]--;
                return rule.fault();
            }
        }
        return null;
    }

    private void route(HttpExchange ex, String method, String path, String query, Map<String, String> headers)
            throws IOException {
        String auth = headers.getOrDefault("authorization", "");
        if (!auth.equals("token " + token) && !auth.equals("Bearer " + token)) {
            drain(ex.getRequestBody());
            respond(ex, 401, "{\"message\":\"Bad credentials\"}");
            return;
        }
        String repoPath = "/api/v3/repos/" + owner + "/" + repo;
        Matcher upload = UPLOAD.matcher(path);
        if (upload.matches() && method.equals("POST") && path.startsWith("/api/uploads/repos/" + owner + "/" + repo)) {
            upload(ex, Long.parseLong(upload.group(1)), parseQuery(query));
            return;
        }
        if (!path.startsWith(repoPath)) {
            respond(ex, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        String rest = path.substring(repoPath.length());
        Matcher m;
        if (rest.isEmpty() && method.equals("GET")) {
            respond(ex, 200, repositoryJson().toString());
        } else if ((m = match("/releases/tags/(.+)", rest)) != null && method.equals("GET")) {
            String tag = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            Optional<Release> r;
            synchronized (this) {
                r = releases.values().stream().filter(x -> !x.draft() && x.tag().equals(tag)).findFirst();
            }
            if (r.isPresent()) {
                respond(ex, 200, releaseJson(r.get()).toString());
            } else {
                respond(ex, 404, "{\"message\":\"Not Found\"}");
            }
        } else if (rest.equals("/releases") && method.equals("GET")) {
            List<JsonNode> all;
            synchronized (this) {
                all = releases.values().stream().map(r -> (JsonNode) releaseJson(r)).toList();
            }
            page(ex, path, query, all);
        } else if (rest.equals("/releases") && method.equals("POST")) {
            JsonNode body = JSON.readTree(ex.getRequestBody());
            String tag = body.path("tag_name").asText();
            synchronized (this) {
                if (releases.values().stream().anyMatch(r -> !r.draft() && r.tag().equals(tag))) {
                    respond(ex, 422, alreadyExists("Release", "tag_name"));
                    return;
                }
            }
            Release r = addRelease(tag, body.path("draft").asBoolean(false), body.path("prerelease").asBoolean(false));
            respond(ex, 201, releaseJson(r).toString());
        } else if ((m = match("/releases/(\\d+)", rest)) != null) {
            long id = Long.parseLong(m.group(1));
            Release r;
            synchronized (this) {
                r = releases.get(id);
            }
            if (r == null) {
                respond(ex, 404, "{\"message\":\"Not Found\"}");
            } else if (method.equals("PATCH")) {
                JsonNode body = JSON.readTree(ex.getRequestBody());
                Release updated = new Release(id, body.path("tag_name").asText(r.tag()),
                        body.has("draft") ? body.get("draft").asBoolean() : r.draft(),
                        body.has("prerelease") ? body.get("prerelease").asBoolean() : r.prerelease());
                synchronized (this) {
                    releases.put(id, updated);
                }
                respond(ex, 200, releaseJson(updated).toString());
            } else {
                respond(ex, 200, releaseJson(r).toString());
            }
        } else if ((m = match("/releases/(\\d+)/assets", rest)) != null && method.equals("GET")) {
            long id = Long.parseLong(m.group(1));
            List<JsonNode> list = assets(id).stream().map(a -> (JsonNode) assetJson(a)).toList();
            page(ex, path, query, list);
        } else if ((m = match("/releases/assets/(\\d+)", rest)) != null) {
            long id = Long.parseLong(m.group(1));
            Asset a;
            synchronized (this) {
                a = assets.get(id);
            }
            if (a == null) {
                drain(ex.getRequestBody());
                respond(ex, 404, "{\"message\":\"Not Found\"}");
            } else if (method.equals("DELETE")) {
                synchronized (this) {
                    assets.remove(id);
                }
                ex.sendResponseHeaders(204, -1);
            } else if (method.equals("PATCH")) {
                JsonNode body = JSON.readTree(ex.getRequestBody());
                String name = body.path("name").asText(a.name());
                synchronized (this) {
                    if (!name.equals(a.name()) && assets.values().stream()
                            .anyMatch(o -> o.releaseId() == a.releaseId() && o.name().equals(name))) {
                        respond(ex, 422, alreadyExists("ReleaseAsset", "name"));
                        return;
                    }
                    Asset renamed = new Asset(a.id(), a.releaseId(), name, body.path("label").asText(a.label()),
                            a.state(), a.size(), a.sha256(), a.contentType());
                    assets.put(id, renamed);
                    respond(ex, 200, assetJson(renamed).toString());
                }
            } else {
                respond(ex, 200, assetJson(a).toString());
            }
        } else {
            drain(ex.getRequestBody());
            respond(ex, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private static Matcher match(String regex, String s) {
        Matcher m = Pattern.compile(regex).matcher(s);
        return m.matches() ? m : null;
    }

    private void upload(HttpExchange ex, long releaseId, Map<String, String> query) throws IOException {
        String name = query.get("name");
        synchronized (this) {
            if (!releases.containsKey(releaseId)) {
                drain(ex.getRequestBody());
                respond(ex, 404, "{\"message\":\"Not Found\"}");
                return;
            }
            if (assets.values().stream().anyMatch(a -> a.releaseId() == releaseId && a.name().equals(name))) {
                drain(ex.getRequestBody());
                respond(ex, 422, alreadyExists("ReleaseAsset", "name"));
                return;
            }
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        long size = 0;
        try (InputStream in = ex.getRequestBody()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha.update(buf, 0, n);
                size += n;
            }
        }
        Asset a = new Asset(ids.incrementAndGet(), releaseId, name, query.get("label"), "uploaded", size,
                HexFormat.of().formatHex(sha.digest()), ex.getRequestHeaders().getFirst("Content-Type"));
        synchronized (this) {
            if (assets.values().stream().anyMatch(o -> o.releaseId() == releaseId && o.name().equals(name))) {
                respond(ex, 422, alreadyExists("ReleaseAsset", "name"));
                return;
            }
            assets.put(a.id(), a);
        }
        respond(ex, 201, assetJson(a).toString());
    }

    private void page(HttpExchange ex, String path, String query, List<JsonNode> all) throws IOException {
        Map<String, String> q = parseQuery(query);
        int perPage = Math.min(100, Integer.parseInt(q.getOrDefault("per_page", "30")));
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        ArrayNode out = JSON.createArrayNode();
        all.subList(from, to).forEach(out::add);
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        if (page < last) {
            String url = base() + path + "?per_page=" + perPage + "&page=";
            ex.getResponseHeaders().add("Link", "<" + url + (page + 1) + ">; rel=\"next\", <" + url + last
                    + ">; rel=\"last\"");
        }
        respond(ex, 200, out.toString());
    }

    private ObjectNode repositoryJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", 1).put("name", repo).put("full_name", owner + "/" + repo)
                .put("url", apiUrl() + "/repos/" + owner + "/" + repo)
                .put("html_url", base() + "/" + owner + "/" + repo).put("private", false)
                .put("created_at", DATE).put("updated_at", DATE);
        o.putObject("owner").put("login", owner).put("id", 2).put("type", "Organization")
                .put("url", apiUrl() + "/users/" + owner);
        return o;
    }

    private ObjectNode releaseJson(Release r) {
        String url = apiUrl() + "/repos/" + owner + "/" + repo + "/releases/" + r.id();
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id()).put("tag_name", r.tag()).put("name", r.tag()).put("draft", r.draft())
                .put("prerelease", r.prerelease()).put("url", url).put("assets_url", url + "/assets")
                .put("upload_url", base() + "/api/uploads/repos/" + owner + "/" + repo + "/releases/" + r.id()
                        + "/assets{?name,label}")
                .put("html_url", base() + "/" + owner + "/" + repo + "/releases/tag/" + r.tag())
                .put("created_at", DATE);
        o.putArray("assets");
        return o;
    }

    private ObjectNode assetJson(Asset a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id()).put("name", a.name()).put("label", a.label()).put("state", a.state())
                .put("size", a.size()).put("content_type", a.contentType()).put("download_count", 0)
                .put("url", apiUrl() + "/repos/" + owner + "/" + repo + "/releases/assets/" + a.id())
                .put("created_at", DATE).put("updated_at", DATE);
        if (reportDigests && a.sha256() != null && "uploaded".equals(a.state())) {
            o.put("digest", "sha256:" + a.sha256());
        } else {
            o.putNull("digest");
        }
        return o;
    }

    private static String alreadyExists(String resource, String field) {
        return "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"" + resource
                + "\",\"code\":\"already_exists\",\"field\":\"" + field + "\"}]}";
    }

    void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // discard
        }
    }

    static Map<String, String> parseQuery(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}
