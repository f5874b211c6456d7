package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.definition.YamlTree.Entry;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a Buildkite pipeline definition into a {@link PipelineDefinition} and validates it.
 *
 * <pre>{@code
 * ReadResult result = DefinitionReader.read("pipeline.yml", text, ReadOptions.defaults());
 * result.diagnostics().all().forEach(d -> System.out.println(d.format()));
 * result.definition().ifPresent(plan::of);
 * }</pre>
 *
 * Every user mistake, including hostile YAML, is a diagnostic; nothing is thrown for them.
 */
public final class DefinitionReader {

    private DefinitionReader() {}

    /**
     * Reads and validates one definition.
     *
     * @param file    the file name used in locations, as the user gave it
     * @param text    the file's content
     * @param options seams and limits
     * @return the definition (when it has no error) and every diagnostic, sorted
     */
    public static ReadResult read(String file, String text, ReadOptions options) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        YamlTree yaml = YamlTree.over(file, options.scalarTransform(), diagnostics);
        StepReader reader = new StepReader(yaml);
        Optional<PipelineDefinition> definition = YamlTree
                .compose(file, text, options.limits(), diagnostics, node -> reader.step(node, false))
                .flatMap(composed -> {
                    reader.usePrebuilt(composed.prebuilt());
                    return build(file, composed.root(), yaml, reader, diagnostics);
                });
        definition.ifPresent(d -> diagnostics.addAll(DefinitionValidator.validate(d, options.conditionCheck()).all()));
        Diagnostics all = Diagnostics.of(diagnostics);
        return new ReadResult(all.hasErrors() ? Optional.empty() : definition, all);
    }

    /** {@link #read(String, String, ReadOptions)} with {@link ReadOptions#defaults()}. */
    public static ReadResult read(String file, String text) {
        return read(file, text, ReadOptions.defaults());
    }

    /**
     * Reads a file (UTF-8); locations name it as {@code path.toString()}.
     *
     * @throws IOException if the file cannot be read (missing, a directory, not UTF-8...)
     */
    public static ReadResult read(Path path, ReadOptions options) throws IOException {
        return read(path.toString(), Files.readString(path, StandardCharsets.UTF_8), options);
    }

    /** {@link #read(Path, ReadOptions)} with {@link ReadOptions#defaults()}. */
    public static ReadResult read(Path path) throws IOException {
        return read(path, ReadOptions.defaults());
    }

    private static Optional<PipelineDefinition> build(String file, Node root, YamlTree yaml, StepReader reader,
            List<Diagnostic> diagnostics) {
        if (!(root instanceof MappingNode mapping)) {
            yaml.error(root, "a pipeline definition must be a mapping with 'steps', not " + YamlTree.kind(root));
            return Optional.empty();
        }
        Map<String, Entry> top = yaml.entries(mapping);
        Entry stepsEntry = top.get("steps");
        if (stepsEntry == null || YamlTree.isNull(stepsEntry.value())) {
            diagnostics.add(Diagnostic.error(stepsEntry == null ? SourceLocation.startOf(file) : yaml.at(stepsEntry.value()),
                    "the definition has no 'steps': add 'steps:' with a list of steps"));
            return Optional.empty();
        }
        List<Step> steps = reader.steps(stepsEntry.value(), false);
        Map<String, String> env = top.containsKey("env") ? yaml.scalarMap(top.get("env").value(), "env") : Map.of();
        Agents agents = top.containsKey("agents") ? reader.agents(top.get("agents").value()) : Agents.NONE;
        List<Object> notify = new ArrayList<>();
        if (top.containsKey("notify")) {
            Node n = top.get("notify").value();
            if (n instanceof SequenceNode seq) {
                seq.getValue().forEach(item -> notify.add(yaml.plain(item)));
            } else if (!YamlTree.isNull(n)) {
                yaml.error(n, "notify must be a list of notifications, not " + YamlTree.kind(n));
            }
        }
        List<ExtraAttribute> extras = new ArrayList<>();
        for (Entry e : top.values()) {
            if (!List.of("steps", "env", "agents", "notify").contains(e.key())) {
                yaml.warning(e.keyNode(), "unknown top-level key '" + e.key()
                        + "' (expected steps, env, agents, notify); kept but ignored");
                extras.add(new ExtraAttribute(e.key(), yaml.plain(e.value()), yaml.at(e.keyNode())));
            }
        }
        return Optional.of(new PipelineDefinition(file, steps, env, agents, notify, extras));
    }
}
