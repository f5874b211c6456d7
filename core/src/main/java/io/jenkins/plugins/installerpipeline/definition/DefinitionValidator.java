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
        Map<String, Integer> indexByKey = new HashMap<>(all.size() * 2);
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
            if (step.common().key().isEmpty()) {
                continue;
            }
            StepKey key = step.common().key().get();
            checkKeyShape(key, out);
            Integer first = indexByKey.putIfAbsent(key.value(), i);
            if (first != null) {
                out.add(Diagnostic.error(key.location(), "duplicate step key '" + key.value() + "' (first used at "
                        + all.get(first).common().key().orElseThrow().location() + ")"));
            }
        }
        boolean allTargetsExist = true;
        for (Step step : all) {
            for (Dependency d : step.dependsOn()) {
                if (!indexByKey.containsKey(d.key())) {
                    allTargetsExist = false;
                    out.add(Diagnostic.error(d.location(), "depends_on '" + d.key() + "' names no step: no step has"
                            + " key '" + d.key() + "'"));
                }
            }
        }
        new CycleFinder(all, indexByKey).report(out);
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
        private final Map<String, Integer> indexByKey;
        private final int[][] edges;

        CycleFinder(List<Step> all, Map<String, Integer> indexByKey) {
            this.all = all;
            this.indexByKey = indexByKey;
            this.edges = new int[all.size()][];
            for (int i = 0; i < all.size(); i++) {
                Step step = all.get(i);
                List<Dependency> deps = step.dependsOn();
                List<Step> children = step instanceof GroupStep g ? g.steps() : List.of();
                int[] e = new int[deps.size() + children.size()];
                int n = 0;
                for (Dependency d : deps) {
                    Integer target = indexByKey.get(d.key());
                    e[n++] = target == null ? -1 : target;
                }
                // allSteps() lists a group's steps right after it, each followed by its own nested steps.
                int child = i + 1;
                for (Step c : children) {
                    e[n++] = child;
                    child += 1 + nestedCount(c);
                }
                edges[i] = e;
            }
        }

        private static int nestedCount(Step step) {
            if (!(step instanceof GroupStep g)) {
                return 0;
            }
            int count = 0;
            for (Step c : g.steps()) {
                count += 1 + nestedCount(c);
            }
            return count;
        }

        void report(List<Diagnostic> out) {
            int n = all.size();
            byte[] state = new byte[n]; // 0 new, 1 on the current path, 2 done
            int[] nextEdge = new int[n];
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
                    if (nextEdge[node] == edges[node].length) {
                        state[node] = 2;
                        depth--;
                        continue;
                    }
                    int edgeIndex = nextEdge[node]++;
                    int target = edges[node][edgeIndex];
                    if (target < 0 || state[target] == 2) {
                        continue;
                    }
                    if (state[target] == 1) {
                        out.add(cycle(path, positionOnPath[target], depth, node, edgeIndex));
                        continue;
                    }
                    state[target] = 1;
                    positionOnPath[target] = depth;
                    path[depth++] = target;
                }
            }
        }

        private Diagnostic cycle(int[] path, int from, int to, int last, int edgeIndex) {
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
            List<Dependency> deps = closing.dependsOn();
            // The closing edge is a depends_on entry, or (for a group) its membership edge.
            var location = edgeIndex < deps.size() ? deps.get(edgeIndex).location() : closing.location();
            return Diagnostic.error(location, "dependency cycle: " + String.join(" -> ", names) + " (each waits for the next)");
        }
    }
}
