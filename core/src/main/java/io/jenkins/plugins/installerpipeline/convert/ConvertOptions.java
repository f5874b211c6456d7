package io.jenkins.plugins.installerpipeline.convert;

import io.jenkins.plugins.installerpipeline.definition.ReadLimits;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to convert.
 *
 * @param style          declarative or scripted Pipeline syntax
 * @param jobs           pipeline slug to Jenkins job full name, passed to {@code triggerInstallers} as {@code jobs};
 *                       slugs not listed resolve beside the package job (the plugin's default)
 * @param definitionPath the workspace path of the definition, read by {@code readPipelineDefinition} when a step's
 *                       {@code if}, {@code branches} or {@code skip} needs the engine at run time; empty means the
 *                       file name given to the converter
 * @param limits         the reader's limits for the definition
 * @param scripts        reads the scripts the commands run, to find the {@code buildkite-agent} calls inside them
 */
public record ConvertOptions(JenkinsfileStyle style, Map<String, String> jobs, Optional<String> definitionPath,
        ReadLimits limits, ScriptSource scripts) {

    public ConvertOptions {
        Objects.requireNonNull(style, "style");
        jobs = Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
        Objects.requireNonNull(definitionPath, "definitionPath");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(scripts, "scripts");
    }

    /**
     * Declarative, no job mapping, the definition read from the converted file's own path, default limits, no script
     * read.
     */
    public static ConvertOptions defaults() {
        return new ConvertOptions(JenkinsfileStyle.DECLARATIVE, Map.of(), Optional.empty(), ReadLimits.DEFAULT,
                ScriptSource.none());
    }

    public ConvertOptions withStyle(JenkinsfileStyle value) {
        return new ConvertOptions(value, jobs, definitionPath, limits, scripts);
    }

    public ConvertOptions withJobs(Map<String, String> value) {
        return new ConvertOptions(style, value, definitionPath, limits, scripts);
    }

    public ConvertOptions withDefinitionPath(String value) {
        return new ConvertOptions(style, jobs, Optional.of(value), limits, scripts);
    }

    public ConvertOptions withLimits(ReadLimits value) {
        return new ConvertOptions(style, jobs, definitionPath, value, scripts);
    }

    public ConvertOptions withScripts(ScriptSource value) {
        return new ConvertOptions(style, jobs, definitionPath, limits, value);
    }
}
