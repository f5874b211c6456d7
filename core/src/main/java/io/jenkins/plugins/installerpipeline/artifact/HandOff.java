package io.jenkins.plugins.installerpipeline.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of handing artifacts from one build to another with their checksums ({@code INSTALLER_ARTIFACTS}):
 * reading and writing the JSON, choosing the artifacts a build asks for, and checking what arrived.
 * The Jenkins step {@code fetchUpstreamArtifacts} only copies bytes; every decision and message is here.
 */
public final class HandOff {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private HandOff() {}

    /** What {@link #parse} found: the artifacts, or why the text is not a valid list of them. */
    public record Parsed(List<HandedArtifact> artifacts, Optional<String> problem) {
        public Parsed {
            artifacts = List.copyOf(artifacts);
        }
    }

    /** What {@link #select} chose: the artifacts in metadata order, and the patterns that matched nothing. */
    public record Selection(List<HandedArtifact> artifacts, List<String> unmatched) {
        public Selection {
            artifacts = List.copyOf(artifacts);
            unmatched = List.copyOf(unmatched);
        }
    }

    /**
     * Reads {@code [{"name","path","url","size","sha256"}, ...]}. {@code path} defaults to {@code name}, {@code url}
     * to empty; {@code name}, {@code size} and a 64-digit hex {@code sha256} are required, since an artifact whose
     * checksum is unknown cannot be verified.
     */
    public static Parsed parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null || json.isBlank() ? "[]" : json);
        } catch (JsonProcessingException e) {
            return new Parsed(List.of(), Optional.of("INSTALLER_ARTIFACTS is not valid JSON: "
                    + e.getOriginalMessage()));
        }
        if (!root.isArray()) {
            return new Parsed(List.of(), Optional.of("INSTALLER_ARTIFACTS must be a JSON array of artifacts, not "
                    + root.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        List<HandedArtifact> out = new ArrayList<>();
        int index = 0;
        for (JsonNode n : root) {
            String where = "INSTALLER_ARTIFACTS[" + index++ + "]";
            String name = n.path("name").asText("");
            if (name.isEmpty()) {
                return new Parsed(List.of(), Optional.of(where + " has no \"name\""));
            }
            String sha = n.path("sha256").asText("").toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(sha).matches()) {
                return new Parsed(List.of(), Optional.of(where + " (" + name + ") has no valid \"sha256\" (64 hex"
                        + " digits): '" + n.path("sha256").asText("") + "'"));
            }
            if (!n.path("size").canConvertToLong() || n.path("size").asLong(-1) < 0) {
                return new Parsed(List.of(), Optional.of(where + " (" + name + ") has no valid \"size\""));
            }
            String path = n.path("path").asText("").replace('\\', '/');
            if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || List.of(path.split("/")).contains("..")) {
                // The path becomes a path in the receiving workspace: it must stay inside it.
                return new Parsed(List.of(), Optional.of(where + " (" + name + ") has path '" + path
                        + "', which leaves the workspace; give a relative path without '..'"));
            }
            if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
                return new Parsed(List.of(), Optional.of(where + " has name '" + name + "', which is not a file"
                        + " name"));
            }
            out.add(new HandedArtifact(name, path.isEmpty() ? name : path, n.path("url").asText(""),
                    n.path("size").asLong(), sha));
        }
        return new Parsed(out, Optional.empty());
    }

    /** The JSON {@link #parse} reads, in the given order. */
    public static String toJson(List<HandedArtifact> artifacts) {
        ArrayNode list = JSON.createArrayNode();
        for (HandedArtifact a : artifacts) {
            list.addObject().put("name", a.name()).put("path", a.path()).put("url", a.url()).put("size", a.size())
                    .put("sha256", a.sha256());
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * {@code first}, then each artifact of {@code more} not already there (same path and URL): the artifacts a build
     * hands on when it passes its own along with a dependency's (the Raspberry Pi build gets the wheel and the
     * Debian build's {@code .deb}).
     */
    public static List<HandedArtifact> merge(List<HandedArtifact> first, List<HandedArtifact> more) {
        List<HandedArtifact> all = new ArrayList<>(first);
        for (HandedArtifact a : more) {
            if (all.stream().noneMatch(b -> b.url().equals(a.url()) && b.path().equals(a.path()))) {
                all.add(a);
            }
        }
        return List.copyOf(all);
    }

    /**
     * Chooses the artifacts matching any of the comma-separated Ant-style patterns in {@code includes}, compared
     * with each artifact's {@code path} and its {@code name} (so {@code *.whl} finds {@code dist/kolibri.whl});
     * a leading {@code **}{@code /} also matches no directory, as in Ant. Blank {@code includes} selects all.
     */
    public static Selection select(List<HandedArtifact> artifacts, String includes) {
        List<String> patterns = patterns(includes);
        if (patterns.isEmpty()) {
            return new Selection(artifacts, List.of());
        }
        Set<HandedArtifact> chosen = new LinkedHashSet<>();
        List<String> unmatched = new ArrayList<>();
        for (String pattern : patterns) {
            List<PathMatcher> matchers = matchers(pattern);
            boolean any = false;
            for (HandedArtifact a : artifacts) {
                if (matches(matchers, a.path()) || matches(matchers, a.name())) {
                    chosen.add(a);
                    any = true;
                }
            }
            if (!any) {
                unmatched.add(pattern);
            }
        }
        List<HandedArtifact> ordered = artifacts.stream().filter(chosen::contains).toList();
        return new Selection(ordered, unmatched);
    }

    /** The message for patterns that matched none of the handed artifacts. */
    public static String unmatchedMessage(List<String> unmatched, List<HandedArtifact> available, String from) {
        String names = available.isEmpty() ? "none" : String.join(", ", available.stream().map(HandedArtifact::name)
                .toList());
        return (unmatched.size() == 1 ? "pattern '" + unmatched.get(0) + "' matches" : "patterns '"
                + String.join("', '", unmatched) + "' match") + " none of the artifacts " + from
                + " handed over (" + names + ")";
    }

    /**
     * Compares a fetched file with what the metadata says; empty when it matches. The message names the file and
     * both checksums (and both sizes when they differ), so a user can tell a truncated copy from a different build.
     */
    public static Optional<String> verify(HandedArtifact expected, long actualSize, String actualSha256) {
        String actual = actualSha256.toLowerCase(Locale.ROOT);
        if (actual.equals(expected.sha256()) && actualSize == expected.size()) {
            return Optional.empty();
        }
        StringBuilder m = new StringBuilder(expected.path()).append(": checksum mismatch: expected SHA-256 ")
                .append(expected.sha256()).append(" (from INSTALLER_ARTIFACTS), got ").append(actual);
        if (actualSize != expected.size()) {
            m.append("; expected ").append(expected.size()).append(" bytes, got ").append(actualSize);
        }
        return Optional.of(m.toString());
    }

    /** The message when a build that no orchestration started asks for its upstream's artifacts. */
    public static String noUpstreamMessage(String jobFullName) {
        return jobFullName + " was not started by an orchestration (no triggerInstallers upstream), so there are no"
                + " upstream artifacts to fetch; start it from the package build, or pass the files another way";
    }

    /** The message when {@code from} names a dependency the metadata does not list. */
    public static String unknownDependencyMessage(String from, List<String> known) {
        return "'" + from + "' is not 'upstream' nor a dependency of this build (dependencies: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")";
    }

    private static List<String> patterns(String includes) {
        List<String> out = new ArrayList<>();
        if (includes == null) {
            return out;
        }
        for (String p : includes.split(",")) {
            String t = p.trim().replace('\\', '/');
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<PathMatcher> matchers(String pattern) {
        List<PathMatcher> m = new ArrayList<>();
        m.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
        String rest = pattern;
        while (rest.startsWith("**/")) {
            rest = rest.substring(3);
            m.add(FileSystems.getDefault().getPathMatcher("glob:" + rest));
        }
        return m;
    }

    private static boolean matches(List<PathMatcher> matchers, String path) {
        Path p = Path.of(path);
        return matchers.stream().anyMatch(x -> x.matches(p));
    }
}
