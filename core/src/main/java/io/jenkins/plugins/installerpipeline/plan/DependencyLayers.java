package io.jenkins.plugins.installerpipeline.plan;

import java.util.ArrayList;
import java.util.Arrays;
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
     * @param start        node n depends on {@code dependencies[start[n]]} up to, not including,
     *                     {@code dependencies[start[n + 1]]}; {@code nodeCount + 1} entries
     * @param dependencies the nodes depended on, every node's in turn (a flat array: no array per node)
     * @return the layers in order, each listing node numbers ascending; empty when the graph has a cycle
     */
    static Optional<List<int[]>> of(int nodeCount, int[] start, int[] dependencies) {
        int[] waitingOn = new int[nodeCount];
        // Reverse adjacency in the same flat form: who waits for each node.
        int[] dependentStart = new int[nodeCount + 1];
        for (int n = 0; n < nodeCount; n++) {
            waitingOn[n] = start[n + 1] - start[n];
            for (int e = start[n]; e < start[n + 1]; e++) {
                dependentStart[dependencies[e] + 1]++;
            }
        }
        for (int n = 0; n < nodeCount; n++) {
            dependentStart[n + 1] += dependentStart[n];
        }
        int[] fill = Arrays.copyOf(dependentStart, nodeCount);
        int[] dependents = new int[start[nodeCount]];
        for (int n = 0; n < nodeCount; n++) {
            for (int e = start[n]; e < start[n + 1]; e++) {
                dependents[fill[dependencies[e]]++] = n;
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
            int[] layer = Arrays.copyOf(current, currentSize);
            Arrays.sort(layer);
            layers.add(layer);
            placed += currentSize;
            int nextSize = 0;
            for (int i = 0; i < currentSize; i++) {
                int done = current[i];
                for (int e = dependentStart[done]; e < dependentStart[done + 1]; e++) {
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
