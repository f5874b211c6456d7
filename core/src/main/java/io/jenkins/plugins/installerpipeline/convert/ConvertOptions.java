package io.jenkins.plugins.installerpipeline.convert;

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
 * @param scripts        reads the scripts the commands run, to find the {@code buildkite-agent} calls inside them
 */
public record ConvertOptions(JenkinsfileStyle style, Map<String, String> jobs, Optional<String> definitionPath,
        ScriptSource scripts) {

    public ConvertOptions {
        Objects.requireNonNull(style, "style");
        jobs = Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
        Objects.requireNonNull(definitionPath, "definitionPath");
        Objects.requireNonNull(scripts, "scripts");
    }

    /** Declarative, no job mapping, the definition read from the converted file's own path, no script read. */
    public static ConvertOptions defaults() {
        return new ConvertOptions(JenkinsfileStyle.DECLARATIVE, Map.of(), Optional.empty(), ScriptSource.none());
    }

    public ConvertOptions withStyle(JenkinsfileStyle value) {
        return new ConvertOptions(value, jobs, definitionPath, scripts);
    }

    public ConvertOptions withJobs(Map<String, String> value) {
        return new ConvertOptions(style, value, definitionPath, scripts);
    }

    public ConvertOptions withDefinitionPath(String value) {
        return new ConvertOptions(style, jobs, Optional.of(value), scripts);
    }

    public ConvertOptions withScripts(ScriptSource value) {
        return new ConvertOptions(style, jobs, definitionPath, value);
    }
}
