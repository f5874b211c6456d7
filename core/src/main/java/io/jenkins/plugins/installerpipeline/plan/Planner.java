package io.jenkins.plugins.installerpipeline.plan;

import io.jenkins.plugins.installerpipeline.condition.Compilation;
import io.jenkins.plugins.installerpipeline.condition.Condition;
import io.jenkins.plugins.installerpipeline.condition.Evaluation;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.definition.DefinitionReader;
import io.jenkins.plugins.installerpipeline.definition.IfChanged;
import io.jenkins.plugins.installerpipeline.definition.PipelineDefinition;
import io.jenkins.plugins.installerpipeline.definition.ReadLimits;
import io.jenkins.plugins.installerpipeline.definition.ReadOptions;
import io.jenkins.plugins.installerpipeline.definition.ReadResult;
import io.jenkins.plugins.installerpipeline.definition.ScalarTransform;
import io.jenkins.plugins.installerpipeline.definition.Step;
import io.jenkins.plugins.installerpipeline.definition.StepGraph;
import io.jenkins.plugins.installerpipeline.definition.TriggerStep;
import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import io.jenkins.plugins.installerpipeline.interpolation.InterpolationResult;
import io.jenkins.plugins.installerpipeline.interpolation.Interpolator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
                .withScalarTransform((value, at) -> {
                    // Called for every string of the file: no stream here.
                    List<Diagnostic> problems = Interpolator.check(value, at);
                    return problems.isEmpty() ? new ScalarTransform.Value(value)
                            : new ScalarTransform.Problem(problems.get(0));
                });
    }

    /**
     * Read options for a build: every string value interpolated against {@code context} (its
     * {@link BuildContext#interpolationEnvironment()}, run-time placeholders included), every {@code if} checked.
     */
    public static ReadOptions buildOptions(BuildContext context) {
        Map<String, String> environment = context.interpolationEnvironment();
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
        return plan(file, text, context, ReadLimits.DEFAULT);
    }

    /** {@link #plan(String, String, BuildContext)} within other reading limits (a larger file, say). */
    public static PlanResult plan(String file, String text, BuildContext context, ReadLimits limits) {
        ReadResult read = DefinitionReader.read(file, text, buildOptions(context).withLimits(limits));
        if (read.definition().isEmpty()) {
            return new PlanResult(Optional.empty(), read.diagnostics());
        }
        PlanResult planned = plan(read.definition().get(), context);
        return new PlanResult(planned.plan(), read.diagnostics().plus(planned.diagnostics()));
    }

    /**
     * Plans a definition that was already read for this build (see {@link #buildOptions}). Fails only when an
     * {@code if} cannot be evaluated or the dependency graph has a cycle (which validation reports first). A step
     * whose {@code depends_on} names no declared key is left out, with that reason: Buildkite accepts the upload
     * and fails the build without running it. Generated keys such as {@code step-3} name steps in the plan, but
     * Buildkite never sees them, so nothing can depend on them.
     */
    public static PlanResult plan(PipelineDefinition definition, BuildContext context) {
        return new Planning(definition, context).run();
    }

    /** One planning run; holds the per-step arrays so the steps of the algorithm can share them. */
    private static final class Planning {
        private final PipelineDefinition definition;
        private final BuildContext context;
        /** Keys, groups, kinds and resolved {@code depends_on}: the planner reads steps' records only when it must. */
        private final StepGraph graph;
        private final boolean[] included;
        private final String[] reasons;
        private final PlannedStep[] planned;
        /**
         * For each step of a sequence, the barrier it waits for directly or through other steps since that barrier
         * (a barrier waits for itself); -1 for none. See {@link #connect}.
         */
        private final int[] waitsForBarrier;
        /** The included steps that are not groups, numbered in document order: the nodes of {@link #layers}. */
        private final int[] node;
        private int nodes;
        /** Node {@code v} depends on the nodes {@code edges[edgeStart[v]]..edges[edgeStart[v + 1] - 1]}. */
        private final int[] edgeStart;
        private final IntBuffer edges = new IntBuffer();
        /** Notes for the step being connected, until {@link #plannedStep} takes them; most steps have none. */
        private final List<String> notes = new ArrayList<>();
        private final List<Diagnostic> errors = new ArrayList<>();
        /** Each distinct {@code if} decided once for this build: its exclusion reason, null while included. */
        private final String[] conditionReasons;
        /** The compile or evaluation error of each distinct {@code if}, if it had one. */
        private final ColumnError[] conditionErrors;
        private final boolean[] conditionDecided;

        Planning(PipelineDefinition definition, BuildContext context) {
            this.definition = definition;
            this.context = context;
            this.graph = definition.graph();
            int n = graph.size();
            included = new boolean[n];
            reasons = new String[n];
            planned = new PlannedStep[n];
            waitsForBarrier = new int[n];
            Arrays.fill(waitsForBarrier, -1);
            node = new int[n];
            edgeStart = new int[n + 1];
            int conditions = graph.distinctConditions().size();
            conditionReasons = new String[conditions];
            conditionErrors = new ColumnError[conditions];
            conditionDecided = new boolean[conditions];
        }

        PlanResult run() {
            decideInclusion();
            connect(0, graph.size(), List.of(), new int[0]);
            Optional<List<List<String>>> layers = layers();
            if (layers.isEmpty()) {
                errors.add(Diagnostic.error(graph.step(0).location(),
                        "the steps' dependencies form a cycle, so no order can run them"));
            }
            if (!errors.isEmpty()) {
                return new PlanResult(Optional.empty(), Diagnostics.of(errors));
            }
            return new PlanResult(Optional.of(new Plan(definition.file(), Arrays.asList(planned), layers.get())),
                    Diagnostics.none());
        }

        /** The plan's entry for step {@code i}, once its dependencies and notes are known. */
        private PlannedStep plannedStep(int i, List<PlannedDependency> dependsOn) {
            Step step = graph.step(i);
            int group = graph.parent(i);
            // The notes gathered while this step's dependencies were resolved, just before.
            IfChanged.of(step).ifPresent(c -> notes.add("runs only if files matching " + c.describe()
                    + " changed (if_changed: Buildkite's agent skips it otherwise)"));
            List<String> stepNotes = notes.isEmpty() ? List.of() : List.copyOf(notes);
            notes.clear();
            return new PlannedStep(
                    graph.key(i),
                    step,
                    included[i],
                    Optional.ofNullable(reasons[i]),
                    dependsOn,
                    group == StepGraph.NONE ? Optional.empty() : Optional.of(graph.key(group)),
                    stepNotes,
                    graph.isTrigger(i) ? Optional.of(plannedTrigger((TriggerStep) step)) : Optional.empty());
        }

        /**
         * Applies {@code if}, {@code branches} and {@code skip}; a group's steps share their group's fate. Numbers
         * the nodes of the layers as it goes.
         */
        private void decideInclusion() {
            for (int i = 0; i < graph.size(); i++) {
                int parent = graph.parent(i);
                if (parent >= 0 && !included[parent]) {
                    reasons[i] = "its group '" + graph.key(parent) + "' is not in this build";
                } else {
                    reasons[i] = exclusion(i);
                    included[i] = reasons[i] == null;
                }
                node[i] = included[i] && !graph.isGroup(i) ? nodes++ : -1;
            }
        }

        /** Why this build leaves step {@code i} out, or null when it runs the step. */
        private String exclusion(int i) {
            int condition = graph.conditionNumber(i);
            if (condition != StepGraph.NONE) {
                if (!conditionDecided[condition]) {
                    decide(condition);
                }
                if (conditionErrors[condition] != null) {
                    errors.add(conditionErrors[condition].at(
                            graph.step(i).common().condition().orElseThrow().location()));
                }
                if (conditionReasons[condition] != null) {
                    return conditionReasons[condition];
                }
            }
            if (graph.hasBranches(i)) {
                List<String> branches = graph.step(i).common().branches();
                BranchFilter filter = BranchFilter.parse(branches);
                String branch = context.branch().orElse("");
                if (!filter.matches(branch)) {
                    return "branches: '" + filter.describe() + "' does not match "
                            + (branch.isEmpty() ? "a build without a branch" : "branch '" + branch + "'");
                }
            }
            if (graph.isSkipped(i)) {
                return "skip: " + graph.step(i).common().skip().reason().orElse("true");
            }
            for (int d = 0; d < graph.dependencyCount(i); d++) {
                if (graph.dependencyTarget(i, d) == StepGraph.NONE) {
                    return "depends_on '" + graph.step(i).dependsOn().get(d).key() + "' names no step, so Buildkite"
                            + " fails the build without running this step";
                }
            }
            return null;
        }

        /** Compiles and evaluates one distinct {@code if} for this build (the same text always decides the same). */
        private void decide(int condition) {
            String expression = graph.distinctConditions().get(condition);
            conditionDecided[condition] = true;
            Compilation compilation = Condition.compile(expression);
            if (compilation instanceof Compilation.Invalid invalid) {
                conditionErrors[condition] = invalid.error();
                conditionReasons[condition] = "if: " + expression + " is invalid";
                return;
            }
            Evaluation evaluation = ((Compilation.Valid) compilation).condition().evaluate(context);
            if (evaluation instanceof Evaluation.Failed failed) {
                conditionErrors[condition] = failed.error();
                conditionReasons[condition] = "if: " + expression + " could not be evaluated";
            } else if (!((Evaluation.Decided) evaluation).value()) {
                conditionReasons[condition] = "if: " + expression + " is false";
            }
        }

        /**
         * Gives each included step of one sequence (the top-level steps between {@code from} and {@code to}, or a
         * group's steps) its dependencies, as Buildkite does: a {@code wait} or {@code block} depends on every step
         * since the previous barrier, later steps depend on the barrier, and an explicit {@code depends_on} (even an
         * empty one) replaces both. Steps of a group also wait for whatever their group waits for.
         */
        private void connect(int from, int to, List<PlannedDependency> inherited, int[] inheritedTargets) {
            IntBuffer segment = new IntBuffer();
            // Steps since the last barrier that do not wait for it, directly or through each other: only then does
            // the next barrier need its own edge to the last one.
            boolean segmentBypassesBarrier = false;
            int lastBarrier = -1;
            List<PlannedDependency> deps = new ArrayList<>();
            IntBuffer targets = new IntBuffer();
            for (int i = from; i < to; i += 1 + graph.span(i)) {
                if (!included[i]) {
                    for (int s = i; s <= i + graph.span(i); s++) {
                        planned[s] = plannedStep(s, List.of());
                    }
                    continue;
                }
                boolean barrier = graph.isBarrier(i);
                boolean allowDependencyFailure = graph.allowsDependencyFailure(i);
                deps.clear();
                deps.addAll(inherited);
                targets.reset(inheritedTargets);
                if (graph.hasExplicitDependencies(i)) {
                    for (int d = 0; d < graph.dependencyCount(i); d++) {
                        int target = explicitTarget(graph.dependencyTarget(i, d));
                        if (target >= 0) {
                            deps.add(new PlannedDependency(graph.key(target),
                                    graph.dependencyAllowsFailure(i, d) || allowDependencyFailure, false));
                            targets.add(target);
                        }
                    }
                } else if (barrier) {
                    boolean allowFailure = allowDependencyFailure || graph.continuesOnFailure(i);
                    if (lastBarrier >= 0 && (segment.size() == 0 || segmentBypassesBarrier)) {
                        deps.add(new PlannedDependency(graph.key(lastBarrier), allowFailure, true));
                        targets.add(lastBarrier);
                    }
                    for (int s = 0; s < segment.size(); s++) {
                        int before = segment.get(s);
                        deps.add(new PlannedDependency(graph.key(before), allowFailure, true));
                        targets.add(before);
                    }
                } else if (lastBarrier >= 0) {
                    deps.add(new PlannedDependency(graph.key(lastBarrier), allowDependencyFailure, true));
                    targets.add(lastBarrier);
                }
                List<PlannedDependency> dependsOn = List.copyOf(deps);
                planned[i] = plannedStep(i, dependsOn);
                if (graph.isGroup(i)) {
                    connect(i + 1, i + 1 + graph.span(i), dependsOn, targets.toArray());
                } else {
                    addEdges(node[i], targets);
                }
                if (barrier) {
                    lastBarrier = i;
                    segment.clear();
                    segmentBypassesBarrier = false;
                    waitsForBarrier[i] = i;
                } else {
                    segment.add(i);
                    boolean waits = lastBarrier < 0;
                    for (int d = 0; d < targets.size() && !waits; d++) {
                        waits = waitsForBarrier[targets.get(d)] == lastBarrier;
                    }
                    if (waits) {
                        waitsForBarrier[i] = lastBarrier;
                    } else {
                        segmentBypassesBarrier = true;
                    }
                }
            }
        }

        /**
         * The edges of node {@code v} (connected in node order): a dependency on a step is one on its node, and one
         * on a group is one on each of the group's included steps.
         */
        private void addEdges(int v, IntBuffer targets) {
            assert edgeStart[v] == edges.size() : "nodes connected out of order";
            for (int d = 0; d < targets.size(); d++) {
                int target = targets.get(d);
                for (int t = target; t <= target + graph.span(target); t++) {
                    if (node[t] >= 0) {
                        edges.add(node[t]);
                    }
                }
            }
            edgeStart[v + 1] = edges.size();
        }

        /**
         * {@code target}, the step a {@code depends_on} entry names (-1 for none, which validation reports), or -1
         * when it is not in this build (noted).
         */
        private int explicitTarget(int target) {
            if (target == StepGraph.NONE) {
                return -1;
            }
            if (!included[target]) {
                notes.add("depends on '" + graph.key(target) + "', which is not in this build (" + reasons[target]
                        + "); Buildkite treats that dependency as satisfied");
                return -1;
            }
            return target;
        }

        /** Layers over the included non-group steps. */
        private Optional<List<List<String>>> layers() {
            Optional<List<int[]>> layers = DependencyLayers.of(nodes, edgeStart, edges.toArray());
            if (layers.isEmpty()) {
                return Optional.empty();
            }
            int[] stepOfNode = new int[nodes];
            for (int i = 0; i < node.length; i++) {
                if (node[i] >= 0) {
                    stepOfNode[node[i]] = i;
                }
            }
            List<List<String>> keyed = new ArrayList<>(layers.get().size());
            for (int[] layer : layers.get()) {
                String[] names = new String[layer.length];
                for (int k = 0; k < layer.length; k++) {
                    names[k] = graph.key(stepOfNode[layer[k]]);
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
        private int[] values = new int[8];
        private int size;

        void clear() {
            size = 0;
        }

        /** Empties the buffer, then adds {@code initial}. */
        void reset(int[] initial) {
            if (values.length < initial.length) {
                values = Arrays.copyOf(initial, initial.length * 2);
            } else {
                System.arraycopy(initial, 0, values, 0, initial.length);
            }
            size = initial.length;
        }

        int size() {
            return size;
        }

        int get(int index) {
            return values[index];
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
