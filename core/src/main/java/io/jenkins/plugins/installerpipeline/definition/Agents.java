package io.jenkins.plugins.installerpipeline.definition;

import java.util.Map;

/**
 * Agent targeting tags ({@code queue=windows}...), from a map, a list of {@code k=v} or one {@code k=v}.
 *
 * @param tags tag name to value, in the order written
 */
public record Agents(Map<String, String> tags) {

    /** No agent tags. */
    public static final Agents NONE = new Agents(Map.of());

    public Agents {
        tags = Collections2.orderedCopy(tags);
    }
}
