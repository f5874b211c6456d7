package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks that need the whole definition: keys (shape, duplicates), {@code depends_on} targets, dependency
 * cycles, and {@code if:} expressions (through the {@link ConditionCheck} seam). {@link DefinitionReader} runs
 * it; call it directly for a definition built in code. Linear in the number of steps and dependencies.
 */
public final class DefinitionValidator {

    /** Buildkite's limit on key length. */
    public static final int MAX_KEY_LENGTH = 100;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private DefinitionValidator() {}

    /** Every problem found, sorted by position. */
    public static Diagnostics validate(PipelineDefinition definition, ConditionCheck conditions) {
        List<Diagnostic> out = new ArrayList<>();
        List<Step> all = definition.allSteps();
        StepGraph graph = definition.graph();
        Map<String, StepKey> earliest = new HashMap<>(); // of each key used by several steps
        for (int i = 0; i < all.size(); i++) {
            Step step = all.get(i);
            step.common().condition().ifPresent(c -> out.addAll(conditions.check(c.expression(), c.location())));
            if (step.common().condition().isPresent() && !step.common().branches().isEmpty()) {
                // Buildkite refuses the pair: which one wins would be ambiguous.
                out.add(Diagnostic.error(step.common().condition().get().location(), "step " + step.displayName()
                        + " has both 'if' and 'branches: " + String.join(" ", step.common().branches())
                        + "', which Buildkite does not allow; test the branch in the condition instead"
                        + " (build.branch == \"main\" or build.branch =~ /^release\\//)"));
            }
            if (!graph.hasDeclaredKey(i)) {
                continue;
            }
            StepKey key = step.common().key().orElseThrow();
            checkKeyShape(key, out);
            int first = graph.indexOf(key.value()).orElseThrow();
            if (first != i) {
                // The earliest in the file is the one the server accepted (documents are uploaded in file order).
                StepKey other = all.get(first).common().key().orElseThrow();
                earliest.merge(key.value(), key.location().compareTo(other.location()) < 0 ? key : other,
                        (a, b) -> a.location().compareTo(b.location()) <= 0 ? a : b);
            }
        }
        for (Step step : all) {
            step.common().key().filter(k -> earliest.containsKey(k.value()) && earliest.get(k.value()) != k)
                    .ifPresent(k -> out.add(Diagnostic.error(k.location(), "The key \"" + k.value()
                            + "\" has already been used by another step in this build (first at "
                            + earliest.get(k.value()).location() + ")")));
        }
        for (int i = 0; i < all.size(); i++) {
            List<Dependency> dependsOn = all.get(i).dependsOn();
            for (int d = 0; d < dependsOn.size(); d++) {
                if (graph.dependencyTarget(i, d) == StepGraph.NONE) {
                    Dependency missing = dependsOn.get(d);
                    // docs (depends_on): "the build will fail without running the step that is waiting".
                    out.add(Diagnostic.warning(missing.location(), "depends_on '" + missing.key() + "' names no"
                            + " step: Buildkite accepts the upload, then fails the build without running this step"));
                }
            }
        }
        new CycleFinder(all, graph).report(out);
        return Diagnostics.of(out);
    }

    private static void checkKeyShape(StepKey key, List<Diagnostic> out) {
        String value = key.value();
        if (value.isEmpty()) {
            out.add(Diagnostic.error(key.location(), "step key is empty"));
        } else if (value.codePointCount(0, value.length()) > MAX_KEY_LENGTH) {
            out.add(Diagnostic.error(key.location(), "step key '" + value + "' is "
                    + value.codePointCount(0, value.length()) + " characters long, more than " + MAX_KEY_LENGTH));
        } else if (value.length() == 36 && UUID.matcher(value).matches()) {
            out.add(Diagnostic.error(key.location(), "step key '" + value
                    + "' looks like a UUID, which Buildkite reserves for step ids: choose a name"));
        }
    }

    /**
     * Finds dependency cycles with an iterative depth-first search (no recursion, so 100,000 chained steps are
     * fine). Edges: a step to each step it depends on, and a group to each of its steps (a group finishes
     * when they do). One error per cycle, at the dependency that closes it.
     */
    private static final class CycleFinder {
        private final List<Step> all;
        private final StepGraph graph;

        CycleFinder(List<Step> all, StepGraph graph) {
            this.all = all;
            this.graph = graph;
        }

        void report(List<Diagnostic> out) {
            int n = all.size();
            byte[] state = new byte[n]; // 0 new, 1 on the current path, 2 done
            int[] nextDependency = new int[n];
            int[] nextMember = new int[n]; // 0 until the first member is taken (a member never sits at 0)
            int[] path = new int[n];
            int[] positionOnPath = new int[n];
            for (int start = 0; start < n; start++) {
                if (state[start] != 0) {
                    continue;
                }
                int depth = 0;
                path[depth++] = start;
                state[start] = 1;
                positionOnPath[start] = 0;
                while (depth > 0) {
                    int node = path[depth - 1];
                    int target;
                    int entry; // the depends_on entry followed, or NONE for a group's edge to a member
                    if (nextDependency[node] < graph.dependencyCount(node)) {
                        entry = nextDependency[node]++;
                        target = graph.dependencyTarget(node, entry);
                    } else {
                        int member = nextMember[node] == 0 ? node + 1 : nextMember[node];
                        if (member > node + graph.span(node)) {
                            state[node] = 2;
                            depth--;
                            continue;
                        }
                        // Members follow their group, each followed by its own members.
                        nextMember[node] = member + 1 + graph.span(member);
                        entry = StepGraph.NONE;
                        target = member;
                    }
                    if (target == StepGraph.NONE || state[target] == 2) {
                        continue;
                    }
                    if (state[target] == 1) {
                        out.add(cycle(path, positionOnPath[target], depth, node, entry));
                        continue;
                    }
                    state[target] = 1;
                    positionOnPath[target] = depth;
                    path[depth++] = target;
                }
            }
        }

        private Diagnostic cycle(int[] path, int from, int to, int last, int entry) {
            // A long cycle is named by its ends: the message must stay readable.
            List<String> names = new ArrayList<>();
            int length = to - from;
            for (int i = from; i < to; i++) {
                if (length > 12 && i == from + 5) {
                    names.add("... " + (length - 10) + " more ...");
                    i = to - 6;
                    continue;
                }
                names.add(all.get(path[i]).displayName());
            }
            names.add(all.get(path[from]).displayName());
            Step closing = all.get(last);
            // The closing edge is a depends_on entry, or (for a group) its membership edge.
            var location = entry != StepGraph.NONE ? closing.dependsOn().get(entry).location() : closing.location();
            return Diagnostic.error(location, "dependency cycle: " + String.join(" -> ", names) + " (each waits for the next)");
        }
    }
}
