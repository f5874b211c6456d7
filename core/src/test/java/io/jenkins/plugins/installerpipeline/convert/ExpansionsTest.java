package io.jenkins.plugins.installerpipeline.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import io.jenkins.plugins.installerpipeline.context.JenkinsBuild;
import io.jenkins.plugins.installerpipeline.context.StartCause;
import io.jenkins.plugins.installerpipeline.interpolation.Interpolator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;

/**
 * Issue 14, {@code $} escaping: a string reaches Jenkins with the value Buildkite's upload-time interpolation gives it.
 * For a tag, a pull request and a branch build, described once as the facts Jenkins has (the same facts the plugin
 * turns into Buildkite's variables), the shell and Groovy forms the converter writes produce what Buildkite's
 * interpolation (the engine's, as {@code interpolate} prints it) followed by the shell produces.
 */
public class ExpansionsTest {

    /** A Jenkins build's facts: its multibranch variables, and the Buildkite variables the plugin derives. */
    private record Build(Map<String, String> jenkins, Map<String, String> buildkite) {}

    private static Build build(Optional<String> tag, String branch, Optional<String> changeId,
            Optional<String> changeBranch) {
        JenkinsBuild facts = new JenkinsBuild("kolibri/" + branch, "kolibri", 42,
                Optional.of("https://ci.example.org/job/kolibri/42/"), Optional.empty(), tag, Optional.of(branch),
                changeId, changeBranch, changeId.map(id -> "develop"), Optional.empty(), Optional.of("abc123"),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(StartCause.SCM),
                Map.of("HOME", "/home/ci"), Optional.empty());
        Map<String, String> jenkins = new HashMap<>(Map.of("HOME", "/home/ci", "BRANCH_NAME", branch,
                "BUILD_NUMBER", "42", "BUILD_URL", "https://ci.example.org/job/kolibri/42/"));
        tag.ifPresent(t -> jenkins.put("TAG_NAME", t));
        changeId.ifPresent(id -> {
            jenkins.put("CHANGE_ID", id);
            jenkins.put("CHANGE_TARGET", "develop");
        });
        changeBranch.ifPresent(b -> jenkins.put("CHANGE_BRANCH", b));
        return new Build(jenkins, facts.toBuildContext().environment());
    }

    private static final List<Build> BUILDS = List.of(
            build(Optional.of("v0.17.0"), "v0.17.0", Optional.empty(), Optional.empty()),
            build(Optional.empty(), "PR-12", Optional.of("12"), Optional.of("fix-pi-image")),
            build(Optional.empty(), "develop", Optional.empty(), Optional.empty()));

    @Test
    public void commandsGiveTheShellWhatBuildkitesUploadGaveIt() throws Exception {
        assumeTrue("needs a POSIX shell", Files.isExecutable(Path.of("/bin/sh")));
        List<String> commands = List.of(
                "echo $$HOME \\$HOME",
                "echo ${BUILDKITE_TAG:-false}",
                "echo \"$BUILDKITE_BRANCH\"",
                "echo '${BUILDKITE_BRANCH}' 'pr:$BUILDKITE_PULL_REQUEST'",
                "echo ${BUILDKITE_PULL_REQUEST_BASE_BRANCH:-none} ${BUILDKITE_PULL_REQUEST_BASE_BRANCH-unset}",
                "echo ${BUILDKITE_BUILD_NUMBER}-${BUILDKITE_TAG-untagged} \"${BUILDKITE_BUILD_URL}\"",
                "echo \"$$(basename $$HOME)\" $$1");
        for (Build build : BUILDS) {
            for (String command : commands) {
                String buildkite = Interpolator.interpolate(command, build.buildkite()).text().orElseThrow();
                Expansions.Rendered jenkins = Expansions.shell(command, ShellKind.SH, Set.of());
                assertThat(jenkins.problems()).as(command).isEmpty();
                assertThat(sh(jenkins.text(), build.jenkins())).as("%s on %s", command, build.jenkins())
                        .isEqualTo(sh(buildkite, Map.of("HOME", "/home/ci")));
            }
        }
        // The escapes alone: what the shell reads, not the PID that $$ would be.
        assertThat(Expansions.shell("cd $$HOME && echo \\$PATH", ShellKind.SH, Set.of()).text())
                .isEqualTo("cd $HOME && echo $PATH");
    }

    @Test
    public void envValuesAndArtifactPathsGetWhatBuildkitesUploadGaveThem() {
        List<String> values = List.of("plain", "it's \"quoted\" \\ back", "$$HOME/bin", "${BUILDKITE_BRANCH}",
                "release-${BUILDKITE_TAG:-none}", "${BUILDKITE_TAG-untagged}", "pr-${BUILDKITE_PULL_REQUEST}",
                "base-${BUILDKITE_PULL_REQUEST_BASE_BRANCH:-none}", "$HOME/dist/*.whl", "${BUILDKITE_BUILD_NUMBER}");
        for (Build build : BUILDS) {
            for (String value : values) {
                Expansions.Rendered groovy = Expansions.groovy(value);
                assertThat(groovy.problems()).as(value).isEmpty();
                Binding binding = new Binding();
                binding.setVariable("env", new LinkedHashMap<>(build.jenkins()));
                Object jenkins = new GroovyShell(binding).evaluate(groovy.text());
                assertThat(String.valueOf(jenkins)).as("%s as %s on %s", value, groovy.text(), build.jenkins())
                        .isEqualTo(Interpolator.interpolate(value, build.buildkite()).text().orElseThrow());
            }
        }
        assertThat(Expansions.groovy("${BUILDKITE_TAG:-false}").text()).isEqualTo("\"${env.TAG_NAME ?: 'false'}\"");
        assertThat(Expansions.groovy("$$HOME").text()).as("a literal is single-quoted").isEqualTo("'$HOME'");
    }

    @Test
    public void whatJenkinsCannotExpressIsAProblemWithItsColumn() {
        assertThat(Expansions.shell("echo $BUILDKITE_MESSAGE", ShellKind.SH, Set.of()).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.offset()).isEqualTo(5);
                    assertThat(p.message()).startsWith("$BUILDKITE_MESSAGE is set by Buildkite and has no Jenkins"
                            + " equivalent, so it is empty here");
                });
        assertThat(Expansions.shell("echo ${BUILDKITE_COMMIT:0:7}", ShellKind.SH, Set.of()).problems())
                .extracting(Expansions.Problem::message)
                .anyMatch(m -> m.contains("takes a substring") && m.contains("#!/bin/bash"));
        assertThat(Expansions.shell("make VERSION=$VERSION", ShellKind.SH, Set.of("VERSION")).problems())
                .singleElement().extracting(Expansions.Problem::message).asString()
                .startsWith("$VERSION is set by this step's env, which Buildkite applies after expanding the"
                        + " commands at upload");
        assertThat(Expansions.text("Build ${BUILDKITE_BRANCH} $$1", "the label"))
                .satisfies(r -> {
                    assertThat(r.text()).isEqualTo("Build ${BUILDKITE_BRANCH} $1");
                    assertThat(r.problems()).singleElement().extracting(Expansions.Problem::offset).isEqualTo(6);
                });
    }

    @Test
    public void windowsShellsReadVariablesTheirWay() {
        assertThat(Expansions.shell("sign.bat %CD% ${BUILDKITE_TAG} $$1", ShellKind.BAT, Set.of()).text())
                .isEqualTo("sign.bat %CD% %TAG_NAME% $1");
        assertThat(Expansions.shell("./build.ps1 -Tag $BUILDKITE_TAG", ShellKind.POWERSHELL, Set.of()).text())
                .isEqualTo("./build.ps1 -Tag $env:TAG_NAME");
        assertThat(Expansions.shell("echo ${BUILDKITE_TAG:-none}", ShellKind.BAT, Set.of()).problems())
                .singleElement().extracting(Expansions.Problem::message).asString()
                .startsWith("${BUILDKITE_TAG:-none} has no cmd.exe form");
    }

    /** What {@code sh -c script} prints with exactly {@code env} as its environment. */
    private static String sh(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("PATH", "/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
