package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.definition.YamlTree.Entry;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
                .flatMap(documents -> new Documents(file, yaml, reader, diagnostics).build(text, documents));
        definition.ifPresent(d -> diagnostics.addAll(DefinitionValidator.validate(d, options.conditionCheck()).all()));
        // A mapping read twice (a plain copy of an attribute, say) reports its problems twice: keep one.
        Diagnostics all = Diagnostics.of(new LinkedHashSet<>(diagnostics));
        return new ReadResult(all.hasErrors() ? Optional.empty() : definition, all);
    }

    /** {@link #read(String, String, ReadOptions)} with {@link ReadOptions#defaults()}. */
    public static ReadResult read(String file, String text) {
        return read(file, text, ReadOptions.defaults());
    }

    /**
     * Reads a file (UTF-8) as {@link DefinitionFile#read} does; locations name it as {@code path.toString()}.
     *
     * @throws IOException if the file cannot be read (missing, a directory or FIFO, larger than
     *                     {@code options.limits()}, not UTF-8...)
     */
    public static ReadResult read(Path path, ReadOptions options) throws IOException {
        return read(path.toString(), DefinitionFile.read(path, options.limits()), options);
    }

    /** {@link #read(Path, ReadOptions)} with {@link ReadOptions#defaults()}. */
    public static ReadResult read(Path path) throws IOException {
        return read(path, ReadOptions.defaults());
    }

    /** Turns the composed YAML documents into one definition, as Buildkite's agent uploads them. */
    private static final class Documents {
        /** Top-level keys Buildkite reads (pipeline-schema's top-level properties, and go-pipeline's checkout). */
        private static final Set<String> TOP_LEVEL = Set.of("steps", "env", "agents", "notify", "secrets", "image",
                "priority", "checkout");
        /** The top-level keys the model holds; the others are kept as extra attributes. */
        private static final Set<String> MODELLED = Set.of("steps", "env", "agents", "notify");

        private final String file;
        private final YamlTree yaml;
        private final StepReader reader;
        private final List<Diagnostic> diagnostics;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> agents = new LinkedHashMap<>();
        private final List<Object> notify = new ArrayList<>();
        private final List<ExtraAttribute> extras = new ArrayList<>();

        Documents(String file, YamlTree yaml, StepReader reader, List<Diagnostic> diagnostics) {
            this.file = file;
            this.yaml = yaml;
            this.reader = reader;
            this.diagnostics = diagnostics;
        }

        Optional<PipelineDefinition> build(String text, List<YamlTree.Document> documents) {
            if (documents.isEmpty()) {
                if (text.isEmpty()) {
                    // buildkite-agent pipeline upload: `pipeline file "..." is empty`.
                    diagnostics.add(Diagnostic.error(SourceLocation.startOf(file),
                            "file is empty: Buildkite's agent refuses to upload an empty pipeline file"));
                    return Optional.empty();
                }
                diagnostics.add(Diagnostic.warning(SourceLocation.startOf(file), "the file holds no YAML document,"
                        + " only comments or blank lines: Buildkite's agent uploads nothing from it"));
                return Optional.of(new PipelineDefinition(file, List.of(), Map.of(), Agents.NONE, List.of(),
                        List.of()));
            }
            List<List<Step>> uploads = new ArrayList<>();
            boolean usable = true;
            for (int i = 0; i < documents.size(); i++) {
                YamlTree.Document document = documents.get(i);
                if (i > 0) {
                    yaml.warning(document.root(), "YAML document " + (i + 1) + " of " + documents.size()
                            + ": Buildkite's agent uploads each document as a pipeline of its own, and each upload"
                            + " goes right after the job that uploads it, so these steps run before those of the"
                            + " documents above");
                }
                reader.usePrebuilt(document.prebuilt());
                Optional<List<Step>> steps = document(document.root(), i);
                usable &= steps.isPresent();
                steps.ifPresent(uploads::add);
            }
            if (!usable) {
                return Optional.empty();
            }
            List<Step> steps = new ArrayList<>();
            for (int i = uploads.size() - 1; i >= 0; i--) {
                steps.addAll(uploads.get(i));
            }
            return Optional.of(new PipelineDefinition(file, steps, env, new Agents(agents), notify, extras));
        }

        /** One document's steps, its top-level attributes added to the definition's; empty if it is unusable. */
        private Optional<List<Step>> document(Node root, int index) {
            if (root instanceof SequenceNode) {
                // go-pipeline reads a top-level list as the steps: [...] is {steps: [...]}.
                return Optional.of(reader.steps(root, false));
            }
            if (!(root instanceof MappingNode mapping)) {
                yaml.error(root, YamlTree.isNull(root)
                        ? "the YAML document is empty: Buildkite's agent refuses to upload it (remove the empty"
                                + " document, or give it steps)"
                        : "a pipeline definition must be a mapping with 'steps', or a list of steps; not "
                                + YamlTree.kind(root));
                return Optional.empty();
            }
            Map<String, Entry> top = yaml.entries(mapping);
            Entry stepsEntry = top.get("steps");
            List<Step> steps;
            if (stepsEntry == null || YamlTree.isNull(stepsEntry.value())) {
                yaml.warning(stepsEntry == null ? root : stepsEntry.value(), (stepsEntry == null
                        ? "the pipeline has no 'steps'" : "'steps' has no value")
                        + ": Buildkite uploads it as a pipeline without steps");
                steps = List.of();
            } else {
                steps = reader.steps(stepsEntry.value(), false);
            }
            if (top.containsKey("env")) {
                laterDocument(top.get("env"), index);
                yaml.scalarMap(top.get("env").value(), "env").forEach(env::putIfAbsent);
            }
            if (top.containsKey("agents")) {
                laterDocument(top.get("agents"), index);
                reader.agents(top.get("agents").value()).tags().forEach(agents::putIfAbsent);
            }
            if (top.containsKey("notify")) {
                Node n = top.get("notify").value();
                if (n instanceof SequenceNode seq) {
                    seq.getValue().forEach(item -> notify.add(yaml.plain(item)));
                } else if (!YamlTree.isNull(n)) {
                    yaml.error(n, "notify must be a list of notifications, not " + YamlTree.kind(n));
                }
            }
            for (Entry e : top.values()) {
                if (MODELLED.contains(e.key())) {
                    continue;
                }
                // A key that only holds a YAML anchor for the steps to use is a common idiom, not a mistake.
                if (!TOP_LEVEL.contains(e.key()) && e.value().getAnchor() == null) {
                    yaml.warning(e.keyNode(), "unknown top-level key '" + e.key() + "': Buildkite ignores it"
                            + " (it reads " + String.join(", ", TOP_LEVEL.stream().sorted().toList()) + ")");
                }
                extras.add(new ExtraAttribute(e.key(), yaml.plain(e.value()), yaml.at(e.keyNode())));
            }
            return Optional.of(steps);
        }

        /** Warns that a later document's top-level env or agents is applied to every step here. */
        private void laterDocument(Entry entry, int index) {
            if (index > 0) {
                yaml.warning(entry.keyNode(), "top-level " + entry.key() + " of YAML document " + (index + 1)
                        + ": Buildkite applies it to this document's steps only; this reader applies it to every"
                        + " step, where the documents above do not set the same name");
            }
        }
    }
}
