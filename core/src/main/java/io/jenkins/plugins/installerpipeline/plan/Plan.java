package io.jenkins.plugins.installerpipeline.plan;

import io.jenkins.plugins.installerpipeline.definition.BlockField;
import io.jenkins.plugins.installerpipeline.definition.BlockStep;
import io.jenkins.plugins.installerpipeline.definition.CommandStep;
import io.jenkins.plugins.installerpipeline.definition.InputStep;
import io.jenkins.plugins.installerpipeline.definition.Step;
import io.jenkins.plugins.installerpipeline.definition.WaitStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a build of a definition will do, in order; immutable.
 *
 * @param file   the definition file the plan was made from
 * @param steps  every step in document order (groups followed by their steps), included or not; the list also finds
 *               a step by key in constant time ({@link #step})
 * @param layers the keys of the included steps (groups themselves left out), as stages that can run in parallel:
 *               every step of a layer depends only on steps of earlier layers
 */
public record Plan(String file, List<PlannedStep> steps, List<List<String>> layers) {

    public Plan {
        Objects.requireNonNull(file, "file");
        steps = PlannedSteps.of(steps);
        layers = List.copyOf(layers.stream().map(List::copyOf).toList());
    }

    /** The step with this key, declared or generated; constant time. */
    public Optional<PlannedStep> step(String key) {
        int position = positionOf(key);
        return position < 0 ? Optional.empty() : Optional.of(steps.get(position));
    }

    /** The position in {@link #steps} of the step with this key, or -1; constant time. */
    private int positionOf(String key) {
        return ((PlannedSteps) steps).positionOf(key);
    }

    /** The slugs of the pipelines the trigger steps start, included or not, each once, in document order. */
    public List<String> triggeredPipelines() {
        return steps.stream().flatMap(s -> s.trigger().stream()).map(PlannedTrigger::pipeline).distinct().toList();
    }

    /** The included trigger steps, in document order. */
    public List<PlannedStep> includedTriggers() {
        return steps.stream().filter(s -> s.included() && s.trigger().isPresent()).toList();
    }

    /**
     * The included trigger steps that must pass before the step {@code key} starts, in document order. Steps that
     * are not triggers (a {@code wait}, the triggering build's own command steps) are looked through to the triggers
     * they wait for: an orchestrator that starts the triggers has already run its own steps, but a trigger placed
     * after a {@code wait} still waits for the triggers before that {@code wait}.
     */
    public List<String> triggersNeededBy(String key) {
        return triggerDependenciesOf(key).stream().map(TriggerDependency::key).toList();
    }

    /**
     * Like {@link #triggersNeededBy}, with whether the step may start even when that trigger's build fails: only
     * when every path from the step to the trigger crosses an edge that allows failure ({@code allow_failure} on a
     * {@code depends_on} entry, {@code allow_dependency_failure}, or a {@code wait} with {@code continue_on_failure}).
     * One path that does not makes the failure matter.
     */
    public List<TriggerDependency> triggerDependenciesOf(String key) {
        // Two walks: every trigger reached at all, and those reached through strict edges only.
        // Each walk costs the steps it reaches, not the whole plan: document order comes from the keys' positions.
        java.util.Set<String> reached = reachableTriggers(key, false);
        java.util.Set<String> strict = reachableTriggers(key, true);
        return reached.stream().mapToInt(this::positionOf).sorted().mapToObj(steps::get).map(PlannedStep::key)
                .map(k -> new TriggerDependency(k, !strict.contains(k))).toList();
    }

    /**
     * {@link #triggerDependenciesOf} for every included trigger, by trigger key in document order, in one pass over the
     * plan: what starting the triggers needs, where asking for each trigger in turn would walk the steps before it
     * again for every trigger.
     */
    public Map<String, List<TriggerDependency>> triggerDependencies() {
        return TriggerReach.of((PlannedSteps) steps);
    }

    private java.util.Set<String> reachableTriggers(String key, boolean strictOnly) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> found = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>();
        java.util.function.Consumer<PlannedStep> follow = s -> s.dependsOn().stream()
                .filter(d -> !strictOnly || !d.allowFailure()).forEach(d -> todo.add(d.key()));
        step(key).ifPresent(follow);
        while (!todo.isEmpty()) {
            String k = todo.pop();
            if (!seen.add(k)) {
                continue;
            }
            step(k).ifPresent(s -> {
                if (s.included() && s.trigger().isPresent()) {
                    found.add(k);
                } else {
                    follow.accept(s);
                }
            });
        }
        return found;
    }

    /** Whether this build stops at an approval gate ({@code block} step) anywhere. */
    public boolean hasApprovalGate() {
        return steps.stream().anyMatch(PlannedStep::isApprovalGate);
    }

    /**
     * The plan as plain maps, lists, strings and booleans: the JSON form printed by {@code plan --format json} and
     * returned by the Jenkins step {@code readPipelineDefinition}. Keys follow the documented contract:
     * {@code {"steps": [...], "layers": [[...]]}}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", file);
        map.put("steps", steps.stream().map(Plan::stepMap).toList());
        map.put("layers", layers);
        return map;
    }

    private static Map<String, Object> stepMap(PlannedStep step) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", step.type());
        map.put("key", step.key());
        step.label().ifPresent(l -> map.put("label", l));
        map.put("included", step.included());
        step.reason().ifPresent(r -> map.put("reason", r));
        map.put("depends_on", step.dependsOn().stream().map(PlannedDependency::key).toList());
        List<String> allowFailure = step.dependsOn().stream()
                .filter(PlannedDependency::allowFailure).map(PlannedDependency::key).toList();
        if (!allowFailure.isEmpty()) {
            map.put("allow_failure", allowFailure);
        }
        step.group().ifPresent(g -> map.put("group", g));
        if (step.isApprovalGate()) {
            map.put("approval_gate", true);
        }
        step.trigger().ifPresent(t -> {
            map.put("trigger", t.pipeline());
            map.put("async", t.async());
            Map<String, Object> build = new LinkedHashMap<>();
            t.message().ifPresent(v -> build.put("message", v));
            t.commit().ifPresent(v -> build.put("commit", v));
            t.branch().ifPresent(v -> build.put("branch", v));
            build.put("env", t.env());
            build.put("meta_data", t.metaData());
            map.put("build", build);
        });
        attributes(step.step(), map);
        if (!step.notes().isEmpty()) {
            map.put("notes", step.notes());
        }
        map.put("source", step.location().toString());
        return map;
    }

    /** The step's own interpolated attributes, in Buildkite's names; empty ones are left out. */
    private static void attributes(Step step, Map<String, Object> map) {
        if (step instanceof CommandStep c) {
            map.put("commands", c.commands());
            putIfNotEmpty(map, "env", c.env());
            putIfNotEmpty(map, "agents", c.agents().tags());
            putIfNotEmpty(map, "artifact_paths", c.artifactPaths());
            c.timeoutInMinutes().ifPresent(t -> map.put("timeout_in_minutes", t));
            c.retry().ifPresent(r -> {
                List<Map<String, Object>> automatic = r.automatic().stream().map(a -> {
                    Map<String, Object> rule = new LinkedHashMap<>();
                    putIfNotEmpty(rule, "exit_status", a.exitStatuses());
                    rule.put("limit", a.limit());
                    return rule;
                }).toList();
                putIfNotEmpty(map, "retry_automatic", automatic);
            });
            if (c.softFail().anyExitStatus()) {
                map.put("soft_fail", true);
            } else {
                putIfNotEmpty(map, "soft_fail", c.softFail().exitStatuses());
            }
        } else if (step instanceof BlockStep b) {
            b.prompt().ifPresent(p -> map.put("prompt", p));
            putIfNotEmpty(map, "fields", fields(b.fields()));
        } else if (step instanceof InputStep i) {
            i.prompt().ifPresent(p -> map.put("prompt", p));
            putIfNotEmpty(map, "fields", fields(i.fields()));
        } else if (step instanceof WaitStep w && w.continueOnFailure()) {
            map.put("continue_on_failure", true);
        }
        // Trigger steps carry their build above; groups have only their steps.
    }

    private static List<Map<String, Object>> fields(List<BlockField> fields) {
        return fields.stream().map(f -> {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("type", f.type().name().toLowerCase(java.util.Locale.ROOT));
            field.put("key", f.key());
            f.label().ifPresent(l -> field.put("label", l));
            field.put("required", f.required());
            putIfNotEmpty(field, "default", f.defaults());
            putIfNotEmpty(field, "options", f.options().stream().map(BlockField.SelectOption::value).toList());
            return field;
        }).toList();
    }

    private static void putIfNotEmpty(Map<String, Object> map, String key, Map<String, String> value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> map, String key, List<?> value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }
}
