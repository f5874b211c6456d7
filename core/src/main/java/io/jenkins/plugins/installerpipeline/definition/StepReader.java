package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.definition.YamlTree.Entry;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import io.jenkins.plugins.installerpipeline.diagnostic.Spelling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the checked node tree into the model. Shape problems (wrong type of value, missing slug...) become
 * errors here; a best-effort step is still built so that graph validation sees every key.
 */
final class StepReader {

    private enum Kind { COMMAND, WAIT, BLOCK, INPUT, TRIGGER, GROUP }

    /** Keys that decide a step's type, and which type each means. */
    private static final Map<String, Kind> TYPE_KEYS = new LinkedHashMap<>();

    /** Values of {@code type:}: go-pipeline's and pipeline-schema's names for each type. */
    private static final Map<String, Kind> TYPE_NAMES = Map.of(
            "command", Kind.COMMAND, "commands", Kind.COMMAND, "script", Kind.COMMAND,
            "wait", Kind.WAIT, "waiter", Kind.WAIT,
            "block", Kind.BLOCK, "manual", Kind.BLOCK,
            "input", Kind.INPUT, "trigger", Kind.TRIGGER, "group", Kind.GROUP);

    /** Keys whose value may be a whole step, as the step's only key: {@code - block: {prompt: ...}}. */
    private static final Map<String, Kind> NESTED = Map.of(
            "command", Kind.COMMAND, "commands", Kind.COMMAND, "script", Kind.COMMAND,
            "wait", Kind.WAIT, "waiter", Kind.WAIT,
            "block", Kind.BLOCK, "input", Kind.INPUT, "trigger", Kind.TRIGGER);

    static {
        TYPE_KEYS.put("command", Kind.COMMAND);
        TYPE_KEYS.put("commands", Kind.COMMAND);
        TYPE_KEYS.put("script", Kind.COMMAND);
        TYPE_KEYS.put("wait", Kind.WAIT);
        TYPE_KEYS.put("waiter", Kind.WAIT);
        TYPE_KEYS.put("block", Kind.BLOCK);
        TYPE_KEYS.put("manual", Kind.BLOCK); // deprecated spelling of block
        TYPE_KEYS.put("input", Kind.INPUT);
        TYPE_KEYS.put("trigger", Kind.TRIGGER);
        TYPE_KEYS.put("group", Kind.GROUP);
    }

    private static final Set<String> COMMON = Set.of("type", "key", "id", "identifier", "label", "name", "if",
            "depends_on", "allow_dependency_failure");

    /**
     * Every attribute Buildkite accepts on each type, beyond {@link #COMMON}: pipeline-schema's properties (whose
     * steps allow no others), the step type pages of Buildkite's documentation ({@code submit},
     * {@code parallelism} on triggers, {@code checkout}), and go-pipeline's agent-applied {@code if_changed}.
     */
    private static final Map<Kind, Set<String>> ATTRIBUTES = Map.of(
            Kind.COMMAND, Set.of("command", "commands", "script", "agents", "artifact_paths", "branches", "cache",
                    "cancel_on_build_failing", "checkout", "concurrency", "concurrency_group", "concurrency_method",
                    "env", "if_changed", "image", "matrix", "notify", "parallelism", "plugins", "priority", "retry",
                    "secrets", "signature", "skip", "soft_fail", "timeout_in_minutes"),
            Kind.WAIT, Set.of("wait", "waiter", "branches", "continue_on_failure"),
            Kind.BLOCK, Set.of("block", "manual", "allowed_teams", "blocked_state", "branches", "fields", "prompt",
                    "submit"),
            Kind.INPUT, Set.of("input", "allowed_teams", "blocked_state", "branches", "fields", "prompt"),
            Kind.TRIGGER, Set.of("trigger", "async", "branches", "build", "if_changed", "parallelism", "skip",
                    "soft_fail"),
            Kind.GROUP, Set.of("group", "if_changed", "notify", "skip", "steps"));

    /** The attributes of {@link #ATTRIBUTES} that this model reads into the step's record. */
    private static final Map<Kind, Set<String>> READ = Map.of(
            Kind.COMMAND, Set.of("branches", "skip", "soft_fail", "agents", "env", "artifact_paths",
                    "timeout_in_minutes", "retry", "plugins", "matrix", "parallelism", "concurrency",
                    "concurrency_group", "priority"),
            Kind.WAIT, Set.of("continue_on_failure", "branches"),
            Kind.BLOCK, Set.of("prompt", "fields", "blocked_state", "allowed_teams", "branches"),
            Kind.INPUT, Set.of("prompt", "fields", "allowed_teams", "branches"),
            Kind.TRIGGER, Set.of("async", "build", "branches", "skip", "soft_fail"),
            // A group's skip applies to each of its steps (Buildkite docs, group step).
            Kind.GROUP, Set.of("steps", "skip"));

    private final YamlTree yaml;
    private Map<Node, List<Optional<Step>>> prebuilt = Map.of();

    StepReader(YamlTree yaml) {
        this.yaml = yaml;
    }

    /** Steps already read while composing, for each steps list that holds placeholders in their place. */
    void usePrebuilt(Map<Node, List<Optional<Step>>> steps) {
        this.prebuilt = steps;
    }

    List<Step> steps(Node node, boolean insideGroup) {
        if (!(node instanceof SequenceNode seq)) {
            yaml.error(node, "'steps' must be a list of steps, not " + YamlTree.kind(node));
            return List.of();
        }
        List<Step> steps = new ArrayList<>(seq.getValue().size());
        Iterator<Optional<Step>> done = prebuilt.getOrDefault(seq, List.of()).iterator();
        for (Node item : seq.getValue()) {
            (item == GuardedParser.PLACEHOLDER && done.hasNext() ? done.next() : step(item, insideGroup))
                    .ifPresent(steps::add);
        }
        return steps;
    }

    Optional<Step> step(Node node, boolean insideGroup) {
        SourceLocation at = yaml.at(node);
        if (node instanceof ScalarNode scalar && !YamlTree.isNull(node)) {
            String text = yaml.string(node, "step").orElse("");
            switch (text) {
                case "wait", "waiter" -> {
                    return Optional.of(new WaitStep(at, StepCommon.empty(), false));
                }
                case "block", "manual" -> {
                    return Optional.of(new BlockStep(at, StepCommon.empty(), Optional.empty(), List.of(),
                            BlockedState.PASSED, List.of()));
                }
                case "input" -> {
                    return Optional.of(new InputStep(at, StepCommon.empty(), Optional.empty(), List.of(), List.of()));
                }
                default -> {
                    yaml.error(scalar, "unknown step '" + text
                            + "': a step written as a string must be wait, waiter, block, manual or input");
                    return Optional.empty();
                }
            }
        }
        if (!(node instanceof MappingNode mapping)) {
            yaml.error(node, "a step must be a mapping or one of wait, block, input; not " + YamlTree.kind(node));
            return Optional.empty();
        }
        Map<String, Entry> attrs = yaml.entries(mapping);
        Kind kind;
        Entry only = attrs.size() == 1 ? attrs.values().iterator().next() : null;
        if (only != null && NESTED.containsKey(only.key()) && only.value() instanceof MappingNode inner) {
            // The nested form: the type key's value is the whole step (pipeline-schema's nested*Step).
            kind = NESTED.get(only.key());
            attrs = yaml.entries(inner);
            nestedType(kind, attrs);
        } else {
            kind = kind(node, attrs);
        }
        if (kind == Kind.GROUP && insideGroup) {
            yaml.error(node, "group steps cannot be nested: move this group out of its enclosing group");
        }
        StepCommon common = common(kind, attrs);
        return Optional.of(switch (kind) {
            case COMMAND -> command(at, common, attrs);
            case WAIT -> new WaitStep(at, common,
                    get(attrs, "continue_on_failure").flatMap(v -> yaml.bool(v, "continue_on_failure")).orElse(false));
            case BLOCK -> new BlockStep(at, common, prompt(attrs), fields(attrs), blockedState(attrs),
                    allowedTeams(attrs));
            case INPUT -> new InputStep(at, common, prompt(attrs), fields(attrs), allowedTeams(attrs));
            case TRIGGER -> trigger(node, at, common, attrs);
            case GROUP -> new GroupStep(at, common, group(node, attrs));
        });
    }

    /** Inside a nested step, {@code type:} and type keys may only repeat the type its key gives. */
    private void nestedType(Kind kind, Map<String, Entry> attrs) {
        for (Entry e : attrs.values()) {
            if (TYPE_KEYS.containsKey(e.key()) && !ATTRIBUTES.get(kind).contains(e.key())) {
                yaml.error(e.keyNode(), "`" + e.key() + "` is not a valid property on the "
                        + kind.name().toLowerCase(Locale.ROOT) + " step." + hint(kind, e.key()));
            }
        }
        Entry type = attrs.get("type");
        if (type == null) {
            return;
        }
        String name = yaml.string(type.value(), "type").orElse("");
        if (TYPE_NAMES.get(name.toLowerCase(Locale.ROOT)) != kind) {
            yaml.error(type.value(), "type '" + name + "' contradicts the " + kind.name().toLowerCase(Locale.ROOT)
                    + " step it is nested in");
        }
    }

    /** Decides the step's type from its type keys and {@code type:}; reports none or several. */
    private Kind kind(Node node, Map<String, Entry> attrs) {
        Map<Kind, String> found = new LinkedHashMap<>();
        for (Entry e : attrs.values()) {
            Kind k = TYPE_KEYS.get(e.key());
            if (k == null) {
                continue;
            }
            found.putIfAbsent(k, "'" + e.key() + "'");
            if (e.value() instanceof MappingNode && NESTED.containsKey(e.key())) {
                yaml.error(e.keyNode(), "'" + e.key() + "' holds a whole step, so it must be the step's only key:"
                        + " move " + attrs.keySet().stream().filter(a -> !a.equals(e.key())).map(a -> "'" + a + "'")
                                .collect(Collectors.joining(", ")) + " inside it");
            } else if (e.key().equals("script")) {
                // pipeline-schema has script only as a nested step; go-pipeline cannot infer a type from it.
                yaml.error(e.keyNode(), "'script' holds a whole command step ({command: ...}): for the commands"
                        + " themselves write 'command:'");
            }
        }
        Entry type = attrs.get("type");
        if (type != null) {
            String name = yaml.string(type.value(), "type").orElse("");
            Kind k = TYPE_NAMES.get(name.toLowerCase(Locale.ROOT));
            if (k == null) {
                yaml.error(type.value(), "unknown step type '" + name
                        + "': expected command, script, wait, waiter, block, manual, input, trigger or group");
            } else {
                found.putIfAbsent(k, "'type: " + name + "'");
            }
        }
        if (found.size() > 1) {
            yaml.error(node, "step has several types at once: " + String.join(", ", found.values())
                    + "; keep exactly one");
        }
        if (found.isEmpty()) {
            if (attrs.containsKey("plugins")) {
                return Kind.COMMAND; // a command step may run plugins only
            }
            if (type == null) {
                yaml.error(node, "step has no type: give one of command, commands, script, wait, block, input,"
                        + " trigger, group (or type:); keys found: " + String.join(", ", attrs.keySet()));
            }
            return Kind.COMMAND;
        }
        return found.keySet().iterator().next();
    }

    private StepCommon common(Kind kind, Map<String, Entry> attrs) {
        Optional<StepKey> key = Optional.empty();
        for (String name : List.of("key", "id", "identifier")) {
            Entry e = attrs.get(name);
            if (e == null) {
                continue;
            }
            Optional<StepKey> k = yaml.requiredString(e.value(), "'" + name + "'")
                    .map(v -> new StepKey(v, yaml.contentAt(e.value())));
            if (key.isPresent() && k.isPresent() && !key.get().value().equals(k.get().value())) {
                yaml.error(e.keyNode(), "'" + name + "' '" + k.get().value() + "' contradicts the step's key '"
                        + key.get().value() + "': key, id and identifier are the same attribute");
            }
            key = key.or(() -> k);
        }
        Optional<String> label = typeLabel(kind, attrs)
                .or(() -> get(attrs, "label").flatMap(v -> yaml.string(v, "label")))
                .or(() -> get(attrs, "name").flatMap(v -> yaml.string(v, "name")));
        Optional<IfExpression> condition = get(attrs, "if").flatMap(v -> yaml.requiredString(v, "'if'")
                .map(text -> new IfExpression(text, yaml.contentAt(v))));
        List<Dependency> dependsOn = new ArrayList<>();
        boolean dependsOnNothing = false;
        Entry deps = attrs.get("depends_on");
        if (deps != null) {
            dependsOnNothing = dependencies(deps.value(), dependsOn);
        }
        boolean allowDependencyFailure = get(attrs, "allow_dependency_failure")
                .flatMap(v -> yaml.bool(v, "allow_dependency_failure")).orElse(false);
        boolean readsBranchesAndSkip = READ.get(kind).contains("branches");
        List<String> branches = readsBranchesAndSkip
                ? get(attrs, "branches").map(this::branches).orElse(List.of()) : List.of();
        Skip skip = READ.get(kind).contains("skip")
                ? get(attrs, "skip").map(this::skip).orElse(Skip.NOT_SKIPPED) : Skip.NOT_SKIPPED;
        return new StepCommon(key, label, condition, dependsOn, dependsOnNothing, allowDependencyFailure,
                branches, skip, extras(kind, attrs));
    }

    /** The label carried by the type key itself: {@code block: "Build?"}, {@code group: Tests}... */
    private Optional<String> typeLabel(Kind kind, Map<String, Entry> attrs) {
        String name = switch (kind) {
            case BLOCK -> attrs.containsKey("manual") ? "manual" : "block";
            case INPUT -> "input";
            case GROUP -> "group";
            case WAIT -> attrs.containsKey("waiter") ? "waiter" : "wait";
            default -> null;
        };
        return name == null ? Optional.empty() : get(attrs, name).filter(v -> !(v instanceof MappingNode))
                .flatMap(v -> yaml.string(v, "'" + name + "'"));
    }

    /** Fills {@code out}; returns true for an explicit "no dependencies" ({@code ~} or {@code []}). */
    private boolean dependencies(Node node, List<Dependency> out) {
        if (YamlTree.isNull(node)) {
            return true;
        }
        if (node instanceof ScalarNode) {
            yaml.string(node, "depends_on").ifPresent(k -> out.add(new Dependency(k, false, yaml.contentAt(node))));
            return false;
        }
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof MappingNode m) {
                    Map<String, Entry> d = yaml.entries(m);
                    Entry step = d.get("step");
                    if (step == null) {
                        yaml.error(item, "depends_on entry needs 'step' (the key of the step depended on)");
                        continue;
                    }
                    boolean allowFailure = get(d, "allow_failure")
                            .flatMap(v -> yaml.bool(v, "allow_failure")).orElse(false);
                    for (Entry e : d.values()) {
                        if (!e.key().equals("step") && !e.key().equals("allow_failure")) {
                            yaml.warning(e.keyNode(), "unknown depends_on attribute '" + e.key()
                                    + "' (expected step, allow_failure); ignored");
                        }
                    }
                    yaml.requiredString(step.value(), "depends_on step")
                            .ifPresent(k -> out.add(new Dependency(k, allowFailure, yaml.contentAt(step.value()))));
                } else {
                    yaml.requiredString(item, "each entry of depends_on")
                            .ifPresent(k -> out.add(new Dependency(k, false, yaml.contentAt(item))));
                }
            }
            return seq.getValue().isEmpty();
        }
        yaml.error(node, "depends_on must be a step key, a list of keys, or a list of {step, allow_failure};"
                + " not " + YamlTree.kind(node));
        return false;
    }

    private List<String> branches(Node node) {
        if (node instanceof SequenceNode) {
            return yaml.strings(node, "branches");
        }
        return yaml.string(node, "branches")
                .map(s -> Arrays.stream(s.trim().split("\\s+")).filter(b -> !b.isEmpty()).toList())
                .orElse(List.of());
    }

    private Skip skip(Node node) {
        if (YamlTree.isNull(node)) {
            return Skip.NOT_SKIPPED;
        }
        if (!(node instanceof ScalarNode)) {
            yaml.error(node, "skip must be true, false or a reason, not " + YamlTree.kind(node));
            return Skip.NOT_SKIPPED;
        }
        String text = yaml.string(node, "skip").orElse("");
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "false", "" -> Skip.NOT_SKIPPED;
            case "true" -> new Skip(true, Optional.empty());
            default -> new Skip(true, Optional.of(text));
        };
    }

    /**
     * Attributes Buildkite accepts but this model does not read: kept as extras. Any other attribute is an error,
     * as on Buildkite's server ("`x` is not a valid property on the command step."), with the nearest valid name.
     */
    private List<ExtraAttribute> extras(Kind kind, Map<String, Entry> attrs) {
        List<ExtraAttribute> extras = new ArrayList<>();
        String type = kind.name().toLowerCase(Locale.ROOT);
        for (Entry e : attrs.values()) {
            String name = e.key();
            if (COMMON.contains(name) || TYPE_KEYS.containsKey(name) || READ.get(kind).contains(name)) {
                continue; // a type key of another type is reported as "several types"
            }
            if (ATTRIBUTES.get(kind).contains(name)) {
                if (name.equals("if_changed")) {
                    ifChanged(e);
                }
                extras.add(new ExtraAttribute(name, yaml.plain(e.value()), yaml.at(e.keyNode())));
                continue;
            }
            yaml.error(e.keyNode(), "`" + name + "` is not a valid property on the " + type + " step." + hint(kind, name));
        }
        return extras;
    }

    /** A did-you-mean for a misspelt attribute, or the step types that do take it. */
    private static String hint(Kind kind, String name) {
        Set<String> valid = new TreeSet<>(COMMON);
        valid.addAll(ATTRIBUTES.get(kind));
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : valid) {
            int d = Spelling.distance(name, candidate);
            if (d < best) {
                best = d;
                nearest = candidate;
            }
        }
        if (nearest != null && best <= Math.max(1, Math.min(2, name.length() / 4))) {
            return " Did you mean `" + nearest + "`?";
        }
        List<String> others = new ArrayList<>();
        for (Kind other : Kind.values()) {
            if (ATTRIBUTES.get(other).contains(name)) {
                others.add(other.name().toLowerCase(Locale.ROOT));
            }
        }
        return others.isEmpty() ? " Valid properties: " + String.join(", ", valid) + "."
                : " It belongs on " + String.join(" and ", others) + " steps.";
    }

    /** {@code if_changed}: checked for its shape, and said what it does (the agent applies it at upload). */
    private void ifChanged(Entry e) {
        Optional<IfChanged> parsed = IfChanged.parse(yaml.plain(e.value()));
        if (parsed.isEmpty()) {
            yaml.warning(e.value(), "if_changed must be a glob pattern, a list of them, or {include, exclude}:"
                    + " Buildkite's agent warns that it cannot read it and never skips the step");
            return;
        }
        yaml.warning(e.keyNode(), "if_changed is applied by Buildkite's agent at upload: the step is skipped when"
                + " no file changed in the build matches " + parsed.get().describe() + ", so it runs only if files"
                + " matching it changed; this reader cannot see which files changed, so plan shows the step with"
                + " that condition");
    }

    private static Optional<Node> get(Map<String, Entry> attrs, String name) {
        Entry e = attrs.get(name);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    // ---- command ----

    private CommandStep command(SourceLocation at, StepCommon common, Map<String, Entry> attrs) {
        List<String> commands = new ArrayList<>();
        for (String name : List.of("command", "commands", "script")) {
            get(attrs, name).ifPresent(v -> commands.addAll(yaml.strings(v, "'" + name + "'")));
        }
        Map<String, String> env = get(attrs, "env").map(this::stepEnv).orElse(Map.of());
        Agents agents = get(attrs, "agents").map(this::agents).orElse(Agents.NONE);
        List<String> artifactPaths = get(attrs, "artifact_paths").map(v -> {
            List<String> paths = new ArrayList<>();
            for (String s : yaml.strings(v, "artifact_paths")) {
                for (String p : s.split(";")) {
                    if (!p.isBlank()) {
                        paths.add(p.trim());
                    }
                }
            }
            return paths;
        }).orElse(List.of());
        Optional<Integer> timeout = get(attrs, "timeout_in_minutes")
                .flatMap(v -> positive(v, "timeout_in_minutes"));
        Optional<Retry> retry = get(attrs, "retry").flatMap(this::retry);
        SoftFail softFail = get(attrs, "soft_fail").map(this::softFail).orElse(SoftFail.NONE);
        List<Plugin> plugins = get(attrs, "plugins").map(this::plugins).orElse(List.of());
        Optional<Object> matrix = get(attrs, "matrix").map(v -> {
            if (!(v instanceof SequenceNode) && !(v instanceof MappingNode)) {
                yaml.error(v, "matrix must be a list of values or a mapping with 'setup', not " + YamlTree.kind(v));
            }
            return yaml.plain(v);
        });
        Optional<Integer> parallelism = get(attrs, "parallelism").flatMap(v -> positive(v, "parallelism"));
        Optional<Integer> priority = get(attrs, "priority").flatMap(v -> yaml.integer(v, "priority"));
        Optional<Concurrency> concurrency = concurrency(attrs);
        return new CommandStep(at, common, commands, env, agents, artifactPaths, timeout, retry, softFail, plugins,
                matrix, parallelism, concurrency, priority);
    }

    /**
     * A command step's {@code env}: a mapping, or a list of {@code KEY=VALUE} strings (one variable each). Any other
     * form go-pipeline cannot decode into {@code map[string]string}: the agent warns, uploads the step anyway, and
     * the job gets no variables from it; so it is a warning here, and adds nothing.
     */
    private Map<String, String> stepEnv(Node node) {
        if (node instanceof SequenceNode seq && seq.getValue().stream().allMatch(n -> n instanceof ScalarNode)) {
            Map<String, String> env = new LinkedHashMap<>();
            for (Node item : seq.getValue()) {
                Optional<String> entry = yaml.string(item, "env entry");
                int eq = entry.map(e -> e.indexOf('=')).orElse(-1);
                if (eq <= 0) {
                    yaml.warning(item, "env entry " + YamlTree.kind(item) + " is not KEY=VALUE: it sets no variable");
                    continue;
                }
                env.put(entry.get().substring(0, eq), entry.get().substring(eq + 1));
            }
            return env;
        }
        if (node instanceof MappingNode || YamlTree.isNull(node)) {
            return yaml.scalarMap(node, "env");
        }
        String form = node instanceof ScalarNode ? "string" : "list of mappings";
        yaml.warning(node, "env is a " + form + ", not a mapping: Buildkite's agent warns (cannot unmarshal "
                + (node instanceof ScalarNode ? "string" : "[]any") + " into *map[string]string), uploads the step"
                + " anyway, and the job gets no variables from it; write env: {NAME: value}");
        return Map.of();
    }

    private Optional<Integer> positive(Node node, String what) {
        Optional<Integer> n = yaml.integer(node, what);
        if (n.isPresent() && n.get() < 1) {
            yaml.error(node, what + " must be at least 1, not " + n.get());
            return Optional.empty();
        }
        return n;
    }

    private Optional<Concurrency> concurrency(Map<String, Entry> attrs) {
        Entry limit = attrs.get("concurrency");
        Entry group = attrs.get("concurrency_group");
        if (limit == null && group == null) {
            return Optional.empty();
        }
        if (limit == null || group == null) {
            Entry given = limit == null ? group : limit;
            yaml.error(given.keyNode(), "'" + given.key() + "' needs '"
                    + (limit == null ? "concurrency" : "concurrency_group") + "' too");
            return Optional.empty();
        }
        Optional<Integer> n = positive(limit.value(), "concurrency");
        Optional<String> g = yaml.requiredString(group.value(), "concurrency_group");
        return n.isPresent() && g.isPresent() ? Optional.of(new Concurrency(n.get(), g.get())) : Optional.empty();
    }

    /** {@code agents}: a mapping, a list of {@code k=v}, or one {@code k=v}. */
    Agents agents(Node node) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (YamlTree.isNull(node)) {
            return Agents.NONE;
        }
        if (node instanceof MappingNode mapping) {
            for (Entry e : yaml.entries(mapping).values()) {
                if (!(e.value() instanceof ScalarNode)) {
                    yaml.error(e.value(), "agents '" + e.key() + "' must be a string, not " + YamlTree.kind(e.value()));
                    continue;
                }
                tags.put(e.key(), yaml.string(e.value(), "agents '" + e.key() + "'").orElse(""));
            }
            return new Agents(tags);
        }
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        for (Node item : items) {
            Optional<String> text = yaml.requiredString(item, "agents entry");
            if (text.isEmpty()) {
                continue;
            }
            int eq = text.get().indexOf('=');
            if (eq <= 0) {
                yaml.error(item, "agents entry '" + text.get() + "' must look like KEY=VALUE (e.g. queue=windows)");
                continue;
            }
            tags.put(text.get().substring(0, eq).trim(), text.get().substring(eq + 1).trim());
        }
        return new Agents(tags);
    }

    private SoftFail softFail(Node node) {
        if (node instanceof ScalarNode) {
            return yaml.bool(node, "soft_fail").map(b -> b ? new SoftFail(true, List.of()) : SoftFail.NONE)
                    .orElse(SoftFail.NONE);
        }
        if (!(node instanceof SequenceNode seq)) {
            yaml.error(node, "soft_fail must be true, false or a list of {exit_status: N}, not " + YamlTree.kind(node));
            return SoftFail.NONE;
        }
        boolean any = false;
        List<Integer> statuses = new ArrayList<>();
        for (Node item : seq.getValue()) {
            Optional<Node> status = item instanceof MappingNode m
                    ? Optional.ofNullable(yaml.entries(m).get("exit_status")).map(Entry::value) : Optional.empty();
            if (status.isEmpty()) {
                yaml.error(item, "each soft_fail entry must be {exit_status: N} or {exit_status: \"*\"}, not "
                        + YamlTree.kind(item));
                continue;
            }
            if (isStar(status.get())) {
                any = true;
            } else {
                yaml.integer(status.get(), "soft_fail exit_status").ifPresent(statuses::add);
            }
        }
        return new SoftFail(any, statuses);
    }

    private static boolean isStar(Node node) {
        return node instanceof ScalarNode s && "*".equals(s.getValue().trim());
    }

    private Optional<Retry> retry(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            yaml.error(node, "retry must be a mapping with 'automatic' and/or 'manual', not " + YamlTree.kind(node));
            return Optional.empty();
        }
        List<Retry.AutomaticRetry> automatic = new ArrayList<>();
        Optional<Retry.ManualRetry> manual = Optional.empty();
        for (Entry e : yaml.entries(mapping).values()) {
            switch (e.key()) {
                case "automatic" -> automatic(e.value(), automatic);
                case "manual" -> manual = manual(e.value());
                default -> yaml.error(e.keyNode(), "unknown retry attribute '" + e.key()
                        + "': expected automatic or manual");
            }
        }
        return Optional.of(new Retry(automatic, manual));
    }

    private void automatic(Node node, List<Retry.AutomaticRetry> out) {
        if (node instanceof ScalarNode) {
            yaml.bool(node, "retry automatic").filter(b -> b)
                    .ifPresent(b -> out.add(new Retry.AutomaticRetry(List.of(), 2, Optional.empty(), Optional.empty())));
            return;
        }
        List<Node> rules = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        for (Node rule : rules) {
            if (!(rule instanceof MappingNode m)) {
                yaml.error(rule, "each automatic retry rule must be a mapping {exit_status, limit}, not "
                        + YamlTree.kind(rule));
                continue;
            }
            List<Integer> statuses = new ArrayList<>();
            int limit = 2;
            Optional<String> signal = Optional.empty();
            Optional<String> signalReason = Optional.empty();
            for (Entry e : yaml.entries(m).values()) {
                switch (e.key()) {
                    case "exit_status" -> {
                        if (e.value() instanceof SequenceNode list) {
                            list.getValue().forEach(v -> yaml.integer(v, "retry exit_status").ifPresent(statuses::add));
                        } else if (!isStar(e.value())) {
                            yaml.integer(e.value(), "retry exit_status").ifPresent(statuses::add);
                        }
                    }
                    case "limit" -> {
                        Optional<Integer> n = yaml.integer(e.value(), "retry limit");
                        if (n.isPresent() && (n.get() < 0 || n.get() > 10)) {
                            yaml.error(e.value(), "retry limit must be between 0 and 10, not " + n.get());
                        } else if (n.isPresent()) {
                            limit = n.get();
                        }
                    }
                    case "signal" -> signal = yaml.string(e.value(), "retry signal");
                    case "signal_reason" -> signalReason = yaml.string(e.value(), "retry signal_reason");
                    default -> yaml.error(e.keyNode(), "unknown automatic retry attribute '" + e.key()
                            + "': expected exit_status, limit, signal or signal_reason");
                }
            }
            out.add(new Retry.AutomaticRetry(statuses, limit, signal, signalReason));
        }
    }

    private Optional<Retry.ManualRetry> manual(Node node) {
        if (node instanceof ScalarNode) {
            return yaml.bool(node, "retry manual").map(b -> new Retry.ManualRetry(b, true, Optional.empty()));
        }
        if (!(node instanceof MappingNode m)) {
            yaml.error(node, "retry manual must be true, false or a mapping, not " + YamlTree.kind(node));
            return Optional.empty();
        }
        boolean allowed = true;
        boolean permitOnPassed = true;
        Optional<String> reason = Optional.empty();
        for (Entry e : yaml.entries(m).values()) {
            switch (e.key()) {
                case "allowed" -> allowed = yaml.bool(e.value(), "retry manual allowed").orElse(true);
                case "permit_on_passed" -> permitOnPassed =
                        yaml.bool(e.value(), "retry manual permit_on_passed").orElse(true);
                case "reason" -> reason = yaml.string(e.value(), "retry manual reason");
                default -> yaml.error(e.keyNode(), "unknown manual retry attribute '" + e.key()
                        + "': expected allowed, permit_on_passed or reason");
            }
        }
        return Optional.of(new Retry.ManualRetry(allowed, permitOnPassed, reason));
    }

    private List<Plugin> plugins(Node node) {
        List<Plugin> plugins = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            for (Entry e : yaml.entries(mapping).values()) {
                plugins.add(plugin(e));
            }
            return plugins;
        }
        if (!(node instanceof SequenceNode seq)) {
            yaml.error(node, "plugins must be a list or a mapping of plugin to configuration, not " + YamlTree.kind(node));
            return plugins;
        }
        for (Node item : seq.getValue()) {
            if (item instanceof MappingNode m) {
                Map<String, Entry> one = yaml.entries(m);
                if (one.size() != 1) {
                    yaml.error(item, "each plugins entry must name one plugin, found " + one.size()
                            + ": " + String.join(", ", one.keySet()));
                }
                one.values().forEach(e -> plugins.add(plugin(e)));
            } else {
                yaml.requiredString(item, "plugin").ifPresent(n -> plugins.add(new Plugin(n, Optional.empty(), yaml.at(item))));
            }
        }
        return plugins;
    }

    private Plugin plugin(Entry e) {
        Optional<Object> config = YamlTree.isNull(e.value()) ? Optional.empty() : Optional.of(yaml.plain(e.value()));
        return new Plugin(e.key(), config, yaml.at(e.keyNode()));
    }

    // ---- block / input ----

    private Optional<String> prompt(Map<String, Entry> attrs) {
        return get(attrs, "prompt").flatMap(v -> yaml.string(v, "prompt"));
    }

    private List<String> allowedTeams(Map<String, Entry> attrs) {
        return get(attrs, "allowed_teams").map(v -> yaml.strings(v, "allowed_teams")).orElse(List.of());
    }

    private BlockedState blockedState(Map<String, Entry> attrs) {
        Optional<Node> node = get(attrs, "blocked_state");
        if (node.isEmpty()) {
            return BlockedState.PASSED;
        }
        String text = yaml.string(node.get(), "blocked_state").orElse("");
        try {
            return BlockedState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            yaml.error(node.get(), "blocked_state must be passed, failed or running, not '" + text + "'");
            return BlockedState.PASSED;
        }
    }

    private List<BlockField> fields(Map<String, Entry> attrs) {
        Optional<Node> node = get(attrs, "fields");
        if (node.isEmpty() || YamlTree.isNull(node.get())) {
            return List.of();
        }
        if (!(node.get() instanceof SequenceNode seq)) {
            yaml.error(node.get(), "fields must be a list of text or select fields, not " + YamlTree.kind(node.get()));
            return List.of();
        }
        List<BlockField> fields = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Node item : seq.getValue()) {
            field(item).ifPresent(f -> {
                if (!seen.add(f.key())) {
                    // Buildkite accepts it: pipeline-schema's own valid examples give a text and a select one key.
                    yaml.warning(item, "field key '" + f.key() + "' is used by another field of this step: both"
                            + " answers are stored as the same meta-data key");
                }
                fields.add(f);
            });
        }
        return fields;
    }

    private Optional<BlockField> field(Node node) {
        if (!(node instanceof MappingNode m)) {
            yaml.error(node, "a field must be a mapping with 'text' or 'select', not " + YamlTree.kind(node));
            return Optional.empty();
        }
        Map<String, Entry> f = yaml.entries(m);
        boolean text = f.containsKey("text");
        boolean select = f.containsKey("select");
        if (text == select) {
            yaml.error(node, text ? "a field cannot be both 'text' and 'select'"
                    : "a field needs 'text' or 'select' (its title); keys found: " + String.join(", ", f.keySet()));
            return Optional.empty();
        }
        BlockField.Type type = text ? BlockField.Type.TEXT : BlockField.Type.SELECT;
        Optional<String> label = get(f, text ? "text" : "select").flatMap(v -> yaml.string(v, text ? "text" : "select"));
        String title = label.map(l -> " '" + l + "'").orElse("");
        Optional<String> key = get(f, "key").flatMap(v -> yaml.requiredString(v, "field key"));
        if (!f.containsKey("key")) {
            yaml.error(node, (text ? "text" : "select") + " field" + title
                    + " has no 'key': the key names the meta-data its answer is stored under");
        }
        boolean required = get(f, "required").flatMap(v -> yaml.bool(v, "required")).orElse(true);
        boolean multiple = get(f, "multiple").flatMap(v -> yaml.bool(v, "multiple")).orElse(false);
        List<String> defaults = get(f, "default").map(v -> yaml.strings(v, "default")).orElse(List.of());
        Optional<String> hint = get(f, "hint").flatMap(v -> yaml.string(v, "hint"));
        Optional<String> format = get(f, "format").flatMap(v -> yaml.string(v, "format"));
        List<BlockField.SelectOption> options = new ArrayList<>();
        Set<String> fieldAttrs = text ? Set.of("text", "key", "required", "default", "hint", "format")
                : Set.of("select", "key", "required", "default", "hint", "multiple", "options");
        for (Entry e : f.values()) {
            if (!fieldAttrs.contains(e.key())) {
                yaml.warning(e.keyNode(), "unknown attribute '" + e.key() + "' for a " + (text ? "text" : "select")
                        + " field; ignored");
            }
        }
        if (select) {
            Optional<Node> opts = get(f, "options");
            if (opts.isEmpty() || !(opts.get() instanceof SequenceNode list) || list.getValue().isEmpty()) {
                yaml.error(opts.orElse(node), "select field" + title + " needs 'options': a list of {label, value}");
            } else {
                for (Node o : list.getValue()) {
                    option(o).ifPresent(options::add);
                }
            }
        }
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BlockField(type, key.get(), label, hint, required, defaults, multiple, options, format,
                yaml.at(node)));
    }

    private Optional<BlockField.SelectOption> option(Node node) {
        if (!(node instanceof MappingNode m)) {
            yaml.error(node, "a select option must be a mapping {label, value}, not " + YamlTree.kind(node));
            return Optional.empty();
        }
        Map<String, Entry> o = yaml.entries(m);
        Optional<String> label = get(o, "label").flatMap(v -> yaml.string(v, "option label"));
        Optional<String> value = get(o, "value").flatMap(v -> yaml.string(v, "option value"));
        if (value.isEmpty()) {
            yaml.error(node, "select option" + label.map(l -> " '" + l + "'").orElse("") + " needs a 'value'");
            return Optional.empty();
        }
        return Optional.of(new BlockField.SelectOption(label.orElse(value.get()), value.get(),
                get(o, "hint").flatMap(v -> yaml.string(v, "option hint"))));
    }

    // ---- trigger ----

    private TriggerStep trigger(Node node, SourceLocation at, StepCommon common, Map<String, Entry> attrs) {
        Optional<Node> slugNode = get(attrs, "trigger");
        Optional<String> slug = slugNode.flatMap(v -> yaml.string(v, "trigger"));
        if (slug.isEmpty() || slug.get().isBlank()) {
            yaml.error(slugNode.orElse(node), "trigger step" + common.label().map(l -> " '" + l + "'").orElse("")
                    + " has no pipeline slug: write 'trigger: my-pipeline'");
        }
        boolean async = get(attrs, "async").flatMap(v -> yaml.bool(v, "async")).orElse(false);
        TriggerBuild build = get(attrs, "build").map(this::build).orElse(TriggerBuild.EMPTY);
        SoftFail softFail = get(attrs, "soft_fail").map(this::softFail).orElse(SoftFail.NONE);
        return new TriggerStep(at, common, slug.orElse(""), async, build, softFail);
    }

    private TriggerBuild build(Node node) {
        if (YamlTree.isNull(node)) {
            return TriggerBuild.EMPTY;
        }
        if (!(node instanceof MappingNode m)) {
            yaml.error(node, "build must be a mapping (message, commit, branch, env, meta_data), not "
                    + YamlTree.kind(node));
            return TriggerBuild.EMPTY;
        }
        Map<String, Entry> b = yaml.entries(m);
        for (Entry e : b.values()) {
            if (!Set.of("message", "commit", "branch", "env", "meta_data").contains(e.key())) {
                yaml.warning(e.keyNode(), "unknown build attribute '" + e.key()
                        + "' (expected message, commit, branch, env, meta_data); ignored");
            }
        }
        return new TriggerBuild(
                get(b, "message").flatMap(v -> yaml.string(v, "build message")),
                get(b, "commit").flatMap(v -> yaml.string(v, "build commit")),
                get(b, "branch").flatMap(v -> yaml.string(v, "build branch")),
                get(b, "env").map(v -> yaml.scalarMap(v, "build env")).orElse(Map.of()),
                get(b, "meta_data").map(v -> yaml.scalarMap(v, "build meta_data")).orElse(Map.of()));
    }

    // ---- group ----

    private List<Step> group(Node node, Map<String, Entry> attrs) {
        Optional<Node> steps = get(attrs, "steps");
        if (steps.isEmpty() || YamlTree.isNull(steps.get())
                || steps.get() instanceof SequenceNode seq && seq.getValue().isEmpty()) {
            // Buildkite's server refuses it with these words (pipeline-schema: groupSteps has minItems 1).
            yaml.error(steps.orElse(node), "The `steps` property is required for a group: give it one step at least");
            return List.of();
        }
        return steps(steps.get(), true);
    }
}
