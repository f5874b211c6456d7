package io.jenkins.plugins.installerpipeline.plan;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A plan's steps: an immutable list in document order that also finds a step by its key in constant time, so that
 * whoever walks a plan by key (rendering, graphs, conversion, the triggers a step needs) stays linear in its size.
 * Where two steps share a key (which validation refuses), the first one is found, as a search in document order would.
 * The key index is made on the first look-up, so a plan nobody looks into by key (the plugin's
 * {@code readPipelineDefinition}) does not pay for it.
 */
final class PlannedSteps extends AbstractList<PlannedStep> implements RandomAccess {

    private final PlannedStep[] steps;
    /** Key to position; made once, on first use, and never changed (volatile: published whole to every thread). */
    private volatile Map<String, Integer> positions;

    private PlannedSteps(PlannedStep[] steps) {
        this.steps = steps;
    }

    /** {@code steps} as such a list; a list that already is one is returned as it is (it cannot change). */
    static PlannedSteps of(List<PlannedStep> steps) {
        if (steps instanceof PlannedSteps indexed) {
            return indexed;
        }
        PlannedStep[] copy = steps.toArray(new PlannedStep[0]);
        for (PlannedStep step : copy) {
            Objects.requireNonNull(step, "step");
        }
        return new PlannedSteps(copy);
    }

    @Override
    public PlannedStep get(int index) {
        return steps[index];
    }

    @Override
    public int size() {
        return steps.length;
    }

    /** The position of the first step with this key, or -1. */
    int positionOf(String key) {
        Map<String, Integer> index = positions;
        if (index == null) {
            // Two threads may both make it; they make the same map, and either one will do.
            Map<String, Integer> made = new HashMap<>(steps.length * 4 / 3 + 1);
            for (int i = 0; i < steps.length; i++) {
                made.putIfAbsent(steps[i].key(), i);
            }
            positions = index = made;
        }
        Integer position = index.get(key);
        return position == null ? -1 : position;
    }
}
