package io.jenkins.plugins.installerpipeline.definition;

import static io.jenkins.plugins.installerpipeline.definition.Yaml.diagnostics;
import static io.jenkins.plugins.installerpipeline.definition.Yaml.only;
import static io.jenkins.plugins.installerpipeline.definition.Yaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/** Every step form and attribute of the Buildkite format, read into the model. */
public class DefinitionReaderTest {

    @Test
    public void stringStepForms() {
        PipelineDefinition d = valid("""
                steps:
                  - wait
                  - "wait"
                  - waiter
                  - block
                  - manual
                  - input
                  - manual: Deprecated spelling
                """);
        assertThat(d.steps()).extracting(Step::typeName)
                .containsExactly("wait", "wait", "wait", "block", "block", "input", "block");
        assertThat(d.steps().get(6).label()).contains("Deprecated spelling");
        assertThat(d.steps().get(1).location()).isEqualTo(new SourceLocation("p.yml", 3, 5));
    }

    @Test
    public void typeForms() {
        PipelineDefinition d = valid("""
                steps:
                  - {type: command, command: make}
                  - {type: script, command: make}
                  - {type: wait}
                  - {type: waiter}
                  - {type: block, label: 'Go?'}
                  - {type: manual, label: 'Go?'}
                  - {type: input, label: Tell}
                  - {type: trigger, trigger: other}
                  - {type: group, label: G, steps: [{command: x}]}
                """);
        assertThat(d.steps()).extracting(Step::typeName).containsExactly("command", "command", "wait", "wait",
                "block", "block", "input", "trigger", "group");
        assertThat(d.steps().get(4).label()).contains("Go?");
    }

    @Test
    public void commandForms() {
        PipelineDefinition d = valid("""
                steps:
                  - command: make
                  - commands: [make a, make b]
                  - script: {command: make c}
                  - plugins: [docker#v5.0.0]
                """);
        assertThat(d.steps()).allMatch(s -> s instanceof CommandStep);
        assertThat(((CommandStep) d.steps().get(0)).commands()).containsExactly("make");
        assertThat(((CommandStep) d.steps().get(1)).commands()).containsExactly("make a", "make b");
        assertThat(((CommandStep) d.steps().get(2)).commands()).containsExactly("make c");
        assertThat(((CommandStep) d.steps().get(3)).commands()).isEmpty();
    }

    @Test
    public void commonAttributes() {
        Step s = valid("""
                steps:
                  - name: Build
                    id: build
                    if: build.branch == "main"
                    depends_on:
                      - lint
                      - step: test
                        allow_failure: true
                    allow_dependency_failure: true
                    skip: "broken agent"
                    command: make
                  - {key: lint, command: lint, branches: "main release-*"}
                  - {key: test, command: test}
                """).steps().get(0);
        StepCommon c = s.common();
        assertThat(s.key()).contains("build");
        assertThat(c.key().orElseThrow().location()).isEqualTo(new SourceLocation("p.yml", 3, 9));
        assertThat(s.label()).contains("Build");
        assertThat(c.condition()).contains(
                new IfExpression("build.branch == \"main\"", new SourceLocation("p.yml", 4, 9)));
        assertThat(c.dependsOn()).containsExactly(
                new Dependency("lint", false, new SourceLocation("p.yml", 6, 9)),
                new Dependency("test", true, new SourceLocation("p.yml", 7, 15)));
        assertThat(c.dependsOnNothing()).isFalse();
        assertThat(c.allowDependencyFailure()).isTrue();
        assertThat(c.branches()).as("branches sit on another step: Buildkite refuses them beside 'if'").isEmpty();
        assertThat(valid("steps:\n  - {key: lint, command: lint, branches: \"main release-*\"}\n").steps().get(0)
                .common().branches()).containsExactly("main", "release-*");
        assertThat(c.skip()).isEqualTo(new Skip(true, Optional.of("broken agent")));
    }

    @Test
    public void keyAliasesAndLabelAliases() {
        PipelineDefinition d = valid("""
                steps:
                  - {key: a, label: A, command: x}
                  - {identifier: b, name: B, command: x}
                  - {id: c, command: x}
                  - {id: d, name: D, trigger: t}
                  - {identifier: e, name: E, wait: ~}
                """);
        assertThat(d.steps()).extracting(s -> s.key().orElseThrow()).containsExactly("a", "b", "c", "d", "e");
        assertThat(d.steps()).extracting(s -> s.label().orElse("-")).containsExactly("A", "B", "-", "D", "E");
    }

    @Test
    public void dependsOnShapes() {
        PipelineDefinition d = valid("""
                steps:
                  - {key: a, command: x}
                  - {key: b, command: x, depends_on: a}
                  - {key: c, command: x, depends_on: [a, b]}
                  - {key: d, command: x, depends_on: ~}
                  - {key: e, command: x, depends_on: []}
                  - {key: f, command: x}
                """);
        Map<String, Step> byKey = d.stepsByKey();
        assertThat(byKey.get("b").dependsOn()).extracting(Dependency::key).containsExactly("a");
        assertThat(byKey.get("c").dependsOn()).extracting(Dependency::key).containsExactly("a", "b");
        assertThat(byKey.get("d").common().dependsOnNothing()).isTrue();
        assertThat(byKey.get("e").common().dependsOnNothing()).isTrue();
        assertThat(byKey.get("f").common().dependsOnNothing()).isFalse();
    }

    @Test
    public void branchesAsList_skipAsBoolean() {
        PipelineDefinition d = valid("""
                steps:
                  - {command: x, branches: [main, "stable/*"], skip: true}
                  - {command: x, skip: false}
                """);
        assertThat(d.steps().get(0).common().branches()).containsExactly("main", "stable/*");
        assertThat(d.steps().get(0).common().skip()).isEqualTo(new Skip(true, Optional.empty()));
        assertThat(d.steps().get(1).common().skip()).isEqualTo(Skip.NOT_SKIPPED);
    }

    @Test
    public void commandAttributes() {
        CommandStep s = (CommandStep) only("""
                steps:
                  - command: make
                    env: {A: "1", B: 2, C: true}
                    agents: {queue: windows, os: win}
                    artifact_paths: "dist/*.exe;dist/*.msi"
                    timeout_in_minutes: 30
                    retry:
                      automatic:
                        - {exit_status: -1, limit: 3}
                        - {exit_status: "*", limit: 1}
                      manual: {allowed: false, reason: "no"}
                    soft_fail:
                      - exit_status: 1
                      - exit_status: "*"
                    plugins:
                      - docker#v5.0.0:
                          image: node
                      - cache
                    matrix: [a, b]
                    parallelism: 4
                    concurrency: 1
                    concurrency_group: deploy
                    priority: -1
                """);
        assertThat(s.env()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"), Map.entry("C", "true"));
        assertThat(s.agents().tags()).containsExactly(Map.entry("queue", "windows"), Map.entry("os", "win"));
        assertThat(s.artifactPaths()).containsExactly("dist/*.exe", "dist/*.msi");
        assertThat(s.timeoutInMinutes()).contains(30);
        Retry retry = s.retry().orElseThrow();
        assertThat(retry.automatic()).containsExactly(
                new Retry.AutomaticRetry(List.of(-1), 3, Optional.empty(), Optional.empty()),
                new Retry.AutomaticRetry(List.of(), 1, Optional.empty(), Optional.empty()));
        assertThat(retry.manual()).contains(new Retry.ManualRetry(false, true, Optional.of("no")));
        assertThat(s.softFail()).isEqualTo(new SoftFail(true, List.of(1)));
        assertThat(s.plugins()).extracting(Plugin::name).containsExactly("docker#v5.0.0", "cache");
        assertThat(s.plugins().get(0).configuration()).contains(Map.of("image", "node"));
        assertThat(s.matrix()).contains(List.of("a", "b"));
        assertThat(s.parallelism()).contains(4);
        assertThat(s.concurrency()).contains(new Concurrency(1, "deploy"));
        assertThat(s.priority()).contains(-1);
    }

    @Test
    public void agentsAsListAndScalar_softFailAndRetryAsBooleans() {
        PipelineDefinition d = valid("""
                steps:
                  - {command: x, agents: ["queue=mac", "arch=arm64"], soft_fail: true, retry: {automatic: true, manual: false}}
                  - {command: x, agents: "queue=linux"}
                """);
        CommandStep a = (CommandStep) d.steps().get(0);
        assertThat(a.agents().tags()).containsExactly(Map.entry("queue", "mac"), Map.entry("arch", "arm64"));
        assertThat(a.softFail().isSoft(42)).isTrue();
        assertThat(a.retry().orElseThrow().automatic()).containsExactly(
                new Retry.AutomaticRetry(List.of(), 2, Optional.empty(), Optional.empty()));
        assertThat(a.retry().orElseThrow().manual().orElseThrow().allowed()).isFalse();
        assertThat(((CommandStep) d.steps().get(1)).agents().tags()).containsExactly(Map.entry("queue", "linux"));
    }

    @Test
    public void waitAttributes() {
        WaitStep w = (WaitStep) only("""
                steps:
                  - wait: ~
                    continue_on_failure: true
                    if: build.tag != null
                """);
        assertThat(w.continueOnFailure()).isTrue();
        assertThat(w.common().condition().orElseThrow().location()).isEqualTo(new SourceLocation("p.yml", 4, 9));
    }

    @Test
    public void blockAttributes() {
        BlockStep b = (BlockStep) only("""
                steps:
                  - block: "Release?"
                    prompt: Fill in
                    blocked_state: running
                    allowed_teams: [release-managers]
                    branches: main
                    fields:
                      - text: Notes
                        key: notes
                        hint: Why
                        required: false
                        default: none
                        format: "[a-z]+"
                      - select: Targets
                        key: targets
                        multiple: true
                        default: [win, mac]
                        options:
                          - {label: Windows, value: win}
                          - {label: macOS, value: mac, hint: dmg}
                """);
        assertThat(b.label()).contains("Release?");
        assertThat(b.prompt()).contains("Fill in");
        assertThat(b.blockedState()).isEqualTo(BlockedState.RUNNING);
        assertThat(b.allowedTeams()).containsExactly("release-managers");
        assertThat(b.common().branches()).containsExactly("main");
        BlockField notes = b.fields().get(0);
        assertThat(notes).isEqualTo(new BlockField(BlockField.Type.TEXT, "notes", Optional.of("Notes"),
                Optional.of("Why"), false, List.of("none"), false, List.of(), Optional.of("[a-z]+"),
                new SourceLocation("p.yml", 8, 9)));
        BlockField targets = b.fields().get(1);
        assertThat(targets.type()).isEqualTo(BlockField.Type.SELECT);
        assertThat(targets.required()).isTrue();
        assertThat(targets.multiple()).isTrue();
        assertThat(targets.defaults()).containsExactly("win", "mac");
        assertThat(targets.options()).containsExactly(
                new BlockField.SelectOption("Windows", "win", Optional.empty()),
                new BlockField.SelectOption("macOS", "mac", Optional.of("dmg")));
    }

    @Test
    public void inputAttributes() {
        InputStep i = (InputStep) only("""
                steps:
                  - input: Details
                    prompt: Which?
                    fields: [{text: Version, key: version}]
                """);
        assertThat(i.label()).contains("Details");
        assertThat(i.prompt()).contains("Which?");
        assertThat(i.fields()).extracting(BlockField::key).containsExactly("version");
    }

    @Test
    public void triggerAttributes() {
        TriggerStep t = (TriggerStep) only("""
                steps:
                  - trigger: kolibri-windows
                    label: Windows
                    async: true
                    soft_fail: true
                    build:
                      message: "${BUILDKITE_MESSAGE}"
                      commit: HEAD
                      branch: release-v0.16.x
                      env: {LE_KOLIBRI_RELEASE: "${BUILDKITE_TAG:-false}"}
                      meta_data: {release: "yes"}
                """);
        assertThat(t.pipeline()).isEqualTo("kolibri-windows");
        assertThat(t.async()).isTrue();
        assertThat(t.softFail().anyExitStatus()).isTrue();
        assertThat(t.build()).isEqualTo(new TriggerBuild(Optional.of("${BUILDKITE_MESSAGE}"), Optional.of("HEAD"),
                Optional.of("release-v0.16.x"), Map.of("LE_KOLIBRI_RELEASE", "${BUILDKITE_TAG:-false}"),
                Map.of("release", "yes")));
    }

    @Test
    public void groupHoldsNestedSteps() {
        PipelineDefinition d = valid("""
                steps:
                  - group: Installers
                    key: installers
                    notify: [{github_commit_status: {context: installers}}]
                    steps:
                      - {key: a, command: x}
                      - wait
                      - {key: b, command: y}
                  - {command: z, depends_on: installers}
                """);
        GroupStep g = (GroupStep) d.steps().get(0);
        assertThat(g.label()).contains("Installers");
        assertThat(g.steps()).extracting(Step::typeName).containsExactly("command", "wait", "command");
        assertThat(g.common().extras()).extracting(ExtraAttribute::name).containsExactly("notify");
        assertThat(d.allSteps()).hasSize(5);
        assertThat(d.stepsByKey()).containsOnlyKeys("installers", "a", "b");
    }

    @Test
    public void topLevelEnvAgentsNotify() {
        PipelineDefinition d = valid("""
                env: {PYTHON: "3.9"}
                agents: {queue: linux}
                notify:
                  - email: dev@example.org
                steps: [wait]
                """);
        assertThat(d.env()).containsExactly(Map.entry("PYTHON", "3.9"));
        assertThat(d.agents().tags()).containsExactly(Map.entry("queue", "linux"));
        assertThat(d.notifications()).containsExactly(Map.of("email", "dev@example.org"));
    }

    @Test
    public void attributesBuildkiteKnowsAreKeptAndOthersRefused() {
        var result = Yaml.read("""
                steps:
                  - command: x
                    cancel_on_build_failing: true
                    secrets: [API_TOKEN]
                x-defaults: {a: 1}
                """);
        assertThat(result.isValid()).isTrue();
        Step s = result.definition().orElseThrow().steps().get(0);
        assertThat(s.common().extras()).extracting(ExtraAttribute::name, ExtraAttribute::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cancel_on_build_failing", "true"),
                        org.assertj.core.groups.Tuple.tuple("secrets", List.of("API_TOKEN")));
        assertThat(result.definition().orElseThrow().extras()).extracting(ExtraAttribute::name)
                .containsExactly("x-defaults");
        assertThat(result.diagnostics().all()).extracting(d -> d.format()).containsExactly(
                "p.yml:5:1: warning: unknown top-level key 'x-defaults': Buildkite ignores it (it reads agents,"
                        + " checkout, env, image, notify, priority, secrets, steps)");
        assertThat(diagnostics("steps:\n  - command: x\n    colour: blue\n")).containsExactly("p.yml:3:5: error:"
                + " `colour` is not a valid property on the command step. Valid properties: agents,"
                + " allow_dependency_failure, artifact_paths, branches, cache, cancel_on_build_failing, checkout,"
                + " command, commands, concurrency, concurrency_group, concurrency_method, depends_on, env, id,"
                + " identifier, if, if_changed, image, key, label, matrix, name, notify, parallelism, plugins, priority,"
                + " retry, script, secrets, signature, skip, soft_fail, timeout_in_minutes, type.");
    }

    @Test
    public void anchorsAliasesAndMergeKeys() {
        PipelineDefinition d = valid("""
                steps:
                  - label: Android
                    trigger: kolibri-android-installer
                    build: &android_build
                      message: "${BUILDKITE_MESSAGE}"
                      env:
                        LE_TRIGGERED_FROM_BUILD_ID: "${BUILDKITE_BUILD_ID}"
                  - label: Windows
                    trigger: kolibri-windows
                    build: *android_build
                  - label: Debian
                    trigger: kolibri-debian
                    build:
                      <<: *android_build
                      branch: release
                      message: own
                  - <<: [{command: a, label: first}, {command: b, key: k}]
                    label: mine
                """);
        TriggerStep android = (TriggerStep) d.steps().get(0);
        TriggerStep windows = (TriggerStep) d.steps().get(1);
        TriggerStep debian = (TriggerStep) d.steps().get(2);
        assertThat(windows.build()).isEqualTo(android.build());
        assertThat(debian.build().message()).contains("own");
        assertThat(debian.build().branch()).contains("release");
        assertThat(debian.build().env()).isEqualTo(android.build().env());
        CommandStep merged = (CommandStep) d.steps().get(3);
        assertThat(merged.commands()).containsExactly("a");
        assertThat(merged.key()).contains("k");
        assertThat(merged.label()).contains("mine");
    }

    @Test
    public void ifLocationPointsAtTheExpressionInsideQuotes() {
        Step s = only("""
                steps:
                  - command: x
                    if: 'build.tag != null'
                """);
        assertThat(s.common().condition().orElseThrow().location()).isEqualTo(new SourceLocation("p.yml", 3, 10));
    }

    @Test
    public void conditionSeamSeesEveryIfWithItsLocation() {
        var seen = new java.util.ArrayList<String>();
        ReadOptions options = ReadOptions.defaults().withConditionCheck((expression, at) -> {
            seen.add(expression + "@" + at);
            return expression.contains("bad")
                    ? List.of(io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic.error(
                            at.shiftColumns(expression.indexOf("bad")), "unknown name 'bad'"))
                    : List.of();
        });
        ReadResult result = DefinitionReader.read("p.yml", """
                steps:
                  - {command: x, if: build.tag != null}
                  - wait: ~
                    if: "build.x == bad"
                """, options);
        assertThat(seen).containsExactly("build.tag != null@p.yml:2:22", "build.x == bad@p.yml:4:10");
        assertThat(result.isValid()).isFalse();
        assertThat(result.diagnostics().format()).isEqualTo("p.yml:4:21: error: unknown name 'bad'");
    }

    @Test
    public void scalarTransformSeamRewritesValuesNotKeys() {
        ReadOptions options = ReadOptions.defaults().withScalarTransform((value, at) -> {
            if (value.contains("${MISSING}")) {
                return new ScalarTransform.Problem(io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic.error(
                        at, "MISSING is not set"));
            }
            return new ScalarTransform.Value(value.replace("${TAG}", "v1.0"));
        });
        ReadResult ok = DefinitionReader.read("p.yml", """
                steps:
                  - trigger: kolibri-windows
                    build: {env: {"${TAG}": "${TAG}"}, message: "release ${TAG}"}
                """, options);
        TriggerStep t = (TriggerStep) ok.definition().orElseThrow().steps().get(0);
        assertThat(t.build().env()).containsExactly(Map.entry("${TAG}", "v1.0"));
        assertThat(t.build().message()).contains("release v1.0");
        ReadResult bad = DefinitionReader.read("p.yml", """
                steps:
                  - command: "echo ${MISSING}"
                """, options);
        assertThat(bad.diagnostics().format()).isEqualTo("p.yml:2:15: error: MISSING is not set");
        assertThat(bad.definition()).isEmpty();
    }

    @Test
    public void definitionIsAbsentWhenThereIsAnError() {
        assertThat(Yaml.read("steps: [{trigger: ''}]").definition()).isEmpty();
    }

    @Test
    public void unknownDependsOnAttributeIsAWarning() {
        assertThat(diagnostics("""
                steps:
                  - {key: a, command: x}
                  - {command: y, depends_on: [{step: a, why: because}]}
                """)).containsExactly(
                "p.yml:3:41: warning: unknown depends_on attribute 'why' (expected step, allow_failure); ignored");
    }
}
