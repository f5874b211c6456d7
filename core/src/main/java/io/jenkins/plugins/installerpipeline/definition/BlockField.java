package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a block or input step's form; its answer is stored as build meta-data under {@link #key()}.
 *
 * @param type     text or select
 * @param key      the meta-data key
 * @param label    the field's title ({@code text:} or {@code select:} value)
 * @param hint     {@code hint}
 * @param required {@code required} (Buildkite's default is true)
 * @param defaults {@code default}: one value, or several for a {@code multiple} select
 * @param multiple {@code multiple} (select only)
 * @param options  {@code options} (select only)
 * @param format   {@code format}, a regular expression the text must match (text only)
 * @param location where the field starts
 */
public record BlockField(
        Type type,
        String key,
        Optional<String> label,
        Optional<String> hint,
        boolean required,
        List<String> defaults,
        boolean multiple,
        List<SelectOption> options,
        Optional<String> format,
        SourceLocation location) {

    /** The kind of field. */
    public enum Type {
        TEXT,
        SELECT
    }

    public BlockField {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(hint, "hint");
        defaults = List.copyOf(defaults);
        options = List.copyOf(options);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(location, "location");
    }

    /**
     * One option of a select field.
     *
     * @param label shown to the user
     * @param value stored as meta-data
     * @param hint  {@code hint}
     */
    public record SelectOption(String label, String value, Optional<String> hint) {
        public SelectOption {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(hint, "hint");
        }
    }
}
