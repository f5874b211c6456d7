package io.jenkins.plugins.installerpipeline.plan;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A plan's steps: an immutable list in document order that also finds a step by its key in constant time, so that
 * whoever walks a plan by key (rendering, graphs, conversion, the triggers a step needs) stays linear in its size.
 * Where two steps share a key (which validation refuses), the first one is found, as a search in document order would.
 */
final class PlannedSteps extends AbstractList<PlannedStep> implements RandomAccess {

    private final PlannedStep[] steps;
    private final Map<String, Integer> positions;

    private PlannedSteps(PlannedStep[] steps) {
        this.steps = steps;
        this.positions = new HashMap<>(steps.length * 4 / 3 + 1);
        for (int i = 0; i < steps.length; i++) {
            positions.putIfAbsent(steps[i].key(), i);
        }
    }

    /** {@code steps} as such a list; a list that already is one is returned as it is (it cannot change). */
    static PlannedSteps of(List<PlannedStep> steps) {
        if (steps instanceof PlannedSteps indexed) {
            return indexed;
        }
        // List.copyOf checks for null elements and copies once.
        return new PlannedSteps(List.copyOf(steps).toArray(new PlannedStep[0]));
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
        Integer position = positions.get(key);
        return position == null ? -1 : position;
    }
}
