package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A composed YAML node tree with locations, plus the helpers the step reader needs: merge-key resolution, typed
 * scalars, the scalar transform. We compose (never construct) so no object is ever instantiated from a tag,
 * and so every value keeps its position.
 */
final class YamlTree {

    private static final String YAML_TAG_PREFIX = Tag.PREFIX;
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.BINARY, Tag.MERGE, Tag.MAP, Tag.SEQ);

    private final String file;
    private final ScalarTransform transform;
    private final List<Diagnostic> diagnostics;

    private YamlTree(String file, ScalarTransform transform, List<Diagnostic> diagnostics) {
        this.file = file;
        this.transform = transform;
        this.diagnostics = diagnostics;
    }

    /** The composed root of {@code text}, or empty with the reason added to {@code diagnostics}. */
    static Optional<Node> compose(String file, String text, ReadLimits limits, List<Diagnostic> diagnostics) {
        if (text.length() > limits.maxCodePoints()
                && text.codePointCount(0, text.length()) > limits.maxCodePoints()) {
            diagnostics.add(Diagnostic.error(SourceLocation.startOf(file), "file is "
                    + text.codePointCount(0, text.length()) + " characters long, more than the limit of "
                    + limits.maxCodePoints()));
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(limits.maxCodePoints());
        options.setNestingDepthLimit(limits.maxNestingDepth());
        options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setProcessComments(false);
        Parser parser = new ParserImpl(new StreamReader(text), options);
        Composer composer = new Composer(parser, new Resolver(), options);
        Node root;
        try {
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            diagnostics.add(Diagnostic.error(location(file, mark), yamlMessage(e)));
            return Optional.empty();
        } catch (YAMLException e) {
            // Limit violations carry no mark; the parser's next event is right after the offending node.
            diagnostics.add(Diagnostic.error(nextEventLocation(file, parser), limitMessage(e.getMessage(), limits)));
            return Optional.empty();
        }
        if (root == null) {
            diagnostics.add(Diagnostic.error(SourceLocation.startOf(file),
                    "file is empty: expected a mapping with 'steps'"));
            return Optional.empty();
        }
        if (!checkTagsAndExpansion(file, root, limits, diagnostics)) {
            return Optional.empty();
        }
        return Optional.of(root);
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

    private static String yamlMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (problem.startsWith("Global tag is not allowed")) {
            return "YAML tag " + shortTag(problem.substring(problem.indexOf(':') + 1).trim())
                    + " is not allowed: only plain data (strings, numbers, booleans, lists, mappings) is read";
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
            return "file is longer than the limit of " + limits.maxCodePoints() + " characters";
        }
        return "invalid YAML: " + m;
    }

    /**
     * Refuses non-plain tags and recursive aliases, and bounds the tree's size and depth once aliases are
     * expanded, since the model builder walks the expanded tree. Iterative, memoized per node: linear in the
     * composed (shared) tree even when aliases would expand it exponentially.
     */
    private static boolean checkTagsAndExpansion(String file, Node root, ReadLimits limits,
            List<Diagnostic> diagnostics) {
        Map<Node, long[]> done = new IdentityHashMap<>(); // node -> {expanded size, expanded depth}
        Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.peek();
            if (done.containsKey(node)) {
                stack.pop();
                continue;
            }
            if (inProgress.add(node)) {
                if (!PLAIN_TAGS.contains(node.getTag())) {
                    diagnostics.add(Diagnostic.error(location(file, node.getStartMark()),
                            "YAML tag " + shortTag(node.getTag().getValue())
                                    + " is not allowed: only plain data (strings, numbers, booleans, lists,"
                                    + " mappings) is read"));
                    return false;
                }
                for (Node child : children(node)) {
                    if (inProgress.contains(child) && !done.containsKey(child)) {
                        diagnostics.add(Diagnostic.error(location(file, child.getStartMark()),
                                "recursive YAML alias: a list or mapping contains itself"));
                        return false;
                    }
                    if (!done.containsKey(child)) {
                        stack.push(child);
                    }
                }
                continue;
            }
            stack.pop();
            long size = 1;
            long depth = 0;
            for (Node child : children(node)) {
                long[] c = done.get(child);
                size = Math.min(size + c[0], Long.MAX_VALUE / 4);
                depth = Math.max(depth, c[1]);
            }
            depth++;
            if (size > limits.maxExpandedNodes()) {
                diagnostics.add(Diagnostic.error(location(file, node.getStartMark()),
                        "YAML aliases expand this value to more than " + limits.maxExpandedNodes()
                                + " nodes, the limit (\"billion laughs\" attack?)"));
                return false;
            }
            if (depth > limits.maxNestingDepth() + 1) {
                diagnostics.add(Diagnostic.error(location(file, node.getStartMark()),
                        "YAML aliases nest this value deeper than the limit of " + limits.maxNestingDepth()
                                + " levels"));
                return false;
            }
            done.put(node, new long[] {size, depth});
        }
        return true;
    }

    private static List<Node> children(Node node) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        if (node instanceof MappingNode map) {
            List<Node> all = new ArrayList<>(map.getValue().size() * 2);
            for (NodeTuple t : map.getValue()) {
                all.add(t.getKeyNode());
                all.add(t.getValueNode());
            }
            return all;
        }
        return List.of();
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
     * specifies: explicit keys win, then earlier merged mappings win. Duplicate explicit keys are errors.
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
            Entry previous = own.put(key, new Entry(key, keyNode, value));
            if (previous != null) {
                error(keyNode, "duplicate key '" + key + "' (first at " + at(previous.keyNode()) + ")");
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
