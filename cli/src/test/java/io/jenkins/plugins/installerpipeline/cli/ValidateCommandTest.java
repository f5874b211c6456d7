package io.jenkins.plugins.installerpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

/** The {@code validate} contract scripts rely on: output format and exit codes. */
public class ValidateCommandTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private String file(String name, String text) throws IOException {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    public void shippedExamplesAreValid() {
        String dir = Path.of("..", "examples", "kolibri").toString();
        int code = run("validate", dir + "/package.yml", dir + "/kolibri-android-installer.yml", dir + "/kolibri-windows.yml",
                dir + "/kolibri-macos.yml", dir + "/kolibri-debian.yml", dir + "/kolibri-raspbian-image.yml");
        assertThat(code).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    public void aDashReadsStandardInput() {
        CommandLine cl = Main.configure(new CommandLine(new ValidateCommand(() -> new java.io.ByteArrayInputStream(
                "steps:\n  - command: x\ncolour: blue\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("-")).isZero();
        assertThat(out.toString()).isEqualTo("<stdin>:3:1: warning: unknown top-level key 'colour': Buildkite ignores"
                + " it (it reads agents, checkout, env, image, notify, priority, secrets, steps)\n");
    }

    @Test
    public void warningsAloneExitZero() throws IOException {
        String f = file("w.yml", "steps:\n  - trigger: kolibri-raspbian-image\n    depends_on: deb-build\n");
        assertThat(run("validate", f)).isZero();
        assertThat(out.toString()).isEqualTo(f + ":3:17: warning: depends_on 'deb-build' names no step: Buildkite"
                + " accepts the upload, then fails the build without running this step\n");
    }

    @Test
    public void anErrorInAnyFileExitsOneAndPrintsEveryDiagnostic() throws IOException {
        String good = file("good.yml", "steps: [wait]\n");
        String bad = file("bad.yml", "steps:\n  - command: make\n    comand: test\n");
        assertThat(run("validate", good, bad)).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(
                bad + ":3:5: error: `comand` is not a valid property on the command step. Did you mean `command`?\n");
    }

    @Test
    public void invalidConditionsAndExpansionsAreReportedWhereTheyAre() throws IOException {
        String f = file("c.yml", """
                steps:
                  - block: "Build :windows:?"
                    if: LE_KOLIBRI_RELEASE == "false"
                  - command: "echo ${BROKEN"
                  - trigger: kolibri-windows
                    if: 'build.tag'
                """);
        assertThat(run("validate", f)).isEqualTo(1);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith(f + ":3:9: error: `LE_KOLIBRI_RELEASE` is not a variable");
        assertThat(lines[1]).startsWith(f + ":4:20: error: `${BROKEN` is not closed");
        assertThat(lines[2]).startsWith(f + ":6:10: error: a condition must be true or false, but `build.tag` is a string");
    }

    @Test
    public void hostileInputIsAnErrorNotACrash() throws IOException {
        String f = file("h.yml", "steps:\n  - !!java.net.URL [\"http://x\"]\n");
        assertThat(run("validate", f)).isEqualTo(1);
        assertThat(out.toString()).startsWith(f + ":2:5: error: YAML tag !!java.net.URL is not allowed");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    public void unreadableFileExitsTwo() throws IOException {
        String good = file("good.yml", "steps: [wait]\n");
        String missing = tmp.getRoot().toPath().resolve("missing.yml").toString();
        assertThat(run("validate", good, missing)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(missing + ": error: cannot read file: no such file\n");
    }

    @Test
    public void directoryExitsTwo() {
        assertThat(run("validate", tmp.getRoot().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read file: is a directory");
    }

    @Test
    public void notUtf8ExitsTwo() throws IOException {
        Path p = tmp.getRoot().toPath().resolve("latin1.yml");
        Files.write(p, new byte[] {'s', 't', 'e', 'p', 's', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(run("validate", p.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read file: not UTF-8 text");
    }

    @Test
    public void noFileIsAUsageError() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    public void helpDocumentsTheContract() {
        assertThat(run("validate", "--help")).isZero();
        assertThat(out.toString()).contains("FILE:LINE:COL: error: MESSAGE", "standard output",
                "2   usage error or unreadable file", "--max-file-size=SIZE");
        // Each leniency and refusal is listed (the help wraps lines anywhere).
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("a step key used twice",
                "invalid if conditions and ${...} expansions", "depends_on naming no step", "if_changed",
                "env as a list of KEY=VALUE", "several YAML documents", "a top-level list of steps");
    }
}
