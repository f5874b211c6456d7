package io.jenkins.plugins.installerpipeline.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Topological layers of a dependency graph: layer 0 holds the nodes with no dependencies, layer n the nodes whose
 * deepest dependency sits in layer n-1. Nodes of one layer can run in parallel. Linear in nodes plus edges (Kahn's
 * algorithm), with no recursion, so 100,000-step definitions neither slow down nor overflow the stack.
 */
final class DependencyLayers {

    private DependencyLayers() {}

    /**
     * Computes the layers.
     *
     * @param nodeCount    nodes are numbered 0..nodeCount-1
     * @param dependencies {@code dependencies[n]} lists the nodes n depends on
     * @return the layers in order, each listing node numbers ascending; empty when the graph has a cycle
     */
    static Optional<List<int[]>> of(int nodeCount, int[][] dependencies) {
        int[] waitingOn = new int[nodeCount];
        int[] dependentCount = new int[nodeCount];
        for (int n = 0; n < nodeCount; n++) {
            waitingOn[n] = dependencies[n].length;
            for (int d : dependencies[n]) {
                dependentCount[d]++;
            }
        }
        // Reverse adjacency in one flat array (CSR form): no per-node lists to allocate.
        int[] start = new int[nodeCount + 1];
        for (int n = 0; n < nodeCount; n++) {
            start[n + 1] = start[n] + dependentCount[n];
        }
        int[] fill = start.clone();
        int[] dependents = new int[start[nodeCount]];
        for (int n = 0; n < nodeCount; n++) {
            for (int d : dependencies[n]) {
                dependents[fill[d]++] = n;
            }
        }
        List<int[]> layers = new ArrayList<>();
        int[] current = new int[nodeCount];
        int currentSize = 0;
        for (int n = 0; n < nodeCount; n++) {
            if (waitingOn[n] == 0) {
                current[currentSize++] = n;
            }
        }
        int placed = 0;
        int[] next = new int[nodeCount];
        while (currentSize > 0) {
            int[] layer = java.util.Arrays.copyOf(current, currentSize);
            java.util.Arrays.sort(layer);
            layers.add(layer);
            placed += currentSize;
            int nextSize = 0;
            for (int i = 0; i < currentSize; i++) {
                int done = current[i];
                for (int e = start[done]; e < start[done + 1]; e++) {
                    int dependent = dependents[e];
                    if (--waitingOn[dependent] == 0) {
                        next[nextSize++] = dependent;
                    }
                }
            }
            int[] swap = current;
            current = next;
            next = swap;
            currentSize = nextSize;
        }
        return placed == nodeCount ? Optional.of(layers) : Optional.empty();
    }
}
