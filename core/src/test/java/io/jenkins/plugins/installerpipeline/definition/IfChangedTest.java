package io.jenkins.plugins.installerpipeline.definition;

import static io.jenkins.plugins.installerpipeline.definition.Yaml.diagnostics;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.plan.PlannedStep;
import io.jenkins.plugins.installerpipeline.plan.Planner;
import java.util.List;
import org.junit.Test;

/**
 * {@code if_changed}: Buildkite's agent turns it into {@code skip} at upload when no changed file matches its globs
 * ({@code ifChangedApplicator} in the agent's {@code pipeline_upload.go}); it is neither ignored nor unknown.
 */
public class IfChangedTest {

    @Test
    public void theDiagnosticSaysWhatTheAgentDoes() {
        assertThat(diagnostics("steps:\n  - command: make docs\n    if_changed: \"docs/**\"\n")).containsExactly(
                "p.yml:3:5: warning: if_changed is applied by Buildkite's agent at upload: the step is skipped when no"
                        + " file changed in the build matches docs/**, so it runs only if files matching it changed;"
                        + " this reader cannot see which files changed, so plan shows the step with that condition");
    }

    @Test
    public void everyFormTheAgentReads() {
        PipelineDefinition d = Yaml.read("""
                steps:
                  - {command: a, if_changed: "foo/**"}
                  - {command: b, if_changed: ["foo/**", "bar/**"]}
                  - {trigger: t, if_changed: {include: "api/**", exclude: ["api/docs/**"]}}
                  - group: G
                    if_changed: "*.go"
                    steps: [wait]
                """).definition().orElseThrow();
        assertThat(d.steps()).extracting(s -> IfChanged.of(s).orElseThrow().describe()).containsExactly("foo/**",
                "foo/** or bar/**", "api/** (not api/docs/**)", "*.go");
    }

    @Test
    public void aFormTheAgentCannotReadNeverSkips() {
        assertThat(diagnostics("steps:\n  - command: a\n    if_changed: {exclude: x}\n")).containsExactly(
                "p.yml:3:17: warning: if_changed must be a glob pattern, a list of them, or {include, exclude}:"
                        + " Buildkite's agent warns that it cannot read it and never skips the step");
    }

    @Test
    public void onAWaitOrBlockTheServerRefusesIt() {
        // The agent removes if_changed only from command, trigger and group steps; the server knows no such property.
        assertThat(diagnostics("steps:\n  - wait: ~\n    if_changed: x\n")).hasSize(1).first().asString()
                .startsWith("p.yml:3:5: error: `if_changed` is not a valid property on the wait step.");
    }

    @Test
    public void planShowsTheCondition() {
        List<PlannedStep> steps = Planner.plan("p.yml", "steps:\n  - command: make docs\n    if_changed: \"docs/**\"\n",
                BuildContext.empty()).plan().orElseThrow().steps();
        assertThat(steps.get(0).included()).isTrue();
        assertThat(steps.get(0).notes()).containsExactly("runs only if files matching docs/** changed (if_changed:"
                + " Buildkite's agent skips it otherwise)");
    }
}
