package io.jenkins.plugins.installerpipeline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The dependency, inclusion and layering rules of the plan, one Buildkite rule per test. */
public class PlannerTest {

    private static final BuildContext MAIN = BuildContext.builder().branch("main").build();

    private static Plan plan(String yaml) {
        return plan(yaml, MAIN);
    }

    private static Plan plan(String yaml, BuildContext context) {
        PlanResult result = Planner.plan("pipeline.yml", yaml, context);
        assertThat(result.diagnostics().errors()).as("errors").isEmpty();
        return result.plan().orElseThrow();
    }

    private static List<String> deps(Plan plan, String key) {
        return plan.step(key).orElseThrow().dependsOn().stream().map(PlannedDependency::key).toList();
    }

    @Test
    public void stepsAreFoundByDeclaredAndGeneratedKeys() {
        Plan plan = plan("steps:\n  - command: a\n    key: a\n  - wait\n  - group: g\n    key: g\n    steps:\n"
                + "      - command: b\n        key: b\n");
        assertThat(plan.steps()).extracting(PlannedStep::key).containsExactly("a", "step-2", "g", "b");
        for (PlannedStep step : plan.steps()) {
            assertThat(plan.step(step.key())).containsSame(step);
        }
        assertThat(plan.step("nowhere")).isEmpty();
        assertThat(new Plan(plan.file(), List.copyOf(plan.steps()), plan.layers())).isEqualTo(plan);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plan.steps().remove(0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    public void stepsWithoutBarriersRunTogether() {
        Plan plan = plan("steps:\n  - command: a\n    key: a\n  - command: b\n    key: b\n");
        assertThat(plan.layers()).containsExactly(List.of("a", "b"));
        assertThat(deps(plan, "b")).isEmpty();
    }

    @Test
    public void waitDependsOnEverythingBeforeItAndEverythingAfterDependsOnTheWait() {
        Plan plan = plan("steps:\n  - command: a\n    key: a\n  - command: b\n    key: b\n  - wait\n"
                + "  - command: c\n    key: c\n  - command: d\n    key: d\n");
        assertThat(deps(plan, "step-3")).containsExactly("a", "b");
        assertThat(deps(plan, "c")).containsExactly("step-3");
        assertThat(deps(plan, "d")).containsExactly("step-3");
        assertThat(plan.layers()).containsExactly(List.of("a", "b"), List.of("step-3"), List.of("c", "d"));
        assertThat(plan.step("c").orElseThrow().dependsOn().get(0).implicit()).isTrue();
    }

    @Test
    public void consecutiveWaitsChain() {
        Plan plan = plan("steps:\n  - command: a\n  - wait\n  - wait\n  - command: b\n");
        assertThat(deps(plan, "step-3")).containsExactly("step-2");
        assertThat(deps(plan, "step-4")).containsExactly("step-3");
    }

    @Test
    public void blockIsABarrierLikeWaitButInputIsNot() {
        Plan plan = plan("steps:\n  - command: a\n  - block: Deploy?\n  - command: b\n"
                + "  - input: Who?\n    fields:\n      - text: Name\n        key: name\n  - command: c\n");
        assertThat(deps(plan, "step-2")).containsExactly("step-1");
        assertThat(deps(plan, "step-3")).containsExactly("step-2");
        assertThat(deps(plan, "step-4")).as("input waits for the block like any step after it").containsExactly("step-2");
        assertThat(deps(plan, "step-5")).as("nothing waits for an input step").containsExactly("step-2");
        assertThat(plan.step("step-2").orElseThrow().isApprovalGate()).isTrue();
        assertThat(plan.hasApprovalGate()).isTrue();
    }

    @Test
    public void explicitDependsOnReplacesTheImplicitBarrier() {
        Plan plan = plan("steps:\n  - command: a\n    key: a\n  - command: slow\n    key: slow\n  - wait\n"
                + "  - command: b\n    key: b\n    depends_on: a\n");
        assertThat(deps(plan, "b")).containsExactly("a");
        assertThat(plan.layers()).containsExactly(List.of("a", "slow"), List.of("step-3", "b"));
    }

    @Test
    public void emptyDependsOnRunsImmediatelyDespiteAWait() {
        Plan plan = plan("steps:\n  - command: a\n  - wait\n  - command: lint\n    key: lint\n    depends_on: ~\n"
                + "  - command: other\n    key: other\n    depends_on: []\n");
        assertThat(deps(plan, "lint")).isEmpty();
        assertThat(deps(plan, "other")).isEmpty();
        assertThat(plan.layers().get(0)).contains("step-1", "lint", "other");
    }

    @Test
    public void aWaitAfterABypassingStepStillWaitsForThePreviousBarrier() {
        Plan plan = plan("steps:\n  - command: a\n  - wait\n  - command: free\n    key: free\n    depends_on: ~\n"
                + "  - wait\n  - command: last\n    key: last\n");
        assertThat(deps(plan, "step-4")).containsExactly("step-2", "free");
    }

    @Test
    public void aStepThatReachesTheBarrierThroughAnotherAddsNoExtraEdge() {
        Plan plan = plan("steps:\n  - command: a\n  - wait\n  - command: deb\n    key: deb\n"
                + "  - command: pi\n    key: pi\n    depends_on: deb\n  - wait\n  - command: last\n");
        assertThat(deps(plan, "step-5")).containsExactly("deb", "pi");
    }

    @Test
    public void allowFailureIsKeptOnTheEdge() {
        Plan plan = plan("steps:\n  - command: a\n    key: a\n  - command: b\n    key: b\n"
                + "  - command: c\n    key: c\n    depends_on:\n      - step: a\n        allow_failure: true\n      - b\n"
                + "  - command: d\n    key: d\n    depends_on: a\n    allow_dependency_failure: true\n");
        List<PlannedDependency> c = plan.step("c").orElseThrow().dependsOn();
        assertThat(c).containsExactly(new PlannedDependency("a", true, false), new PlannedDependency("b", false, false));
        assertThat(plan.step("d").orElseThrow().dependsOn()).containsExactly(new PlannedDependency("a", true, false));
        assertThat(plan.toMap().toString()).contains("allow_failure=[a]");
    }

    @Test
    public void continueOnFailureWaitLetsTheBarrierPassFailures() {
        Plan plan = plan("steps:\n  - command: a\n    key: a\n  - wait:\n    continue_on_failure: true\n  - command: b\n");
        assertThat(plan.step("step-2").orElseThrow().dependsOn()).containsExactly(new PlannedDependency("a", true, true));
    }

    @Test
    public void falseConditionExcludesTheStepWithItsReason() {
        Plan plan = plan("steps:\n  - command: upload\n    key: upload\n    if: build.tag != null\n");
        PlannedStep upload = plan.step("upload").orElseThrow();
        assertThat(upload.included()).isFalse();
        assertThat(upload.reason()).contains("if: build.tag != null is false");
        assertThat(plan.layers()).isEmpty();
        assertThat(plan(("steps:\n  - command: upload\n    key: upload\n    if: build.tag != null\n"),
                BuildContext.builder().tag("v1").build()).step("upload").orElseThrow().included()).isTrue();
    }

    @Test
    public void branchFilterExcludesWithTheFilterAndBranchInTheReason() {
        String yaml = "steps:\n  - command: deploy\n    key: deploy\n    branches: \"main release/*\"\n";
        assertThat(plan(yaml).step("deploy").orElseThrow().included()).isTrue();
        PlannedStep onFeature = plan(yaml, BuildContext.builder().branch("feature/x").build()).step("deploy").orElseThrow();
        assertThat(onFeature.included()).isFalse();
        assertThat(onFeature.reason()).contains("branches: 'main release/*' does not match branch 'feature/x'");
    }

    @Test
    public void skipExcludesWithItsReason() {
        Plan plan = plan("steps:\n  - command: a\n    key: a\n    skip: broken on ARM\n  - command: b\n    key: b\n    skip: true\n");
        assertThat(plan.step("a").orElseThrow().reason()).contains("skip: broken on ARM");
        assertThat(plan.step("b").orElseThrow().reason()).contains("skip: true");
    }

    @Test
    public void aDependencyOnAnExcludedStepIsSatisfiedAndSaysSo() {
        Plan plan = plan("steps:\n  - command: a\n    key: a\n    if: build.branch == \"other\"\n"
                + "  - command: b\n    key: b\n    depends_on: a\n");
        PlannedStep b = plan.step("b").orElseThrow();
        assertThat(b.included()).isTrue();
        assertThat(b.dependsOn()).isEmpty();
        assertThat(b.notes()).singleElement().asString()
                .contains("'a'", "not in this build", "treats that dependency as satisfied");
    }

    @Test
    public void eachExcludedDependencyGetsItsOwnNoteOnTheStepThatNamesIt() {
        Plan plan = plan("steps:\n  - command: a\n    key: a\n    skip: later\n"
                + "  - command: b\n    key: b\n    branches: release\n"
                + "  - group: G\n    key: g\n    depends_on: [a]\n    steps:\n"
                + "      - command: x\n        key: x\n        depends_on: [a, b]\n"
                + "  - command: c\n    key: c\n");
        assertThat(plan.step("g").orElseThrow().notes()).singleElement().asString().contains("'a'", "skip: later");
        assertThat(plan.step("x").orElseThrow().notes()).hasSize(2);
        assertThat(plan.step("x").orElseThrow().notes().get(1)).contains("'b'", "branches: 'release'");
        assertThat(plan.step("c").orElseThrow().notes()).isEmpty();
        assertThat(plan.layers()).containsExactly(List.of("x", "c"));
    }

    @Test
    public void aDependencyOnAGroupMemberAfterABarrierWaitsForThatMemberAndTheBarrier() {
        Plan plan = plan("steps:\n  - group: G\n    key: g\n    steps:\n"
                + "      - command: x\n        key: x\n      - command: y\n        key: y\n"
                + "  - wait\n  - command: after\n    key: after\n    depends_on: y\n  - command: z\n    key: z\n"
                + "  - wait\n");
        assertThat(deps(plan, "step-4")).containsExactly("g");
        assertThat(deps(plan, "after")).as("an explicit depends_on replaces the barrier").containsExactly("y");
        assertThat(deps(plan, "z")).containsExactly("step-4");
        // 'after' went round the first wait, so the second wait must wait for that wait itself too.
        assertThat(deps(plan, "step-7")).containsExactly("step-4", "after", "z");
        assertThat(plan.layers()).containsExactly(List.of("x", "y"), List.of("step-4", "after"), List.of("z"),
                List.of("step-7"));
    }

    @Test
    public void anExcludedWaitIsNoBarrier() {
        Plan plan = plan("steps:\n  - command: a\n    key: a\n  - wait:\n    if: build.branch == \"other\"\n"
                + "  - command: b\n    key: b\n");
        assertThat(deps(plan, "b")).isEmpty();
        assertThat(plan.layers()).containsExactly(List.of("a", "b"));
    }

    @Test
    public void groupsDependAsAUnit() {
        Plan plan = plan("steps:\n  - command: first\n    key: first\n  - wait\n"
                + "  - group: Installers\n    key: installers\n    steps:\n"
                + "      - command: x\n        key: x\n      - command: y\n        key: y\n"
                + "  - command: after\n    key: after\n    depends_on: installers\n");
        assertThat(deps(plan, "installers")).containsExactly("step-2");
        assertThat(deps(plan, "x")).as("steps inherit their group's dependencies").containsExactly("step-2");
        assertThat(plan.step("x").orElseThrow().group()).contains("installers");
        assertThat(plan.layers()).containsExactly(List.of("first"), List.of("step-2"), List.of("x", "y"), List.of("after"));
    }

    @Test
    public void aWaitInsideAGroupOnlyOrdersTheGroupsSteps() {
        Plan plan = plan("steps:\n  - group: G\n    steps:\n      - command: a\n        key: a\n      - wait\n"
                + "      - command: b\n        key: b\n  - command: outside\n    key: outside\n");
        assertThat(deps(plan, "b")).containsExactly("step-3");
        assertThat(deps(plan, "outside")).isEmpty();
    }

    @Test
    public void anExcludedGroupExcludesItsSteps() {
        Plan plan = plan("steps:\n  - group: G\n    key: g\n    if: build.tag != null\n    steps:\n"
                + "      - command: a\n        key: a\n");
        assertThat(plan.step("a").orElseThrow().included()).isFalse();
        assertThat(plan.step("a").orElseThrow().reason()).contains("its group 'g' is not in this build");
    }

    @Test
    public void interpolationHappensBeforeConditionsAreEvaluated() {
        String yaml = "steps:\n  - command: a\n    key: a\n    if: build.branch == \"${TARGET:-main}\"\n";
        assertThat(plan(yaml).step("a").orElseThrow().included()).isTrue();
        BuildContext other = BuildContext.builder().branch("main").env("TARGET", "release").build();
        assertThat(plan(yaml, other).step("a").orElseThrow().included()).isFalse();
    }

    @Test
    public void triggersCarryTheirInterpolatedBuild() {
        BuildContext context = BuildContext.builder().branch("main").tag("v1.2.3").message("Release 1.2.3")
                .id("build-1").build();
        Plan plan = plan("steps:\n  - trigger: deploy\n    key: t\n    async: true\n    build:\n"
                + "      message: \"${BUILDKITE_MESSAGE}\"\n      branch: stable\n      env:\n"
                + "        RELEASE: \"${BUILDKITE_TAG:-false}\"\n        FROM: \"$BUILDKITE_BUILD_ID\"\n"
                + "      meta_data:\n        version: \"1.2.3\"\n", context);
        PlannedTrigger trigger = plan.step("t").orElseThrow().trigger().orElseThrow();
        assertThat(trigger.pipeline()).isEqualTo("deploy");
        assertThat(trigger.async()).isTrue();
        assertThat(trigger.message()).contains("Release 1.2.3");
        assertThat(trigger.branch()).contains("stable");
        assertThat(trigger.env()).containsExactly(
                java.util.Map.entry("RELEASE", "v1.2.3"), java.util.Map.entry("FROM", "build-1"));
        assertThat(trigger.metaData()).containsEntry("version", "1.2.3");
    }

    @Test
    @SuppressWarnings("unchecked")
    public void thePlainFormCarriesEachStepsInterpolatedAttributes() {
        BuildContext context = BuildContext.builder().branch("main").env("PY", "3.11").build();
        Plan plan = plan("steps:\n  - command: [\"make dist PY=${PY}\", \"make pex\"]\n    key: build\n"
                + "    env: {TARGET: \"py${PY}\"}\n    agents: {queue: linux}\n    artifact_paths: \"dist/*.whl\"\n"
                + "    timeout_in_minutes: 30\n    soft_fail: [{exit_status: 2}]\n"
                + "    retry: {automatic: [{exit_status: -1, limit: 2}]}\n"
                + "  - block: \"Release ${PY}?\"\n    prompt: Sure?\n    fields:\n"
                + "      - select: Channel\n        key: channel\n        options: [{label: Stable, value: stable}]\n", context);
        Map<String, Object> build = ((List<Map<String, Object>>) plan.toMap().get("steps")).get(0);
        assertThat(build).containsEntry("commands", List.of("make dist PY=3.11", "make pex"))
                .containsEntry("env", Map.of("TARGET", "py3.11"))
                .containsEntry("agents", Map.of("queue", "linux"))
                .containsEntry("artifact_paths", List.of("dist/*.whl"))
                .containsEntry("timeout_in_minutes", 30)
                .containsEntry("soft_fail", List.of(2))
                .containsEntry("retry_automatic", List.of(Map.of("exit_status", List.of(-1), "limit", 2)));
        Map<String, Object> gate = ((List<Map<String, Object>>) plan.toMap().get("steps")).get(1);
        assertThat(gate).containsEntry("label", "Release 3.11?").containsEntry("prompt", "Sure?")
                .containsEntry("approval_gate", true);
        assertThat((List<Map<String, Object>>) gate.get("fields")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("type", "select").containsEntry("key", "channel")
                        .containsEntry("options", List.of("stable")));
    }

    @Test
    public void anInterpolationErrorIsReportedWithItsLocation() {
        PlanResult result = Planner.plan("p.yml", "steps:\n  - command: \"echo ${NEEDED:?set NEEDED}\"\n", MAIN);
        assertThat(result.plan()).isEmpty();
        Diagnostic error = result.diagnostics().errors().get(0);
        assertThat(error.location().line()).isEqualTo(2);
        assertThat(error.message()).contains("NEEDED");
    }

    @Test
    public void aCycleIsAnErrorNotAHang() {
        PlanResult result = Planner.plan("p.yml", "steps:\n  - command: a\n    key: a\n    depends_on: b\n"
                + "  - command: b\n    key: b\n    depends_on: a\n", MAIN);
        assertThat(result.plan()).isEmpty();
        assertThat(result.diagnostics().format()).contains("cycle");
    }

    @Test
    public void generatedKeysAreStableAndNeverCollideWithDeclaredOnes() {
        Plan plan = plan("steps:\n  - command: a\n    key: step-2\n  - command: b\n");
        assertThat(plan.steps()).extracting(PlannedStep::key).containsExactly("step-2", "step-2-2");
    }

    @Test
    public void aConditionSharedByStepsIsDecidedOnceButEachStepReportsItsOwnError() {
        // Read without a build, so the condition keeps its ${NEEDED?}, which only fails when evaluated.
        String yaml = "steps:\n  - command: a\n    if: '\"${NEEDED?}\" == \"x\"'\n"
                + "  - command: b\n    if: '\"${NEEDED?}\" == \"x\"'\n";
        var definition = io.jenkins.plugins.installerpipeline.definition.DefinitionReader
                .read("p.yml", yaml, Planner.validationOptions()).definition().orElseThrow();
        PlanResult result = Planner.plan(definition, MAIN);
        assertThat(result.plan()).isEmpty();
        assertThat(result.diagnostics().errors()).extracting(e -> e.location().line()).containsExactly(3, 5);
        assertThat(result.diagnostics().errors()).allSatisfy(e -> assertThat(e.message()).contains("NEEDED"));
    }

    @Test
    public void aConditionSharedByStepsExcludesEachWithTheSameReason() {
        Plan plan = plan("steps:\n  - command: a\n    key: a\n    if: build.tag != null\n"
                + "  - command: b\n    key: b\n    if: build.tag != null\n  - command: c\n    key: c\n");
        assertThat(plan.steps()).extracting(PlannedStep::reason).containsExactly(
                java.util.Optional.of("if: build.tag != null is false"),
                java.util.Optional.of("if: build.tag != null is false"), java.util.Optional.empty());
        assertThat(plan.layers()).containsExactly(List.of("c"));
    }

    @Test
    public void aDependencyOnAGeneratedKeyLeavesTheStepOutAsBuildkiteWould() {
        // Buildkite never sees generated keys: it accepts the upload and fails the build without running the step.
        PlanResult result = Planner.plan("p.yml", "steps:\n  - command: a\n  - command: b\n"
                + "    depends_on: step-1\n", MAIN);
        PlannedStep b = result.plan().orElseThrow().steps().get(1);
        assertThat(b.included()).isFalse();
        assertThat(b.reason()).contains("depends_on 'step-1' names no step, so Buildkite fails the build without"
                + " running this step");
        assertThat(result.diagnostics().format()).isEqualTo("p.yml:4:17: warning: depends_on 'step-1' names no step:"
                + " Buildkite accepts the upload, then fails the build without running this step");
    }
}
