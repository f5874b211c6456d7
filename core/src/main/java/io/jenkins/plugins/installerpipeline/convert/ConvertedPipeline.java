package io.jenkins.plugins.installerpipeline.convert;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole converted pipeline, before it is written.
 *
 * @param source   the definition file it was converted from
 * @param env      top-level {@code env}
 * @param notes    comments written at the top (top-level constructs that were not converted)
 * @param planFile the definition {@code readPipelineDefinition} reads, when a stage's guard needs the engine
 * @param layers   stages in order; the stages of one layer run in parallel
 */
record ConvertedPipeline(
        String source,
        Map<String, String> env,
        List<String> notes,
        Optional<String> planFile,
        List<List<Stage>> layers) {

    ConvertedPipeline {
        Objects.requireNonNull(source, "source");
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
        notes = List.copyOf(notes);
        Objects.requireNonNull(planFile, "planFile");
        layers = layers.stream().map(List::copyOf).toList();
    }
}
