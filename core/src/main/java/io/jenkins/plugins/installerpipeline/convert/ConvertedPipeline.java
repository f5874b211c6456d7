package io.jenkins.plugins.installerpipeline.convert;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole converted pipeline, before it is written.
 *
 * @param source   the definition file it was converted from
 * @param env      top-level {@code env}: each name with its value as a Groovy expression
 * @param notes    comments written at the top (top-level constructs that were not converted)
 * @param planFile the definition {@code readPipelineDefinition} reads, when a stage's guard or a trigger's values
 *                 need the engine
 * @param includedHelper  whether stages ask the plan whether this build includes a step ({@code included})
 * @param installerHelper whether trigger entries take their values from the plan ({@code buildkiteInstaller})
 * @param layers   stages in order; the stages of one layer run in parallel
 */
record ConvertedPipeline(
        String source,
        Map<String, String> env,
        List<String> notes,
        Optional<String> planFile,
        boolean includedHelper,
        boolean installerHelper,
        List<List<Stage>> layers) {

    ConvertedPipeline {
        Objects.requireNonNull(source, "source");
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
        notes = List.copyOf(notes);
        Objects.requireNonNull(planFile, "planFile");
        layers = layers.stream().map(List::copyOf).toList();
    }
}
