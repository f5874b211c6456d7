package io.jenkins.plugins.installerpipeline.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Plan#triggerDependenciesOf} for every included trigger of a plan in one pass: each step's set of reachable
 * triggers is made once from its dependencies' sets (bit sets over the triggers, numbered in document order), instead
 * of one walk per trigger through all the steps before it. A step whose dependencies reach no trigger that one of
 * them does not already reach shares that dependency's set, so a long chain of steps holds one set, not one each.
 */
final class TriggerReach {

    private static final int UNSEEN = 0;
    private static final int OPEN = 1;
    private static final int DONE = 2;
    private static final long[] NONE = new long[0];

    private final PlannedSteps steps;
    /** The trigger number of each step that is an included trigger, else -1. */
    private final int[] trigger;
    /** Triggers reachable through any edges, and through strict edges only; sets are shared, never changed once made. */
    private final long[][] any;
    private final long[][] strict;
    private final int[] state;

    private TriggerReach(PlannedSteps steps) {
        this.steps = steps;
        int n = steps.size();
        trigger = new int[n];
        any = new long[n][];
        strict = new long[n][];
        state = new int[n];
        int triggers = 0;
        for (int i = 0; i < n; i++) {
            PlannedStep step = steps.get(i);
            trigger[i] = step.included() && step.trigger().isPresent() ? triggers++ : -1;
        }
    }

    /** For each included trigger, by key in document order, the triggers it needs first. */
    static Map<String, List<TriggerDependency>> of(PlannedSteps steps) {
        TriggerReach reach = new TriggerReach(steps);
        List<Integer> triggerPositions = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (reach.trigger[i] >= 0) {
                triggerPositions.add(i);
            }
        }
        Map<String, List<TriggerDependency>> result = new LinkedHashMap<>();
        for (int position : triggerPositions) {
            reach.settle(position);
            long[] any = reach.any[position];
            long[] strict = reach.strict[position];
            List<TriggerDependency> needs = new ArrayList<>();
            for (int t = nextSetBit(any, 0); t >= 0; t = nextSetBit(any, t + 1)) {
                needs.add(new TriggerDependency(steps.get(triggerPositions.get(t)).key(), !get(strict, t)));
            }
            result.putIfAbsent(steps.get(position).key(), List.copyOf(needs));
        }
        return result;
    }

    /** Makes the sets of {@code start} and of every step it depends on, dependencies first, without recursion. */
    private void settle(int start) {
        int[] stack = new int[16];
        int top = 0;
        stack[top++] = start;
        while (top > 0) {
            int step = stack[top - 1];
            if (state[step] == UNSEEN) {
                state[step] = OPEN;
                for (PlannedDependency d : steps.get(step).dependsOn()) {
                    int target = steps.positionOf(d.key());
                    if (target >= 0 && trigger[target] < 0 && state[target] == UNSEEN) {
                        if (top == stack.length) {
                            stack = Arrays.copyOf(stack, top * 2);
                        }
                        stack[top++] = target;
                    }
                }
            } else {
                top--;
                if (state[step] == OPEN) {
                    make(step);
                    state[step] = DONE;
                }
            }
        }
    }

    /**
     * The step's sets from its dependencies' (a dependency still open is a cycle, which the planner refuses; it adds
     * nothing here).
     */
    private void make(int step) {
        long[] reachAny = NONE;
        boolean ownAny = false;
        long[] reachStrict = NONE;
        boolean ownStrict = false;
        for (PlannedDependency d : steps.get(step).dependsOn()) {
            int target = steps.positionOf(d.key());
            if (target < 0) {
                continue;
            }
            long[] addAny;
            long[] addStrict;
            if (trigger[target] >= 0) {
                addAny = single(trigger[target]);
                addStrict = addAny;
            } else if (state[target] == DONE) {
                addAny = any[target];
                addStrict = strict[target];
            } else {
                continue;
            }
            if (!contains(reachAny, addAny)) {
                reachAny = ownAny ? or(reachAny, addAny) : reachAny == NONE ? addAny : or(reachAny.clone(), addAny);
                ownAny = reachAny != addAny;
            }
            if (!d.allowFailure() && !contains(reachStrict, addStrict)) {
                reachStrict = ownStrict ? or(reachStrict, addStrict)
                        : reachStrict == NONE ? addStrict : or(reachStrict.clone(), addStrict);
                ownStrict = reachStrict != addStrict;
            }
        }
        any[step] = reachAny;
        strict[step] = reachStrict;
    }

    private static long[] single(int bit) {
        long[] words = new long[(bit >> 6) + 1];
        words[bit >> 6] = 1L << bit;
        return words;
    }

    /** Whether every bit of {@code part} is in {@code whole}. */
    private static boolean contains(long[] whole, long[] part) {
        if (whole == part) {
            return true;
        }
        for (int i = 0; i < part.length; i++) {
            long w = i < whole.length ? whole[i] : 0;
            if ((part[i] & ~w) != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code into} with the bits of {@code add}; {@code into} is changed when it is long enough, else a copy is. */
    private static long[] or(long[] into, long[] add) {
        long[] result = into.length >= add.length ? into : Arrays.copyOf(into, add.length);
        for (int i = 0; i < add.length; i++) {
            result[i] |= add[i];
        }
        return result;
    }

    private static boolean get(long[] words, int bit) {
        return (bit >> 6) < words.length && (words[bit >> 6] & (1L << bit)) != 0;
    }

    private static int nextSetBit(long[] words, int from) {
        int word = from >> 6;
        if (word >= words.length) {
            return -1;
        }
        long bits = words[word] & (-1L << from);
        while (true) {
            if (bits != 0) {
                return (word << 6) + Long.numberOfTrailingZeros(bits);
            }
            if (++word == words.length) {
                return -1;
            }
            bits = words[word];
        }
    }
}
