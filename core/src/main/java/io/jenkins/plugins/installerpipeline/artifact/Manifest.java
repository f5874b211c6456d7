package io.jenkins.plugins.installerpipeline.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The two manifest forms of a set of artifacts: JSON for programs (installer builds check they build from the right
 * wheel), and {@code SHA256SUMS} for people ({@code sha256sum -c SHA256SUMS}).
 */
public final class Manifest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Manifest() {}

    /**
     * {@code {"artifacts": [{"name", "size", "sha256", "kind", "version", "content_type", "label"}, ...]}}, in the
     * given order; {@code version} and {@code label} are {@code null} when the file has none. Ends with a newline.
     */
    public static String json(List<Artifact> artifacts) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("artifacts");
        for (Artifact a : artifacts) {
            ObjectNode o = list.addObject();
            o.put("name", a.name());
            o.put("size", a.size());
            o.put("sha256", a.sha256());
            o.put("kind", a.kind().id());
            o.put("version", a.version().orElse(null));
            o.put("content_type", a.contentType());
            o.put("label", a.label().orElse(null));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** One {@code HEX  NAME} line per artifact (two spaces: text mode), the format {@code sha256sum -c} reads. */
    public static String sha256sums(List<Artifact> artifacts) {
        StringBuilder out = new StringBuilder();
        for (Artifact a : artifacts) {
            out.append(a.sha256()).append("  ").append(a.name()).append('\n');
        }
        return out.toString();
    }
}
