package io.jenkins.plugins.installerpipeline.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.Test;

/** What the planner and validator read instead of the step records: keys, groups, kinds, resolved dependencies. */
public class StepGraphTest {

    private static StepGraph graph(String yaml) {
        ReadResult read = DefinitionReader.read("p.yml", yaml);
        return read.definition().orElseThrow(() -> new AssertionError(read.diagnostics().format())).graph();
    }

    private static String[] keys(StepGraph graph) {
        return IntStream.range(0, graph.size()).mapToObj(graph::key).toArray(String[]::new);
    }

    @Test
    public void unkeyedStepsAreNamedByPositionAvoidingEveryDeclaredKey() {
        StepGraph graph = graph("steps:\n  - command: a\n  - command: b\n    key: step-1\n  - wait\n");
        assertThat(keys(graph)).containsExactly("step-1-2", "step-1", "step-3");
        assertThat(graph.hasDeclaredKey(0)).isFalse();
        assertThat(graph.hasDeclaredKey(1)).isTrue();
        assertThat(graph.indexOf("step-1")).hasValue(1);
        // Generated keys are the plan's names, not Buildkite's: nothing can depend on them.
        assertThat(graph.indexOf("step-3")).isEmpty();
    }

    @Test
    public void dependenciesAreResolvedToStepPositionsWithTheirAllowFailure() {
        StepGraph graph = graph("steps:\n  - command: a\n    key: a\n  - command: b\n    key: b\n"
                + "  - command: c\n    depends_on:\n      - a\n      - step: b\n        allow_failure: true\n");
        assertThat(graph.dependencyCount(2)).isEqualTo(2);
        assertThat(graph.dependencyTarget(2, 0)).isZero();
        assertThat(graph.dependencyTarget(2, 1)).isEqualTo(1);
        assertThat(graph.dependencyAllowsFailure(2, 0)).isFalse();
        assertThat(graph.dependencyAllowsFailure(2, 1)).isTrue();
        assertThat(graph.hasExplicitDependencies(2)).isTrue();
        assertThat(graph.hasExplicitDependencies(0)).isFalse();
    }

    @Test
    public void anUnknownDependencyResolvesToNoStep() {
        // Built in code: the reader would refuse the definition.
        SourceLocation at = SourceLocation.startOf("p.yml");
        Step step = new WaitStep(at, new StepCommon(Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(new Dependency("missing", false, at)), false, false, List.of(), Skip.NOT_SKIPPED, List.of()),
                false);
        StepGraph graph = new PipelineDefinition("p.yml", List.of(step), Map.of(), Agents.NONE, List.of(), List.of())
                .graph();
        assertThat(graph.dependencyTarget(0, 0)).isEqualTo(StepGraph.NONE);
    }

    @Test
    public void groupsSpanTheirStepsAndEachStepKnowsItsGroup() {
        StepGraph graph = graph("steps:\n  - command: a\n  - group: G\n    key: g\n    steps:\n"
                + "      - command: b\n      - command: c\n  - command: d\n");
        assertThat(graph.size()).isEqualTo(5);
        assertThat(graph.isGroup(1)).isTrue();
        assertThat(graph.span(1)).isEqualTo(2);
        assertThat(graph.span(0)).isZero();
        assertThat(IntStream.range(0, 5).map(graph::parent).toArray()).containsExactly(-1, -1, 1, 1, -1);
    }

    @Test
    public void nestedGroupsSpanEveryStepInside() {
        // Built in code: the reader refuses nested groups, but the graph must still number every step.
        SourceLocation at = SourceLocation.startOf("p.yml");
        Step inner = new GroupStep(at, StepCommon.empty(), List.of(new WaitStep(at, StepCommon.empty(), false),
                new WaitStep(at, StepCommon.empty(), false)));
        Step outer = new GroupStep(at, StepCommon.empty(), List.of(inner, new WaitStep(at, StepCommon.empty(), false)));
        StepGraph graph = new PipelineDefinition("p.yml", List.of(outer, new WaitStep(at, StepCommon.empty(), false)),
                Map.of(), Agents.NONE, List.of(), List.of()).graph();
        assertThat(IntStream.range(0, 6).map(graph::span).toArray()).containsExactly(4, 2, 0, 0, 0, 0);
        assertThat(IntStream.range(0, 6).map(graph::parent).toArray()).containsExactly(-1, 0, 1, 1, 0, -1);
        assertThat(graph.steps()).containsExactly(outer, inner, ((GroupStep) inner).steps().get(0),
                ((GroupStep) inner).steps().get(1), ((GroupStep) outer).steps().get(1), graph.step(5));
    }

    @Test
    public void kindsAndInclusionAttributesAreFlagged() {
        StepGraph graph = graph("steps:\n  - wait: ~\n    continue_on_failure: true\n  - block: Go?\n"
                + "  - trigger: other\n    allow_dependency_failure: true\n  - command: a\n    depends_on: ~\n"
                + "  - command: b\n    branches: main\n  - command: c\n    skip: later\n");
        assertThat(graph.isBarrier(0)).isTrue();
        assertThat(graph.continuesOnFailure(0)).isTrue();
        assertThat(graph.isBarrier(1)).isTrue();
        assertThat(graph.continuesOnFailure(1)).isFalse();
        assertThat(graph.isTrigger(2)).isTrue();
        assertThat(graph.allowsDependencyFailure(2)).isTrue();
        assertThat(graph.hasExplicitDependencies(3)).as("depends_on: ~ replaces the barriers").isTrue();
        assertThat(graph.isBarrier(3)).isFalse();
        assertThat(graph.hasBranches(4)).isTrue();
        assertThat(graph.isSkipped(5)).isTrue();
        assertThat(graph.isSkipped(4)).isFalse();
    }

    @Test
    public void stepsWithTheSameConditionShareOneNumber() {
        StepGraph graph = graph("steps:\n  - command: a\n    if: build.tag != null\n  - command: b\n"
                + "  - command: c\n    if: build.branch == \"main\"\n  - command: d\n    if: build.tag != null\n");
        assertThat(IntStream.range(0, 4).map(graph::conditionNumber).toArray()).containsExactly(0, -1, 1, 0);
        assertThat(graph.distinctConditions()).containsExactly("build.tag != null", "build.branch == \"main\"");
    }
}
