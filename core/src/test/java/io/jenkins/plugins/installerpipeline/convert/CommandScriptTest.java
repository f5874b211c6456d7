package io.jenkins.plugins.installerpipeline.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import groovy.lang.GroovyShell;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Issue 14: one Buildkite step is one shell (state carries from line to line), Windows steps run in {@code bat} or
 * {@code powershell}, and {@code buildkite-agent} calls inside the scripts a step runs are reported with what to do.
 */
public class CommandScriptTest {

    private static final Pattern SHELL = Pattern.compile("(?m)^\\s*(sh|bat|powershell) ('''(.*?)'''|'((?:[^'\\\\]|\\\\.)*)')",
            Pattern.DOTALL);

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static ConversionResult convert(String yaml, ConvertOptions options) {
        ConversionResult result = JenkinsfileConverter.convert("pipeline.yml", yaml, options);
        assertThat(GroovySyntax.problems("Jenkinsfile", result.jenkinsfile().orElseThrow())).isEmpty();
        assertThat(StageOrder.violations(yaml, options)).isEmpty();
        return result;
    }

    private static ConversionResult convert(String yaml) {
        return convert(yaml, ConvertOptions.defaults());
    }

    /** A shell step of a Jenkinsfile: which step and the script it runs, as Groovy reads the literal. */
    private record Script(String step, String text) {}

    private static List<Script> scripts(String jenkinsfile) {
        List<Script> out = new ArrayList<>();
        Matcher m = SHELL.matcher(jenkinsfile);
        while (m.find()) {
            String literal = m.group(3) != null ? "'''" + m.group(3) + "'''" : "'" + m.group(4) + "'";
            // Without the line break after the opening quotes and the closing quotes' indentation.
            String text = (String) new GroovyShell().evaluate(literal);
            out.add(new Script(m.group(1), text.replaceFirst("^\n", "").replaceFirst("\n *$", "")));
        }
        return out;
    }

    private static List<String> warnings(ConversionResult result) {
        return result.diagnostics().warnings().stream().map(Diagnostic::format).toList();
    }

    // ---- one step, one shell -----------------------------------------------------------------------------------------

    @Test
    public void handOffsMoveBeforeAndAfterTheScriptSoItStaysOneShell() {
        // Kolibri's Android build (build_apk.sh) written as commands: the wheel is fetched before, the APK archived
        // after, and the export, the variable and the directory reach every line of the one sh.
        String yaml = """
                steps:
                  - label: ":android: Build APK"
                    command:
                      - mkdir -p whl
                      - buildkite-agent artifact download 'dist/*.whl' . --build $LE_TRIGGERED_FROM_BUILD_ID
                      - export KOLIBRI_ANDROID_BUILD_MODE=release
                      - VERSION=$$(cat dist/VERSION)
                      - mv dist/*.whl whl/
                      - make run_docker VERSION=$$VERSION
                      - 'echo "--- :arrow_up: Uploading"'
                      - buildkite-agent artifact upload 'dist/android/*-release.apk'
                    agents:
                      queue: android
                """;
        ConversionResult result = convert(yaml);
        String jenkinsfile = result.jenkinsfile().orElseThrow();
        assertThat(warnings(result)).isEmpty();
        assertThat(scripts(jenkinsfile)).singleElement().isEqualTo(new Script("sh", String.join("\n",
                "mkdir -p whl", "export KOLIBRI_ANDROID_BUILD_MODE=release", "VERSION=$(cat dist/VERSION)",
                "mv dist/*.whl whl/", "make run_docker VERSION=$VERSION", "echo \"--- :arrow_up: Uploading\"")));
        assertThat(jenkinsfile.indexOf("fetchUpstreamArtifacts includes: 'dist/*.whl'"))
                .isLessThan(jenkinsfile.indexOf("sh '''"));
        assertThat(jenkinsfile.indexOf("archiveArtifacts artifacts: 'dist/android/*-release.apk'"))
                .isGreaterThan(jenkinsfile.indexOf("make run_docker"));
    }

    @Test
    public void stateCarriesFromLineToLineWhenTheScriptRuns() throws Exception {
        assumeTrue("needs a POSIX shell", Files.isExecutable(Path.of("/bin/sh")));
        String yaml = """
                steps:
                  - command:
                      - mkdir -p out/sub
                      - buildkite-agent artifact download 'dist/*.whl' . --build $LE_TRIGGERED_FROM_BUILD_ID
                      - cd out/sub
                      - export GREETING=hello
                      - NAME=kolibri
                      - echo "$$GREETING $$NAME from $$(basename $$PWD)" > result.txt
                    artifact_paths: out/sub/result.txt
                """;
        List<Script> scripts = scripts(convert(yaml).jenkinsfile().orElseThrow());
        assertThat(scripts).hasSize(1);
        Path workspace = temp.newFolder("workspace").toPath();
        Process sh = new ProcessBuilder("/bin/sh", "-xe", "-c", scripts.get(0).text()).directory(workspace.toFile())
                .redirectErrorStream(true).start();
        String log = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).as(log).isZero();
        assertThat(Files.readString(workspace.resolve("out/sub/result.txt"))).isEqualTo("hello kolibri from sub\n");
    }

    @Test
    public void aHandOffInTheMiddleSplitsTheScriptAndNamesTheStateItLoses() {
        String yaml = """
                steps:
                  - label: Build and sign
                    command:
                      - export SIGNING_ID=learningequality
                      - make installer
                      - buildkite-agent artifact upload 'dist/*-unsigned.exe'
                      - make sign-installer
                """;
        ConversionResult result = convert(yaml);
        assertThat(scripts(result.jenkinsfile().orElseThrow())).extracting(Script::text)
                .containsExactly("export SIGNING_ID=learningequality\nmake installer", "make sign-installer");
        assertThat(warnings(result)).containsExactly("pipeline.yml:6:9: warning: 'Build and sign': 'buildkite-agent"
                + " artifact upload 'dist/*-unsigned.exe'' becomes a Jenkins step between two sh steps, so what the"
                + " lines before it set does not reach the lines after it (line 4 'export SIGNING_ID=learningequality'):"
                + " repeat it after the hand-off, or move the hand-off to the start or the end of the commands");
        // Without state to lose, the same split is silent.
        assertThat(warnings(convert(yaml.replace("      - export SIGNING_ID=learningequality\n", "")))).isEmpty();
    }

    @Test
    public void aHandOffAfterCdOrInsideAnIfIsFlaggedAndTheScriptStaysValid() throws Exception {
        String yaml = """
                steps:
                  - label: Build macOS app
                    command: |
                      if [ -n "$$LE_TRIGGERED_FROM_BUILD_ID" ]; then
                        buildkite-agent artifact download 'dist/*.whl' . --build "$$LE_TRIGGERED_FROM_BUILD_ID"
                      fi
                      make pyinstaller
                      cd dist
                      buildkite-agent artifact upload '*.dmg'
                """;
        ConversionResult result = convert(yaml);
        assertThat(warnings(result)).containsExactly(
                "pipeline.yml:5:9: warning: not converted in 'Build macOS app': buildkite-agent artifact download"
                        + " 'dist/*.whl' . --build \"$LE_TRIGGERED_FROM_BUILD_ID\": it runs inside a compound command"
                        + " (if, for, a block), where no Jenkins step can take its place: do the hand-off before or"
                        + " after the commands",
                "pipeline.yml:9:7: warning: not converted in 'Build macOS app': buildkite-agent artifact upload"
                        + " '*.dmg': it runs after 'cd dist' (line 8), in another directory than the workspace,"
                        + " where Jenkins steps run: do the hand-off before the cd, or with dir()");
        List<Script> scripts = scripts(result.jenkinsfile().orElseThrow());
        assertThat(scripts).singleElement().extracting(Script::text).asString()
                .contains("  true  # not converted: buildkite-agent artifact download")
                .contains("make pyinstaller\ncd dist\ntrue  # not converted: buildkite-agent artifact upload");
        assumeTrue("needs a POSIX shell", Files.isExecutable(Path.of("/bin/sh")));
        Process check = new ProcessBuilder("/bin/sh", "-n", "-c", scripts.get(0).text()).redirectErrorStream(true).start();
        assertThat(check.waitFor()).as(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }

    // ---- Windows -----------------------------------------------------------------------------------------------------

    @Test
    public void aBatchScriptRunsInBatAsBuildkitesWindowsAgentRanIt() {
        String yaml = """
                steps:
                  - label: Sign Windows installer
                    command: .buildkite\\sign_windows_installer.bat
                    agents:
                      queue: windows-sign
                  - label: Smoke test
                    commands:
                      - dir dist
                      - dist\\kolibri-setup.exe /S
                    agents:
                      os: windows
                """;
        ConversionResult result = convert(yaml, ConvertOptions.defaults().withStyle(JenkinsfileStyle.SCRIPTED));
        assertThat(scripts(result.jenkinsfile().orElseThrow())).containsExactly(
                new Script("bat", String.join("\n", "@echo off", "call .buildkite\\sign_windows_installer.bat",
                        "if %errorlevel% neq 0 exit /b %errorlevel%")),
                new Script("bat", String.join("\n", "@echo off", "dir dist",
                        "if %errorlevel% neq 0 exit /b %errorlevel%", "dist\\kolibri-setup.exe /S",
                        "if %errorlevel% neq 0 exit /b %errorlevel%")));
        assertThat(warnings(result)).noneMatch(w -> w.contains("names Windows"));
    }

    @Test
    public void aPowerShellScriptRunsInPowershell() {
        String yaml = """
                steps:
                  - command: .\\build_installer.ps1 -Version ${BUILDKITE_TAG}
                    agents:
                      queue: windows
                """;
        assertThat(scripts(convert(yaml).jenkinsfile().orElseThrow()))
                .containsExactly(new Script("powershell", ".\\build_installer.ps1 -Version $env:TAG_NAME"));
    }

    @Test
    public void aWindowsQueueWithCommandsOfEitherShellKeepsShAndSaysSo() {
        String yaml = """
                steps:
                  - label: Build installer
                    key: unsigned
                    command: make installer
                    agents:
                      queue: windows
                  - label: Build in Docker
                    command: ./build_tools/docker_build.sh
                    agents:
                      queue: windows-docker
                """;
        ConversionResult result = convert(yaml);
        assertThat(scripts(result.jenkinsfile().orElseThrow())).extracting(Script::step).containsExactly("sh", "sh");
        assertThat(warnings(result)).filteredOn(w -> w.contains("names Windows")).containsExactly(
                "pipeline.yml:2:5: warning: 'unsigned': agents queue=windows"
                + " names Windows, where Buildkite runs commands with cmd.exe; they are kept as sh, which needs a POSIX"
                + " shell on the agent: on a Windows agent, change sh to bat (or powershell)");
        assertThat(result.jenkinsfile().orElseThrow()).contains("// check: agents queue=windows names Windows");
    }

    // ---- scripts the commands run ------------------------------------------------------------------------------------

    @Test
    public void buildkiteAgentCallsInsideTheScriptsAStepRunsAreWarnedWithWhatToDo() throws IOException {
        Path checkout = StageOrderTest.KOLIBRI_2019;
        ScriptSource scripts = path -> {
            Path file = checkout.resolve(path);
            try {
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        };
        String yaml = Files.readString(checkout.resolve("pipeline.yml"));
        ConversionResult result = convert(yaml, ConvertOptions.defaults().withScripts(scripts));
        List<String> warnings = warnings(result);
        assertThat(warnings).contains(
                ".buildkite/build_whl.sh:6:1: warning: buildkite-agent artifact upload 'dist/*.whl': this script,"
                        + " which 'Build Python packages' runs (pipeline.yml:10:9), calls buildkite-agent, which a"
                        + " Jenkins agent does not have: delete it and archive dist/*.whl in the Jenkinsfile:"
                        + " archiveArtifacts after the script, or list it in the step's artifact_paths before"
                        + " converting",
                ".buildkite/build_debian_pkgs.sh:7:1: warning: buildkite-agent artifact download 'dist/*.tar.gz'"
                        + " dist/: this script, which 'deb-build' runs (pipeline.yml:27:14), calls buildkite-agent,"
                        + " which a Jenkins agent does not have: delete it and hand dist/*.tar.gz over with stash in"
                        + " the stage that makes it and unstash before the script");
        assertThat(warnings).filteredOn(w -> w.startsWith(".buildkite/sign_windows_installer.bat:")).hasSize(2);
        assertThat(warnings).filteredOn(w -> w.startsWith(".buildkite/")).hasSize(10);
        assertThat(result.jenkinsfile().orElseThrow())
                .contains("// check: .buildkite/build_whl.sh calls buildkite-agent (3 lines), which fails on Jenkins");

        // Unread scripts are named too, once each.
        ConversionResult unread = convert(yaml, ConvertOptions.defaults());
        assertThat(warnings(unread)).filteredOn(w -> w.contains("which convert could not read")).hasSize(5)
                .first().asString().startsWith("pipeline.yml:10:9: warning: 'Build Python packages': runs"
                        + " .buildkite/build_whl.sh, which convert could not read (give the checkout with --checkout"
                        + " DIR): if it calls buildkite-agent");
    }

    @Test
    public void scriptsAreFoundAfterInterpretersAndInCompoundLines() {
        assertThat(ShellSyntax.scripts("bash -e ./build.sh && make", ShellKind.SH)).containsExactly("./build.sh");
        assertThat(ShellSyntax.scripts("FOO=1 .buildkite/build_whl.sh", ShellKind.SH))
                .containsExactly(".buildkite/build_whl.sh");
        assertThat(ShellSyntax.scripts("if [ -f x ]; then source scripts/env.sh; fi", ShellKind.SH))
                .containsExactly("scripts/env.sh");
        assertThat(ShellSyntax.scripts("powershell -ExecutionPolicy Bypass -File build.ps1", ShellKind.BAT))
                .containsExactly("build.ps1");
        assertThat(ShellSyntax.scripts("make dist", ShellKind.SH)).isEmpty();
        assertThat(ShellSyntax.scripts("/usr/bin/env python3 -m build", ShellKind.SH)).isEmpty();
    }
}
