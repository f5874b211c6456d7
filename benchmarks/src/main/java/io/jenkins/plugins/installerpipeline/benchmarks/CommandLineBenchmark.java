package io.jenkins.plugins.installerpipeline.benchmarks;

import io.jenkins.plugins.installerpipeline.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The command line end to end, in one JVM: each operation runs {@code installer-pipeline COMMAND FILE} through the
 * same {@link Main#commandLine(String...)} the runnable jar runs (argument parsing, reading the file, reading and checking the
 * definition with the command's own options, planning, rendering or converting, printing), with standard output and
 * error written to a sink. The file is the generated definition of {@link DefinitionReadBenchmark} with
 * {@code steps} steps, written to {@code java.io.tmpdir} and deleted at the end; the plan is for a tag build, so the
 * conditional block steps are left out and the triggers are planned.
 *
 * <p>The whole-process figures (JVM start-up and compilation included) are measured outside JMH; see
 * {@code docs/performance.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CommandLineBenchmark {

    /** The generated definition's size in steps. */
    @Param({"10000", "100000"})
    public int steps;

    /** The command and its options, the file following. */
    @Param({"validate", "plan", "plan --format json", "plan --format dot", "plan --format mermaid", "convert",
            "convert --style scripted"})
    public String command;

    private Path file;
    private String[] args;

    @Setup(Level.Trial)
    public void writeDefinition() throws IOException {
        file = Files.createTempFile("installer-pipeline-bench-", ".yml");
        Files.writeString(file, DefinitionReadBenchmark.generated(steps), StandardCharsets.UTF_8);
        args = argv(command, file);
        StringWriter err = new StringWriter();
        int exit = run(new PrintWriter(Writer.nullWriter()), new PrintWriter(err));
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + exit + ":\n" + err);
        }
    }

    /** The command line for {@code command} on {@code file}: a tag build for {@code plan}, the size limit raised. */
    static String[] argv(String command, Path file) {
        List<String> words = new ArrayList<>(Arrays.asList(command.split(" ")));
        // 100,000 steps are 20 MB, over the 10 MiB a definition may have by default.
        words.addAll(List.of("--max-file-size", "64MiB", file.toString()));
        if (command.startsWith("plan")) {
            words.addAll(List.of("--tag", "v1.0.0"));
        }
        return words.toArray(new String[0]);
    }

    @TearDown(Level.Trial)
    public void deleteDefinition() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public int run() {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        return run(sink, sink);
    }

    private int run(PrintWriter out, PrintWriter err) {
        return Main.commandLine(args).setOut(out).setErr(err).execute(args);
    }
}
