package io.jenkins.plugins.installerpipeline.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One artifact an orchestration hands to the builds it triggers (an entry of {@code INSTALLER_ARTIFACTS}): the
 * package build's wheel, or the Debian build's {@code .deb} handed to the Raspberry Pi build.
 *
 * @param name   the file name ({@code kolibri_0.17.0-0ubuntu1_all.deb})
 * @param path   the path relative to the build's archived artifacts ({@code dist/kolibri_0.17.0-0ubuntu1_all.deb})
 * @param url    where to download it, or empty when the server does not know its own address
 * @param size   bytes
 * @param sha256 lower-case hex SHA-256 of the content
 */
public record HandedArtifact(String name, String path, String url, long size, String sha256) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public HandedArtifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The JSON array of {@code INSTALLER_ARTIFACTS}: {@code [{"name","path","url","size","sha256"}, ...]}, one line. */
    public static String toJson(List<HandedArtifact> artifacts) {
        ArrayNode list = JSON.createArrayNode();
        for (HandedArtifact a : artifacts) {
            list.addObject()
                    .put("name", a.name())
                    .put("path", a.path())
                    .put("url", a.url())
                    .put("size", a.size())
                    .put("sha256", a.sha256());
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * Reads an {@code INSTALLER_ARTIFACTS} value back.
     *
     * @return the artifacts, or empty when the text is not such an array (a message for the user is the caller's)
     */
    public static Optional<List<HandedArtifact>> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null || !root.isArray()) {
            return Optional.empty();
        }
        List<HandedArtifact> out = new ArrayList<>();
        for (JsonNode n : root) {
            if (!n.isObject() || !n.path("name").isTextual() || !n.path("sha256").isTextual()) {
                return Optional.empty();
            }
            out.add(new HandedArtifact(n.path("name").asText(), n.path("path").asText(n.path("name").asText()),
                    n.path("url").asText(""), n.path("size").asLong(0), n.path("sha256").asText()));
        }
        return Optional.of(List.copyOf(out));
    }

    /** {@code first} followed by the entries of {@code more} whose path is not already there. */
    public static List<HandedArtifact> merge(List<HandedArtifact> first, List<HandedArtifact> more) {
        List<HandedArtifact> all = new ArrayList<>(first);
        for (HandedArtifact a : more) {
            if (all.stream().noneMatch(b -> b.url().equals(a.url()) && b.path().equals(a.path()))) {
                all.add(a);
            }
        }
        return List.copyOf(all);
    }
}
