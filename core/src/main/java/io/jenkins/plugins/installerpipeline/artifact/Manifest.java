package io.jenkins.plugins.installerpipeline.artifact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The two manifest forms of a set of artifacts: JSON for programs (installer builds check they build from the right
 * wheel), and {@code SHA256SUMS} for people ({@code sha256sum -c SHA256SUMS}).
 */
public final class Manifest {

    /**
     * Jackson's streaming writer, not its {@code ObjectMapper}: the same text (the default pretty printer is what
     * {@code INDENT_OUTPUT} uses), without setting up data binding, which was a good part of a one-shot
     * {@code manifest}'s start-up. Thread-safe once made; never reconfigured.
     */
    private static final JsonFactory JSON = new JsonFactory();

    private Manifest() {}

    /**
     * {@code {"artifacts": [{"name", "size", "sha256", "kind", "version", "content_type", "label"}, ...]}}, in the
     * given order; {@code version} and {@code label} are {@code null} when the file has none. Ends with a newline.
     */
    public static String json(List<Artifact> artifacts) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeArrayFieldStart("artifacts");
            for (Artifact a : artifacts) {
                out.writeStartObject();
                out.writeStringField("name", a.name());
                out.writeNumberField("size", a.size());
                out.writeStringField("sha256", a.sha256());
                out.writeStringField("kind", a.kind().id());
                out.writeStringField("version", a.version().orElse(null));
                out.writeStringField("content_type", a.contentType());
                out.writeStringField("label", a.label().orElse(null));
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string does not fail", e);
        }
        return text + "\n";
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
