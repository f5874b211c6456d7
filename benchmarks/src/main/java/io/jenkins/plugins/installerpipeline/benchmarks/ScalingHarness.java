package io.jenkins.plugins.installerpipeline.benchmarks;

import io.jenkins.plugins.installerpipeline.cli.Main;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How each command's work grows from 10,000 to 100,000 steps, without the heap's noise: for every command line
 * {@link CommandLineBenchmark} runs and both plugin paths {@link PluginPathBenchmark} runs, the bytes one warm run
 * allocates and the least CPU time of five warm runs of the running thread, the two sizes in turns (a collection runs
 * on other threads, so its time is not counted). Prints a Markdown table.
 *
 * <pre>java -Xms6g -Xmx6g -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar \
 *   io.jenkins.plugins.installerpipeline.benchmarks.ScalingHarness</pre>
 */
public final class ScalingHarness {

    private static final String[] COMMANDS = {"validate", "plan", "plan --format json", "plan --format dot",
            "plan --format mermaid", "convert", "convert --style scripted"};
    private static final int[] SIZES = {10_000, 100_000};
    private static final int CPU_RUNS = 5;
    private static final BuildContext TAG_BUILD = BuildContext.builder().tag("v1.0.0").build();

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ScalingHarness() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("scaling-");
        try {
            Path[] files = new Path[SIZES.length];
            String[] texts = new String[SIZES.length];
            for (int i = 0; i < SIZES.length; i++) {
                texts[i] = DefinitionReadBenchmark.generated(SIZES[i]);
                files[i] = Files.writeString(dir.resolve(SIZES[i] + ".yml"), texts[i], StandardCharsets.UTF_8);
            }
            // Warm-up: every command at the small size, so the first one measured is not also compiling the rest.
            for (int round = 0; round < 4; round++) {
                for (String command : COMMANDS) {
                    commandLine(command, files[0]).run();
                }
            }
            System.out.println("| what | allocated, 10,000 steps | 100,000 steps | ratio"
                    + " | CPU, 10,000 steps | 100,000 steps | ratio |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (String command : COMMANDS) {
                row("`installer-pipeline " + command + "`", commandLine(command, files[0]),
                        commandLine(command, files[1]));
            }
            row("plugin `readPipelineDefinition`", () -> PluginPathBenchmark.plan(texts[0], TAG_BUILD).toMap(),
                    () -> PluginPathBenchmark.plan(texts[1], TAG_BUILD).toMap());
            row("plugin `triggerInstallers`", () -> PluginPathBenchmark.plan(texts[0], TAG_BUILD).triggerDependencies(),
                    () -> PluginPathBenchmark.plan(texts[1], TAG_BUILD).triggerDependencies());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** The command line as {@link CommandLineBenchmark} runs it; it fails loudly if the command does. */
    private static Runnable commandLine(String command, Path file) {
        String[] argv = CommandLineBenchmark.argv(command, file);
        return () -> {
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            int exit = Main.commandLine(argv).setOut(sink).setErr(sink).execute(argv);
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " exited " + exit);
            }
        };
    }

    private static void row(String what, Runnable small, Runnable large) {
        long[] bytes = new long[2];
        double[] millis = {Double.MAX_VALUE, Double.MAX_VALUE};
        Runnable[] runs = {small, large};
        for (int i = 0; i < 2; i++) {
            runs[i].run();
            runs[i].run();
            long before = THREADS.getCurrentThreadAllocatedBytes();
            runs[i].run();
            bytes[i] = THREADS.getCurrentThreadAllocatedBytes() - before;
        }
        // The two sizes in turns, so that a change in the machine's load falls on both; the least CPU time of each,
        // since another process on the machine only ever adds to it (cache misses count as the thread's time).
        for (int r = 0; r < CPU_RUNS; r++) {
            for (int i = 0; i < 2; i++) {
                long start = THREADS.getCurrentThreadCpuTime();
                runs[i].run();
                millis[i] = Math.min(millis[i], (THREADS.getCurrentThreadCpuTime() - start) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %.0f MB | %.0f MB | %.1fx | %.0f ms | %.0f ms | **%.1fx** |%n", what,
                bytes[0] / 1e6, bytes[1] / 1e6, (double) bytes[1] / bytes[0], millis[0], millis[1],
                millis[1] / millis[0]);
    }
}
