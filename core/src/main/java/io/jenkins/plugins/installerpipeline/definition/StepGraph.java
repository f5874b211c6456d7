package io.jenkins.plugins.installerpipeline.definition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The structure of a definition's steps, numbered in document order as {@link PipelineDefinition#allSteps()} lists
 * them: each step's key, its group, what kind of step it is, and the steps its {@code depends_on} entries name.
 *
 * <p>Built once, with the definition. The validator and the planner walk these arrays instead of following each
 * step's records and hashing key strings again: at 100,000 steps every such pointer is a cache miss, and those
 * misses, not the algorithms, were what made planning grow faster than the definition.
 *
 * <p>Public for the planner, which lives in another package; its index-based accessors are not meant for much else.
 * Immutable; the arrays never leave this class.
 */
public final class StepGraph {

    /** What {@link #parent}, {@link #dependencyTarget} and {@link #conditionNumber} return for "none". */
    public static final int NONE = -1;

    private static final short GROUP = 1;
    private static final short BARRIER = 1 << 1;
    private static final short CONTINUES_ON_FAILURE = 1 << 2;
    private static final short TRIGGER = 1 << 3;
    private static final short DEPENDS_ON_NOTHING = 1 << 4;
    private static final short ALLOWS_DEPENDENCY_FAILURE = 1 << 5;
    private static final short HAS_BRANCHES = 1 << 6;
    private static final short SKIPPED = 1 << 7;

    /** An array, not a list: reading a list's element casts it, and the cast reads the step (a cache miss). */
    private final Step[] steps;
    private final String[] keys;
    private final boolean[] declared;
    private final int[] parent;
    private final int[] span;
    private final short[] flags;
    private final int[] dependencyStart;
    private final int[] dependencyTarget;
    private final boolean[] dependencyAllowsFailure;
    private final int[] conditionNumber;
    private final List<String> distinctConditions;
    private final Map<String, Integer> indexByKey;

    /** The graph of a definition whose top-level steps are {@code topLevel}. */
    StepGraph(List<Step> topLevel) {
        List<Step> all = new ArrayList<>(topLevel.size());
        List<Integer> parents = new ArrayList<>(topLevel.size());
        for (Step step : topLevel) {
            flatten(step, NONE, all, parents);
        }
        steps = all.toArray(new Step[0]);
        int n = steps.length;
        keys = new String[n];
        declared = new boolean[n];
        parent = new int[n];
        span = new int[n];
        flags = new short[n];
        dependencyStart = new int[n + 1];
        conditionNumber = new int[n];
        // Sized so that it never grows: a resize rehashes every key.
        indexByKey = new HashMap<>(n * 4 / 3 + 1);
        Map<String, Integer> numbers = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        int edges = 0;
        for (int i = n - 1; i >= 0; i--) {
            // Backwards, so that a group's span is the sum of its members' (nested groups included).
            parent[i] = parents.get(i);
            if (parent[i] != NONE) {
                span[parent[i]] += 1 + span[i];
            }
        }
        for (int i = 0; i < n; i++) {
            Step step = steps[i];
            StepCommon common = step.common();
            if (common.key().isPresent()) {
                keys[i] = common.key().get().value();
                declared[i] = true;
                indexByKey.putIfAbsent(keys[i], i);
            }
            flags[i] = flags(step, common);
            conditionNumber[i] = common.condition()
                    .map(c -> numbers.computeIfAbsent(c.expression(), text -> {
                        conditions.add(text);
                        return conditions.size() - 1;
                    }))
                    .orElse(NONE);
            edges += common.dependsOn().size();
            dependencyStart[i + 1] = edges;
        }
        distinctConditions = List.copyOf(conditions);
        dependencyTarget = new int[edges];
        dependencyAllowsFailure = new boolean[edges];
        for (int i = 0, e = 0; i < n; i++) {
            for (Dependency dependency : steps[i].common().dependsOn()) {
                dependencyAllowsFailure[e] = dependency.allowFailure();
                dependencyTarget[e++] = indexByKey.getOrDefault(dependency.key(), NONE);
            }
        }
        // Generated keys avoid every declared key, and cannot collide with each other (step-N is unique in N).
        for (int i = 0; i < n; i++) {
            if (keys[i] == null) {
                String generated = "step-" + (i + 1);
                for (int suffix = 2; indexByKey.containsKey(generated); suffix++) {
                    generated = "step-" + (i + 1) + "-" + suffix;
                }
                keys[i] = generated;
            }
        }
    }

    /** Lists {@code step}, then its members if it is a group, each with the position of its group. */
    private static void flatten(Step step, int group, List<Step> into, List<Integer> parents) {
        int at = into.size();
        into.add(step);
        parents.add(group);
        if (step instanceof GroupStep g) {
            for (Step member : g.steps()) {
                flatten(member, at, into, parents); // groups do not nest in a valid definition: shallow recursion
            }
        }
    }

    private static short flags(Step step, StepCommon common) {
        int f = 0;
        if (step instanceof GroupStep) {
            f |= GROUP;
        } else if (step instanceof WaitStep wait) {
            f |= BARRIER | (wait.continueOnFailure() ? CONTINUES_ON_FAILURE : 0);
        } else if (step instanceof BlockStep) {
            f |= BARRIER;
        } else if (step instanceof TriggerStep) {
            f |= TRIGGER;
        }
        if (common.dependsOnNothing()) {
            f |= DEPENDS_ON_NOTHING;
        }
        if (common.allowDependencyFailure()) {
            f |= ALLOWS_DEPENDENCY_FAILURE;
        }
        if (!common.branches().isEmpty()) {
            f |= HAS_BRANCHES;
        }
        if (common.skip().skipped()) {
            f |= SKIPPED;
        }
        return (short) f;
    }

    /** How many steps the definition has, nested ones included. */
    public int size() {
        return keys.length;
    }

    /** Every step in document order, each group followed by its members. */
    public List<Step> steps() {
        return Collections.unmodifiableList(Arrays.asList(steps));
    }

    /** The step at {@code index}. */
    public Step step(int index) {
        return steps[index];
    }

    /** The step's declared key, or a generated one ({@code step-3} for the third step) that no declared key uses. */
    public String key(int index) {
        return keys[index];
    }

    /** Whether the step's key is declared ({@code key}, {@code id} or {@code identifier}) rather than generated. */
    boolean hasDeclaredKey(int index) {
        return declared[index];
    }

    /** The first step that declares {@code key}, if any (generated keys are not looked up: Buildkite never sees them). */
    OptionalInt indexOf(String key) {
        Integer index = indexByKey.get(key);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** The group the step belongs to, or {@link #NONE} for a top-level step. */
    public int parent(int index) {
        return parent[index];
    }

    /** How many steps follow this one in document order as its members (nested ones included); 0 but for groups. */
    public int span(int index) {
        return span[index];
    }

    /** Whether the step is a group. */
    public boolean isGroup(int index) {
        return (flags[index] & GROUP) != 0;
    }

    /** Whether the step is a {@code wait} or {@code block}: a barrier for the steps after it. */
    public boolean isBarrier(int index) {
        return (flags[index] & BARRIER) != 0;
    }

    /** Whether the step is a {@code wait} with {@code continue_on_failure: true}. */
    public boolean continuesOnFailure(int index) {
        return (flags[index] & CONTINUES_ON_FAILURE) != 0;
    }

    /** Whether the step is a trigger step. */
    public boolean isTrigger(int index) {
        return (flags[index] & TRIGGER) != 0;
    }

    /** Whether the step has an explicit {@code depends_on} (even an empty one), which replaces the barriers. */
    public boolean hasExplicitDependencies(int index) {
        return (flags[index] & DEPENDS_ON_NOTHING) != 0 || dependencyCount(index) > 0;
    }

    /** Whether the step has {@code allow_dependency_failure: true}. */
    public boolean allowsDependencyFailure(int index) {
        return (flags[index] & ALLOWS_DEPENDENCY_FAILURE) != 0;
    }

    /** Whether the step has a {@code branches} filter. */
    public boolean hasBranches(int index) {
        return (flags[index] & HAS_BRANCHES) != 0;
    }

    /** Whether the step is skipped ({@code skip: true} or a reason). */
    public boolean isSkipped(int index) {
        return (flags[index] & SKIPPED) != 0;
    }

    /** How many {@code depends_on} entries the step has. */
    public int dependencyCount(int index) {
        return dependencyStart[index + 1] - dependencyStart[index];
    }

    /**
     * The step that the {@code n}th {@code depends_on} entry of step {@code index} names, or {@link #NONE} when no
     * step declares that key.
     */
    public int dependencyTarget(int index, int n) {
        return dependencyTarget[dependencyStart[index] + n];
    }

    /** Whether the {@code n}th {@code depends_on} entry of step {@code index} has {@code allow_failure: true}. */
    public boolean dependencyAllowsFailure(int index, int n) {
        return dependencyAllowsFailure[dependencyStart[index] + n];
    }

    /**
     * The number of the step's {@code if} among the {@link #distinctConditions()}, or {@link #NONE} when it has
     * none: steps with the same expression text share a number, so a build evaluates each text once.
     */
    public int conditionNumber(int index) {
        return conditionNumber[index];
    }

    /** The distinct {@code if} expressions, in order of first use. */
    public List<String> distinctConditions() {
        return distinctConditions;
    }

    @Override
    public String toString() {
        return "StepGraph" + Arrays.toString(keys);
    }
}
