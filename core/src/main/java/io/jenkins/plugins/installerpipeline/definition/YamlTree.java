package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A composed YAML node tree with locations, plus the helpers the step reader needs: merge-key resolution, typed
 * scalars, the scalar transform. We compose (never construct) so no object is ever instantiated from a tag,
 * and so every value keeps its position.
 */
final class YamlTree {

    private static final String YAML_TAG_PREFIX = Tag.PREFIX;

    private final String file;
    private final ScalarTransform transform;
    private final List<Diagnostic> diagnostics;

    private YamlTree(String file, ScalarTransform transform, List<Diagnostic> diagnostics) {
        this.file = file;
        this.transform = transform;
        this.diagnostics = diagnostics;
    }

    /**
     * One composed YAML document.
     *
     * @param root     the root node
     * @param prebuilt the top-level steps already read while composing, for each steps list (by identity) that
     *                 holds {@link GuardedParser#PLACEHOLDER} in their place, in order
     */
    record Document(Node root, Map<Node, List<Optional<Step>>> prebuilt) {}

    /**
     * Composes {@code text}, every YAML document of it, reading each top-level step with {@code readStep} as soon
     * as it is composed (after its aliases are checked). Empty, with the reason as the only new diagnostic, if the
     * YAML is unusable; an empty list if the text holds no document (only comments or blank lines).
     */
    static Optional<List<Document>> compose(String file, String text, ReadLimits limits, List<Diagnostic> diagnostics,
            Function<Node, Optional<Step>> readStep) {
        // A char is at most three bytes in UTF-8: only a text longer than a third of the limit needs counting.
        long bytes = text.length() <= limits.maxBytes() / 3 ? text.length() : ReadLimits.utf8Length(text);
        if (bytes > limits.maxBytes()) {
            diagnostics.add(Diagnostic.error(SourceLocation.startOf(file), "file is " + limits.tooBig(bytes)));
            return Optional.empty();
        }
        TextReader reader;
        try {
            reader = new TextReader(file, FlowTabs.spaced(text));
        } catch (TextReader.Unprintable e) {
            diagnostics.add(Diagnostic.error(new SourceLocation(file, e.line + 1, e.column + 1), String.format(
                    Locale.ROOT, "character U+%04X is not allowed in YAML: only printable characters, tabs and"
                            + " line breaks are (is the file binary, or in another encoding?)", e.codePoint)));
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        // Code points never outnumber bytes: the byte limit above is the one that counts.
        options.setCodePointLimit(limits.maxBytes());
        options.setNestingDepthLimit(limits.maxNestingDepth());
        options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        GuardedParser parser = new GuardedParser(new ParserImpl(reader, options));
        Expansion expansion = new Expansion(file, limits);
        Prebuilt prebuilt = new Prebuilt(() -> expansion.check(parser.aliasUses()), readStep);
        Composer composer = parser.composer(options, prebuilt);
        int before = diagnostics.size();
        List<Document> documents = new ArrayList<>();
        try {
            // Like Buildkite's agent (go-pipeline's ParseAll), every document of the stream is a pipeline.
            while (composer.checkNode()) {
                Node root = composer.getNode();
                expansion.check(parser.aliasUses());
                documents.add(new Document(root, prebuilt.take()));
            }
        } catch (Expansion.TooBig e) {
            diagnostics.subList(before, diagnostics.size()).clear();
            diagnostics.add(e.diagnostic);
            return Optional.empty();
        } catch (RuntimeException e) {
            // Problems in steps read before the YAML turned out unusable would only confuse: keep the cause alone.
            diagnostics.subList(before, diagnostics.size()).clear();
            return handleComposeFailure(file, e, parser, limits, diagnostics);
        }
        return Optional.of(documents);
    }

    /** Reads top-level steps as the composer finishes them, and files them under their steps list. */
    private static final class Prebuilt implements GuardedParser.StepSink {
        private final Runnable beforeRead;
        private final Function<Node, Optional<Step>> readStep;
        private List<Optional<Step>> pending = new ArrayList<>();
        private Map<Node, List<Optional<Step>>> byList = new IdentityHashMap<>();

        Prebuilt(Runnable beforeRead, Function<Node, Optional<Step>> readStep) {
            this.beforeRead = beforeRead;
            this.readStep = readStep;
        }

        @Override
        public void composed(Node step) {
            beforeRead.run(); // the aliases are checked before reading walks them
            pending.add(readStep.apply(step));
        }

        @Override
        public void stepsComposed(SequenceNode steps) {
            byList.put(steps, pending);
            pending = new ArrayList<>();
        }

        /** The steps read for the document just composed. */
        Map<Node, List<Optional<Step>>> take() {
            Map<Node, List<Optional<Step>>> taken = byList;
            byList = new IdentityHashMap<>();
            return taken;
        }
    }

    private static Optional<List<Document>> handleComposeFailure(String file, RuntimeException failure, Parser parser,
            ReadLimits limits, List<Diagnostic> diagnostics) {
        try {
            throw failure;
        } catch (GuardedParser.RefusedTag e) {
            diagnostics.add(Diagnostic.error(location(file, e.mark), refusedTag(e.tag)));
            return Optional.empty();
        } catch (GuardedParser.RecursiveAlias e) {
            diagnostics.add(Diagnostic.error(location(file, e.mark),
                    "recursive YAML alias: a list or mapping contains itself"));
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            diagnostics.add(Diagnostic.error(location(file, mark), yamlMessage(e)));
            return Optional.empty();
        } catch (YAMLException e) {
            // Limit violations carry no mark; the parser's next event is right after the offending node.
            diagnostics.add(Diagnostic.error(nextEventLocation(file, parser), limitMessage(e.getMessage(), limits)));
            return Optional.empty();
        }
    }

    static YamlTree over(String file, ScalarTransform transform, List<Diagnostic> diagnostics) {
        return new YamlTree(file, transform, diagnostics);
    }

    private static SourceLocation nextEventLocation(String file, Parser parser) {
        try {
            return location(file, parser.peekEvent().getStartMark());
        } catch (RuntimeException e) {
            return SourceLocation.startOf(file);
        }
    }

    private static String refusedTag(String tag) {
        return "YAML tag " + shortTag(tag)
                + " is not allowed: only plain data (strings, numbers, booleans, lists, mappings) is read";
    }

    private static String yamlMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (problem.startsWith("Global tag is not allowed")) {
            return refusedTag(problem.substring(problem.indexOf(':') + 1).trim());
        }
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        return "invalid YAML: " + context + problem;
    }

    private static String limitMessage(String message, ReadLimits limits) {
        String m = message == null ? "" : message;
        if (m.startsWith("Nesting Depth exceeded")) {
            return "YAML nesting is deeper than the limit of " + limits.maxNestingDepth() + " levels";
        }
        if (m.startsWith("Number of aliases")) {
            return "YAML uses more than " + limits.maxAliasesForCollections()
                    + " aliases to lists or mappings, the limit (alias expansion attack?)";
        }
        if (m.contains("exceeds the limit")) {
            return "file is longer than the limit of " + limits.maxBytes() + " bytes";
        }
        return "invalid YAML: " + m;
    }

    /**
     * Bounds the tree's size and depth once aliases are expanded, since reading walks the expanded tree: each
     * alias use adds the expanded size of its target, and nests the target's depth where it is written. Targets
     * are measured once each (memoized by identity), so this is linear in the anchored parts of the document
     * even when aliases would expand it exponentially; unanchored parts are never walked. An alias follows its
     * anchor and recursion was refused while parsing, so measured trees are finite and no deeper than the
     * composed tree (bounded by SnakeYAML's nesting limit).
     */
    private static final class Expansion {
        private final String file;
        private final ReadLimits limits;
        private int checkedUses;
        private long total;
        private final Map<Node, long[]> anchored = new IdentityHashMap<>(); // {expanded size, expanded depth}

        Expansion(String file, ReadLimits limits) {
            this.file = file;
            this.limits = limits;
        }

        static final class TooBig extends RuntimeException {
            private static final long serialVersionUID = 1L;
            final transient Diagnostic diagnostic;

            TooBig(Diagnostic diagnostic) {
                super(diagnostic.message(), null, false, false);
                this.diagnostic = diagnostic;
            }
        }

        /** Checks the alias uses not checked yet. */
        void check(List<GuardedParser.AliasUse> uses) {
            for (; checkedUses < uses.size(); checkedUses++) {
                GuardedParser.AliasUse use = uses.get(checkedUses);
                long[] measured = measure(use.target());
                total += measured[0];
                if (total > limits.maxExpandedNodes()) {
                    throw new TooBig(Diagnostic.error(location(file, use.mark()),
                            "YAML aliases expand the document to more than " + limits.maxExpandedNodes()
                                    + " nodes, the limit (\"billion laughs\" attack?)"));
                }
                if (use.depth() + measured[1] > limits.maxNestingDepth()) {
                    throw new TooBig(Diagnostic.error(location(file, use.mark()),
                            "YAML aliases nest this value deeper than the limit of " + limits.maxNestingDepth()
                                    + " levels"));
                }
            }
        }

        long[] measure(Node node) {
            boolean shared = node.getAnchor() != null;
            if (shared) {
                long[] known = anchored.get(node);
                if (known != null) {
                    return known;
                }
            }
            long size = 1;
            long depth = 0;
            if (node instanceof SequenceNode seq) {
                for (Node child : seq.getValue()) {
                    long[] c = measure(child);
                    size += c[0];
                    depth = Math.max(depth, c[1]);
                }
            } else if (node instanceof MappingNode map) {
                for (NodeTuple tuple : map.getValue()) {
                    long[] k = measure(tuple.getKeyNode());
                    long[] v = measure(tuple.getValueNode());
                    size += k[0] + v[0];
                    depth = Math.max(depth, Math.max(k[1], v[1]));
                }
            }
            depth++;
            if (size > limits.maxExpandedNodes()) {
                throw new TooBig(Diagnostic.error(location(file, node.getStartMark()),
                        "YAML aliases expand this value to more than " + limits.maxExpandedNodes()
                                + " nodes, the limit (\"billion laughs\" attack?)"));
            }
            if (depth > limits.maxNestingDepth()) {
                throw new TooBig(Diagnostic.error(location(file, node.getStartMark()),
                        "YAML aliases nest this value deeper than the limit of " + limits.maxNestingDepth()
                                + " levels"));
            }
            long[] result = {size, depth};
            if (shared) {
                anchored.put(node, result);
            }
            return result;
        }
    }

    private static String shortTag(String tag) {
        return tag.startsWith(YAML_TAG_PREFIX) ? "!!" + tag.substring(YAML_TAG_PREFIX.length()) : tag;
    }

    static SourceLocation location(String file, Mark mark) {
        return mark == null ? SourceLocation.startOf(file)
                : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    // ---- helpers over the checked tree ----

    SourceLocation at(Node node) {
        return location(file, node.getStartMark());
    }

    /** The location of a scalar's first character of content: after the opening quote of a quoted scalar. */
    SourceLocation contentAt(Node node) {
        SourceLocation start = at(node);
        if (node instanceof ScalarNode s && (s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                || s.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED)) {
            return start.shiftColumns(1);
        }
        return start;
    }

    void error(Node node, String message) {
        diagnostics.add(Diagnostic.error(at(node), message));
    }

    void warning(Node node, String message) {
        diagnostics.add(Diagnostic.warning(at(node), message));
    }

    /** One mapping entry: key text, key node (for locations), value node. */
    record Entry(String key, Node keyNode, Node value) {}

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "null" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    /**
     * The entries of a mapping with merge keys ({@code <<: *anchor}, {@code <<: [*a, *b]}) resolved as YAML
     * specifies: explicit keys win, then earlier merged mappings win. A key written twice keeps its first position
     * and takes its last value, with a warning: Buildkite's agent decodes YAML into nodes (yaml.v3), which checks
     * no uniqueness, and go-pipeline's ordered map sets the value again in the first key's place.
     */
    Map<String, Entry> entries(MappingNode mapping) {
        Map<String, Entry> own = new LinkedHashMap<>();
        List<MappingNode> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Node value = tuple.getValueNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                if (value instanceof MappingNode m) {
                    merged.add(m);
                } else if (value instanceof SequenceNode seq
                        && seq.getValue().stream().allMatch(n -> n instanceof MappingNode)) {
                    seq.getValue().forEach(n -> merged.add((MappingNode) n));
                } else {
                    error(value, "merge key '<<' needs a mapping or a list of mappings, not " + kind(value));
                }
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                error(keyNode, "mapping keys must be plain strings, not " + kind(keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            Entry previous = own.get(key);
            if (previous == null) {
                own.put(key, new Entry(key, keyNode, value));
            } else {
                own.put(key, new Entry(key, previous.keyNode(), value));
                warning(keyNode, "duplicate key '" + key + "' (first at " + at(previous.keyNode())
                        + "): Buildkite keeps this last value, silently");
            }
        }
        if (merged.isEmpty()) {
            return own;
        }
        Map<String, Entry> result = new LinkedHashMap<>();
        for (MappingNode source : merged) {
            for (Entry e : entries(source).values()) {
                result.putIfAbsent(e.key(), e);
            }
        }
        result.putAll(own);
        return result;
    }

    /** A scalar's text with the transform applied to strings; empty for null; an error for lists/mappings. */
    Optional<String> string(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            if (isNull(node)) {
                return Optional.empty();
            }
            return Optional.of(transformed(scalar));
        }
        error(node, what + " must be a string, not " + kind(node));
        return Optional.empty();
    }

    /** Like {@link #string} but a missing value is an error too. */
    Optional<String> requiredString(Node node, String what) {
        if (isNull(node)) {
            error(node, what + " must be a string, not null");
            return Optional.empty();
        }
        return string(node, what);
    }

    private String transformed(ScalarNode scalar) {
        if (!scalar.getTag().equals(Tag.STR)) {
            return scalar.getValue();
        }
        ScalarTransform.Result result = transform.apply(scalar.getValue(), contentAt(scalar));
        if (result instanceof ScalarTransform.Value v) {
            return v.text();
        }
        diagnostics.add(((ScalarTransform.Problem) result).diagnostic());
        return scalar.getValue();
    }

    /** A boolean: YAML booleans and the strings true/false. */
    Optional<Boolean> bool(Node node, String what) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            String text = transformed(scalar).trim().toLowerCase(Locale.ROOT);
            switch (text) {
                case "true", "yes", "on" -> {
                    return Optional.of(true);
                }
                case "false", "no", "off" -> {
                    return Optional.of(false);
                }
                default -> { }
            }
        }
        error(node, what + " must be true or false, not " + kind(node));
        return Optional.empty();
    }

    /** An integer: YAML integers and strings of digits. */
    Optional<Integer> integer(Node node, String what) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            String text = transformed(scalar).trim().replace("_", "");
            try {
                return Optional.of(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                // fall through to the error
            }
        }
        error(node, what + " must be a whole number, not " + kind(node));
        return Optional.empty();
    }

    /** A string or a list of strings. */
    List<String> strings(Node node, String what) {
        if (node instanceof SequenceNode seq) {
            List<String> out = new ArrayList<>(seq.getValue().size());
            for (Node item : seq.getValue()) {
                requiredString(item, "each entry of " + what).ifPresent(out::add);
            }
            return out;
        }
        return string(node, what).map(List::of).orElse(List.of());
    }

    /** A mapping of names to scalar values ({@code env}, {@code meta_data}); lists or mappings as values are errors. */
    Map<String, String> scalarMap(Node node, String what) {
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            error(node, what + " must be a mapping of names to values, not " + kind(node));
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry e : entries(mapping).values()) {
            if (!(e.value() instanceof ScalarNode)) {
                error(e.value(), what + " '" + e.key() + "' must be a string, number or boolean, not "
                        + kind(e.value()));
                continue;
            }
            out.put(e.key(), string(e.value(), what + " '" + e.key() + "'").orElse(""));
        }
        return out;
    }

    /**
     * A plain Java value for attributes kept as written: String, List, Map (merge keys resolved). Recursion is
     * bounded: the expanded depth was checked against the nesting limit.
     */
    Object plain(Node node) {
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>(seq.getValue().size());
            for (Node item : seq.getValue()) {
                out.add(plain(item));
            }
            return Collections.unmodifiableList(out);
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Entry e : entries(mapping).values()) {
                out.put(e.key(), plain(e.value()));
            }
            return Collections.unmodifiableMap(out);
        }
        ScalarNode scalar = (ScalarNode) node;
        return transformed(scalar);
    }
}
