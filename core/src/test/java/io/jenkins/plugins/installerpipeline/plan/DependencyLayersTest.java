package io.jenkins.plugins.installerpipeline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

public class DependencyLayersTest {

    @Test
    public void independentNodesShareTheFirstLayer() {
        List<int[]> layers = layers(3, new int[][] {{}, {}, {}}).orElseThrow();
        assertThat(layers).hasSize(1);
        assertThat(layers.get(0)).containsExactly(0, 1, 2);
    }

    @Test
    public void aNodeSitsOneLayerAfterItsDeepestDependency() {
        // 0 -> 1 -> 3, 0 -> 2, 3 also depends on 2: 3 must come after 1, not beside 2.
        int[][] deps = {{}, {0}, {0}, {1, 2}};
        List<int[]> layers = layers(4, deps).orElseThrow();
        assertThat(layers).hasSize(3);
        assertThat(layers.get(0)).containsExactly(0);
        assertThat(layers.get(1)).containsExactly(1, 2);
        assertThat(layers.get(2)).containsExactly(3);
    }

    @Test
    public void aCycleGivesNoLayersInsteadOfHanging() {
        int[][] deps = {{}, {2}, {1}};
        assertThat(layers(3, deps)).isEmpty();
    }

    @Test
    public void aLongChainNeedsNoRecursion() {
        int n = 200_000;
        int[][] deps = new int[n][];
        deps[0] = new int[0];
        for (int i = 1; i < n; i++) {
            deps[i] = new int[] {i - 1};
        }
        assertThat(layers(n, deps).orElseThrow()).hasSize(n);
    }

    /** The layers of a graph given as one array of dependencies per node. */
    private static java.util.Optional<List<int[]>> layers(int nodeCount, int[][] dependencies) {
        int[] start = new int[nodeCount + 1];
        for (int n = 0; n < nodeCount; n++) {
            start[n + 1] = start[n] + dependencies[n].length;
        }
        int[] flat = new int[start[nodeCount]];
        for (int n = 0; n < nodeCount; n++) {
            System.arraycopy(dependencies[n], 0, flat, start[n], dependencies[n].length);
        }
        return DependencyLayers.of(nodeCount, start, flat);
    }
}
