package io.jenkins.plugins.installerpipeline.definition;

import static io.jenkins.plugins.installerpipeline.definition.Yaml.diagnostics;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.Test;

/**
 * A command step's {@code env} in each form Buildkite runs: go-pipeline decodes it into {@code map[string]string};
 * what does not decode is uploaded as written, with the agent's warning.
 */
public class StepEnvTest {

    private static CommandStep step(String text) {
        return (CommandStep) Yaml.read(text).definition().orElseThrow().steps().get(0);
    }

    @Test
    public void aMappingIsTheVariables() {
        assertThat(step("steps:\n  - command: x\n    env: {MODE: dev, N: 2}\n").env())
                .containsExactly(Map.entry("MODE", "dev"), Map.entry("N", "2"));
    }

    @Test
    public void aListOfKeyValueStringsIsOneVariableEach() {
        String text = "steps:\n  - command: x\n    env:\n      - MODE=dev\n      - OPTS=a=b\n";
        assertThat(step(text).env()).containsExactly(Map.entry("MODE", "dev"), Map.entry("OPTS", "a=b"));
        assertThat(diagnostics(text)).isEmpty();
        assertThat(diagnostics("steps:\n  - command: x\n    env: [MODE]\n")).containsExactly(
                "p.yml:3:11: warning: env entry 'MODE' is not KEY=VALUE: it sets no variable");
    }

    @Test
    public void aStringIsUploadedButSetsNothing() {
        String text = "steps:\n  - command: x\n    env: MODE=dev\n";
        assertThat(step(text).env()).isEmpty();
        assertThat(diagnostics(text)).containsExactly("p.yml:3:10: warning: env is a string, not a mapping:"
                + " Buildkite's agent warns (cannot unmarshal string into *map[string]string), uploads the step"
                + " anyway, and the job gets no variables from it; write env: {NAME: value}");
    }

    @Test
    public void aListOfMappingsIsUploadedButSetsNothing() {
        String text = "steps:\n  - command: x\n    env:\n      - MODE: dev\n      - N: 2\n";
        assertThat(step(text).env()).isEmpty();
        assertThat(diagnostics(text)).containsExactly("p.yml:4:7: warning: env is a list of mappings, not a mapping:"
                + " Buildkite's agent warns (cannot unmarshal []any into *map[string]string), uploads the step"
                + " anyway, and the job gets no variables from it; write env: {NAME: value}");
    }

    @Test
    public void envOnAStepThatRunsNothingIsRefused() {
        assertThat(diagnostics("steps:\n  - wait: ~\n    env: {A: b}\n")).containsExactly(
                "p.yml:3:5: error: `env` is not a valid property on the wait step. It belongs on command steps.");
    }
}
