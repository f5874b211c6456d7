package io.jenkins.plugins.installerpipeline.definition;

import static io.jenkins.plugins.installerpipeline.definition.Yaml.diagnostics;
import static io.jenkins.plugins.installerpipeline.definition.Yaml.only;
import static io.jenkins.plugins.installerpipeline.definition.Yaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/**
 * Every way of writing a step that pipeline-schema accepts (its nested*Step, string*Step and {@code type} enums)
 * and go-pipeline reads ({@code stepByType}, {@code stepByKeyInference}, the {@code aliases} of key and label).
 */
public class StepFormsTest {

    @Test
    public void aNestedStepIsTheValueOfItsOnlyKey() {
        PipelineDefinition d = valid("""
                steps:
                  - block: {prompt: "Release?", key: gate, fields: [{text: Notes, key: notes}]}
                  - input: {input: "Details", fields: [{text: Version, key: version}]}
                  - wait: {continue_on_failure: true}
                  - waiter: {key: w2, type: waiter}
                  - trigger: {trigger: kolibri-debian, label: Debian, build: {branch: main}}
                  - command: {command: make, label: Build}
                  - commands: {commands: [make a, make b], key: ab}
                  - script: {command: make c, name: C}
                """);
        assertThat(d.steps()).extracting(Step::typeName).containsExactly("block", "input", "wait", "wait", "trigger",
                "command", "command", "command");
        BlockStep block = (BlockStep) d.steps().get(0);
        assertThat(block.prompt()).contains("Release?");
        assertThat(block.key()).contains("gate");
        assertThat(block.fields()).extracting(BlockField::key).containsExactly("notes");
        assertThat(d.steps().get(1).label()).contains("Details");
        assertThat(((WaitStep) d.steps().get(2)).continueOnFailure()).isTrue();
        assertThat(d.steps().get(3).key()).contains("w2");
        TriggerStep trigger = (TriggerStep) d.steps().get(4);
        assertThat(trigger.pipeline()).isEqualTo("kolibri-debian");
        assertThat(trigger.label()).contains("Debian");
        assertThat(trigger.build().branch()).contains("main");
        assertThat(((CommandStep) d.steps().get(5)).commands()).containsExactly("make");
        assertThat(d.steps().get(5).label()).contains("Build");
        assertThat(((CommandStep) d.steps().get(6)).commands()).containsExactly("make a", "make b");
        assertThat(d.steps().get(7).label()).contains("C");
    }

    @Test
    public void aNestedStepMustBeTheOnlyKey() {
        assertThat(diagnostics("steps:\n  - block: {prompt: \"Go?\"}\n    key: gate\n")).containsExactly(
                "p.yml:2:5: error: 'block' holds a whole step, so it must be the step's only key: move 'key' inside it");
        assertThat(diagnostics("steps:\n  - wait: {type: block}\n")).containsExactly(
                "p.yml:2:18: error: type 'block' contradicts the wait step it is nested in");
        assertThat(diagnostics("steps:\n  - block: {command: make}\n")).containsExactly(
                "p.yml:2:13: error: `command` is not a valid property on the block step. It belongs on command steps.");
    }

    @Test
    public void typeAcceptsEveryNameBuildkiteDoes() {
        PipelineDefinition d = valid("""
                steps:
                  - {type: script}
                  - {type: command, command: make}
                  - {type: commands, command: make}
                  - {type: waiter}
                  - {type: manual, label: "Go?"}
                  - {type: block, label: "Go?"}
                  - {type: input, label: Tell}
                  - {type: trigger, trigger: other}
                """);
        assertThat(d.steps()).extracting(Step::typeName).containsExactly("command", "command", "command", "wait",
                "block", "block", "input", "trigger");
    }

    @Test
    public void theLabelOfANestedBlockOrInputIsItsInnerLabelOrName() {
        assertThat(only("steps:\n  - block: {block: \"Release?\"}\n").label()).contains("Release?");
        assertThat(only("steps:\n  - block: {label: \"Release?\"}\n").label()).contains("Release?");
        assertThat(only("steps:\n  - input: {name: Tell}\n").label()).contains("Tell");
    }

    @Test
    public void scriptWithCommandsIsNotAStep() {
        // pipeline-schema has `script` only as a nested step; go-pipeline cannot infer a type from it.
        assertThat(diagnostics("steps:\n  - script: make\n")).containsExactly("p.yml:2:5: error: 'script' holds a"
                + " whole command step ({command: ...}): for the commands themselves write 'command:'");
    }
}
