package io.jenkins.plugins.installerpipeline.plan;

import io.jenkins.plugins.installerpipeline.condition.Compilation;
import io.jenkins.plugins.installerpipeline.condition.Condition;
import io.jenkins.plugins.installerpipeline.condition.Evaluation;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.definition.BlockStep;
import io.jenkins.plugins.installerpipeline.definition.DefinitionReader;
import io.jenkins.plugins.installerpipeline.definition.Dependency;
import io.jenkins.plugins.installerpipeline.definition.GroupStep;
import io.jenkins.plugins.installerpipeline.definition.IfExpression;
import io.jenkins.plugins.installerpipeline.definition.PipelineDefinition;
import io.jenkins.plugins.installerpipeline.definition.ReadOptions;
import io.jenkins.plugins.installerpipeline.definition.ReadResult;
import io.jenkins.plugins.installerpipeline.definition.ScalarTransform;
import io.jenkins.plugins.installerpipeline.definition.Step;
import io.jenkins.plugins.installerpipeline.definition.StepCommon;
import io.jenkins.plugins.installerpipeline.definition.TriggerStep;
import io.jenkins.plugins.installerpipeline.definition.WaitStep;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import io.jenkins.plugins.installerpipeline.interpolation.InterpolationResult;
import io.jenkins.plugins.installerpipeline.interpolation.Interpolator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes a {@link Plan}: reads a definition as Buildkite's {@code pipeline upload} would for a given build (every
 * string value interpolated against the build's environment, every {@code if} checked), decides which steps the
 * build includes, and derives the dependency graph and its parallel layers.
 */
public final class Planner {

    private Planner() {}

    /** Read options for checking a file without a build: every {@code if} and every {@code ${...}} syntax-checked. */
    public static ReadOptions validationOptions() {
        return ReadOptions.defaults()
                .withConditionCheck(Condition::check)
                .withScalarTransform((value, at) -> Interpolator.check(value, at).stream()
                        .findFirst()
                        .<ScalarTransform.Result>map(ScalarTransform.Problem::new)
                        .orElseGet(() -> new ScalarTransform.Value(value)));
    }

    /** Read options for a build: every string value interpolated against {@code context}, every {@code if} checked. */
    public static ReadOptions buildOptions(BuildContext context) {
        Map<String, String> environment = context.environment();
        return ReadOptions.defaults()
                .withConditionCheck(Condition::check)
                .withScalarTransform((value, at) -> {
                    InterpolationResult result = Interpolator.interpolate(value, environment);
                    return result.text()
                            .<ScalarTransform.Result>map(ScalarTransform.Value::new)
                            .orElseGet(() -> new ScalarTransform.Problem(result.diagnostic(at).orElseThrow()));
                });
    }

    /** Reads, interpolates and validates {@code text} for the build {@code context}, then plans it. */
    public static PlanResult plan(String file, String text, BuildContext context) {
        ReadResult read = DefinitionReader.read(file, text, buildOptions(context));
        if (read.definition().isEmpty()) {
            return new PlanResult(Optional.empty(), read.diagnostics());
        }
        PlanResult planned = plan(read.definition().get(), context);
        return new PlanResult(planned.plan(), read.diagnostics().plus(planned.diagnostics()));
    }

    /**
     * Plans a definition that was already read for this build (see {@link #buildOptions}). Fails only when an
     * {@code if} cannot be evaluated or the dependency graph has a cycle (which validation reports first).
     */
    public static PlanResult plan(PipelineDefinition definition, BuildContext context) {
        return new Planning(definition, context).run();
    }

    /** One planning run; holds the per-step arrays so the steps of the algorithm can share them. */
    private static final class Planning {
        private final PipelineDefinition definition;
        private final BuildContext context;
        private final List<Step> steps;
        private final int[] parent;
        private final int[] childCount;
        private final String[] keys;
        private final Map<String, Integer> indexByKey = new HashMap<>();
        private final boolean[] included;
        private final String[] reasons;
        private final List<List<PlannedDependency>> dependencies;
        /** For each step, the indices of the steps its {@link #dependencies} name, in the same order. */
        private final int[][] dependencyTargets;
        /** Notes per step, allocated only for the few steps that have any. */
        private final List<List<String>> notes;
        private final List<Diagnostic> errors = new ArrayList<>();
        private final Map<String, Compilation> compiled = new HashMap<>();

        Planning(PipelineDefinition definition, BuildContext context) {
            this.definition = definition;
            this.context = context;
            this.steps = definition.allSteps();
            int n = steps.size();
            parent = new int[n];
            childCount = new int[n];
            keys = new String[n];
            included = new boolean[n];
            reasons = new String[n];
            dependencies = new ArrayList<>(n);
            dependencyTargets = new int[n][];
            notes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                dependencies.add(List.of());
                notes.add(List.of());
            }
        }

        PlanResult run() {
            indexSteps();
            decideInclusion();
            List<Integer> topLevel = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                if (parent[i] < 0) {
                    topLevel.add(i);
                }
            }
            connect(topLevel, List.of(), new int[0]);
            Optional<List<List<String>>> layers = layers();
            if (layers.isEmpty()) {
                errors.add(Diagnostic.error(steps.get(0).location(),
                        "the steps' dependencies form a cycle, so no order can run them"));
            }
            if (!errors.isEmpty()) {
                return new PlanResult(Optional.empty(), Diagnostics.of(errors));
            }
            List<PlannedStep> planned = new ArrayList<>(steps.size());
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                planned.add(new PlannedStep(
                        keys[i],
                        step,
                        included[i],
                        Optional.ofNullable(reasons[i]),
                        dependencies.get(i),
                        parent[i] < 0 ? Optional.empty() : Optional.of(keys[parent[i]]),
                        notes.get(i),
                        step instanceof TriggerStep trigger ? Optional.of(plannedTrigger(trigger)) : Optional.empty()));
            }
            return new PlanResult(Optional.of(new Plan(definition.file(), planned, layers.get())), Diagnostics.none());
        }

        /** Groups and their children, and keys: declared ones, or {@code step-N} by document position. */
        private void indexSteps() {
            int i = 0;
            for (Step step : definition.steps()) {
                int own = i++;
                parent[own] = -1;
                if (step instanceof GroupStep group) {
                    childCount[own] = group.steps().size();
                    for (int c = 0; c < group.steps().size(); c++) {
                        parent[i++] = own;
                    }
                }
            }
            Set<String> declared = new HashSet<>();
            for (Step step : steps) {
                step.key().ifPresent(declared::add);
            }
            for (int s = 0; s < steps.size(); s++) {
                Optional<String> key = steps.get(s).key();
                if (key.isPresent()) {
                    keys[s] = key.get();
                } else {
                    String generated = "step-" + (s + 1);
                    for (int suffix = 2; declared.contains(generated); suffix++) {
                        generated = "step-" + (s + 1) + "-" + suffix;
                    }
                    keys[s] = generated;
                }
                indexByKey.putIfAbsent(keys[s], s);
            }
        }

        /** Applies {@code if}, {@code branches} and {@code skip}; a group's steps share their group's fate. */
        private void decideInclusion() {
            for (int i = 0; i < steps.size(); i++) {
                if (parent[i] >= 0 && !included[parent[i]]) {
                    reasons[i] = "its group '" + keys[parent[i]] + "' is not in this build";
                    continue;
                }
                Optional<String> exclusion = exclusion(steps.get(i).common());
                included[i] = exclusion.isEmpty();
                reasons[i] = exclusion.orElse(null);
            }
        }

        private Optional<String> exclusion(StepCommon common) {
            if (common.condition().isPresent()) {
                IfExpression condition = common.condition().get();
                Compilation compilation = compiled.computeIfAbsent(condition.expression(), Condition::compile);
                if (compilation instanceof Compilation.Invalid invalid) {
                    errors.add(invalid.error().at(condition.location()));
                    return Optional.of("if: " + condition.expression() + " is invalid");
                }
                Evaluation evaluation = ((Compilation.Valid) compilation).condition().evaluate(context);
                if (evaluation instanceof Evaluation.Failed failed) {
                    errors.add(failed.error().at(condition.location()));
                    return Optional.of("if: " + condition.expression() + " could not be evaluated");
                }
                if (!((Evaluation.Decided) evaluation).value()) {
                    return Optional.of("if: " + condition.expression() + " is false");
                }
            }
            if (!common.branches().isEmpty()) {
                BranchFilter filter = BranchFilter.parse(common.branches());
                String branch = context.branch().orElse("");
                if (!filter.matches(branch)) {
                    return Optional.of("branches: '" + filter.describe() + "' does not match "
                            + (branch.isEmpty() ? "a build without a branch" : "branch '" + branch + "'"));
                }
            }
            if (common.skip().skipped()) {
                return Optional.of("skip: " + common.skip().reason().orElse("true"));
            }
            return Optional.empty();
        }

        /**
         * Gives each included step of one sequence (the top level, or a group's steps) its dependencies, as
         * Buildkite does: a {@code wait} or {@code block} depends on every step since the previous barrier, later
         * steps depend on the barrier, and an explicit {@code depends_on} (even an empty one) replaces both.
         * Steps of a group also wait for whatever their group waits for.
         */
        private void connect(List<Integer> sequence, List<PlannedDependency> inherited, int[] inheritedTargets) {
            List<Integer> segment = new ArrayList<>();
            // Steps since the last barrier that do not wait for it, directly or through each other: only then does
            // the next barrier need its own edge to the last one.
            boolean segmentBypassesBarrier = false;
            Set<String> afterBarrier = new HashSet<>();
            int lastBarrier = -1;
            for (int i : sequence) {
                if (!included[i]) {
                    continue;
                }
                Step step = steps.get(i);
                StepCommon common = step.common();
                boolean barrier = isBarrier(step);
                List<PlannedDependency> deps = new ArrayList<>(inherited);
                IntBuffer targets = new IntBuffer(inheritedTargets);
                boolean explicit = common.dependsOnNothing() || !common.dependsOn().isEmpty();
                if (explicit) {
                    for (Dependency dependency : common.dependsOn()) {
                        int target = explicitTarget(i, dependency);
                        if (target >= 0) {
                            deps.add(new PlannedDependency(dependency.key(),
                                    dependency.allowFailure() || common.allowDependencyFailure(), false));
                            targets.add(target);
                        }
                    }
                } else if (barrier) {
                    boolean allowFailure = common.allowDependencyFailure()
                            || (step instanceof WaitStep wait && wait.continueOnFailure());
                    if (lastBarrier >= 0 && (segment.isEmpty() || segmentBypassesBarrier)) {
                        deps.add(new PlannedDependency(keys[lastBarrier], allowFailure, true));
                        targets.add(lastBarrier);
                    }
                    for (int before : segment) {
                        deps.add(new PlannedDependency(keys[before], allowFailure, true));
                        targets.add(before);
                    }
                } else if (lastBarrier >= 0) {
                    deps.add(new PlannedDependency(keys[lastBarrier], common.allowDependencyFailure(), true));
                    targets.add(lastBarrier);
                }
                dependencies.set(i, List.copyOf(deps));
                dependencyTargets[i] = targets.toArray();
                if (step instanceof GroupStep) {
                    List<Integer> children = new ArrayList<>(childCount[i]);
                    for (int c = 1; c <= childCount[i]; c++) {
                        children.add(i + c);
                    }
                    connect(children, deps, dependencyTargets[i]);
                }
                if (barrier) {
                    lastBarrier = i;
                    segment = new ArrayList<>();
                    segmentBypassesBarrier = false;
                    afterBarrier.clear();
                    afterBarrier.add(keys[i]);
                } else {
                    segment.add(i);
                    boolean waits = lastBarrier < 0;
                    for (int d = 0; d < deps.size() && !waits; d++) {
                        waits = afterBarrier.contains(deps.get(d).key());
                    }
                    if (waits) {
                        afterBarrier.add(keys[i]);
                    } else {
                        segmentBypassesBarrier = true;
                    }
                }
            }
        }

        /** The index of the step a {@code depends_on} entry names, or -1 when it is not in this build (noted). */
        private int explicitTarget(int dependent, Dependency dependency) {
            Integer target = indexByKey.get(dependency.key());
            if (target == null) {
                // Validation reports unknown keys; planning an unvalidated definition just ignores them.
                return -1;
            }
            if (!included[target]) {
                if (notes.get(dependent).isEmpty()) {
                    notes.set(dependent, new ArrayList<>());
                }
                notes.get(dependent).add("depends on '" + dependency.key() + "', which is not in this build ("
                        + reasons[target] + "); Buildkite treats that dependency as satisfied");
                return -1;
            }
            return target;
        }

        private static boolean isBarrier(Step step) {
            return step instanceof WaitStep || step instanceof BlockStep;
        }

        /** Layers over the included non-group steps; a dependency on a group is one on each of its included steps. */
        private Optional<List<List<String>>> layers() {
            int n = steps.size();
            int[] node = new int[n];
            int[] stepOfNode = new int[n];
            int nodes = 0;
            for (int i = 0; i < n; i++) {
                if (included[i] && !(steps.get(i) instanceof GroupStep)) {
                    node[i] = nodes;
                    stepOfNode[nodes++] = i;
                } else {
                    node[i] = -1;
                }
            }
            int[][] edges = new int[nodes][];
            int[] buffer = new int[16];
            for (int v = 0; v < nodes; v++) {
                int count = 0;
                // Indices resolved while connecting: no second hash lookup per edge (at 100,000 steps each lookup
                // is a cache miss).
                for (int target : dependencyTargets[stepOfNode[v]]) {
                    int to = steps.get(target) instanceof GroupStep ? target + childCount[target] : target;
                    for (int t = target; t <= to; t++) {
                        if (node[t] >= 0) {
                            if (count == buffer.length) {
                                buffer = Arrays.copyOf(buffer, count * 2);
                            }
                            buffer[count++] = node[t];
                        }
                    }
                }
                edges[v] = Arrays.copyOf(buffer, count);
            }
            Optional<List<int[]>> layers = DependencyLayers.of(nodes, edges);
            if (layers.isEmpty()) {
                return Optional.empty();
            }
            List<List<String>> keyed = new ArrayList<>(layers.get().size());
            for (int[] layer : layers.get()) {
                String[] names = new String[layer.length];
                for (int k = 0; k < layer.length; k++) {
                    names[k] = keys[stepOfNode[layer[k]]];
                }
                keyed.add(List.of(names));
            }
            return Optional.of(keyed);
        }

        private static PlannedTrigger plannedTrigger(TriggerStep trigger) {
            return new PlannedTrigger(
                    trigger.pipeline(),
                    trigger.async(),
                    trigger.build().message(),
                    trigger.build().commit(),
                    trigger.build().branch(),
                    trigger.build().env(),
                    trigger.build().metaData());
        }
    }

    /** A growable list of ints, so edges are kept without boxing. */
    private static final class IntBuffer {
        private int[] values;
        private int size;

        IntBuffer(int[] initial) {
            values = Arrays.copyOf(initial, initial.length + 4);
            size = initial.length;
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
