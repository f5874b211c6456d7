package io.jenkins.plugins.installerpipeline.benchmarks;

import io.jenkins.plugins.installerpipeline.definition.DefinitionFile;
import io.jenkins.plugins.installerpipeline.definition.DefinitionReader;
import io.jenkins.plugins.installerpipeline.definition.ReadOptions;
import io.jenkins.plugins.installerpipeline.definition.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads definition files of 1, 10 and 30 MB from disk, as {@code validate} does ({@link DefinitionReader#read(Path,
 * ReadOptions)}: the bounded file read, composing, the model, validation), in three shapes: a pipeline of ordinary
 * steps one attribute a line; the same steps on one line; one command of the whole size. Prints for each the median
 * time of three reads (after one warm-up read), the peak heap during a read, and the heap the result keeps; then
 * how long refusing a 30 MB file under the default 10 MiB limit takes.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar
 * io.jenkins.plugins.installerpipeline.benchmarks.ReadSizeHarness [MB...]}; with {@code -Xmx256m} to see what fits a
 * small controller heap. "Peak heap" is the sum of the heap pools' peak usage during one read (an upper bound,
 * garbage included); "kept" is the heap in use after the read and two collections, less the heap before it.
 */
public final class ReadSizeHarness {

    private ReadSizeHarness() {}

    /** The shapes measured. */
    enum Shape { LINES, ONE_LINE, ONE_TOKEN }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] {1, 10, 30} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        ReadOptions raised = ReadOptions.defaults().withLimits(DefinitionReadBenchmark.LARGE);
        Path dir = Files.createTempDirectory("read-bench-");
        System.out.printf(Locale.ROOT, "max heap %d MiB, %d processors%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        System.out.println("shape      MB    steps   median s   min s   peak heap MiB   kept MiB   diagnostics");
        try {
            for (int mb : sizes) {
                for (Shape shape : Shape.values()) {
                    Path file = dir.resolve(shape + "-" + mb + ".yml");
                    Files.writeString(file, generate(shape, mb * 1_000_000), StandardCharsets.UTF_8);
                    measure(shape, mb, file, raised);
                    Files.delete(file);
                }
            }
            Path big = dir.resolve("big.yml");
            Files.writeString(big, generate(Shape.LINES, 30_000_000), StandardCharsets.UTF_8);
            long start = System.nanoTime();
            try {
                DefinitionReader.read(big, ReadOptions.defaults());
                System.out.println("30 MB under the default limit: read (unexpected)");
            } catch (DefinitionFile.TooLargeException e) {
                System.out.printf(Locale.ROOT, "30 MB under the default limit: refused in %.3f ms: %s%n",
                        (System.nanoTime() - start) / 1e6, e.getMessage());
            }
            Files.delete(big);
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static void measure(Shape shape, int mb, Path file, ReadOptions options) throws IOException {
        DefinitionReader.read(file, options); // warm-up: class loading and JIT
        double[] seconds = new double[3];
        long peak = 0;
        long kept = 0;
        ReadResult result = null;
        for (int i = 0; i < seconds.length; i++) {
            result = null;
            long before = HeapPeaks.usedAfterGc();
            HeapPeaks.reset();
            long start = System.nanoTime();
            result = DefinitionReader.read(file, options);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            peak = Math.max(peak, HeapPeaks.peak());
            kept = Math.max(kept, HeapPeaks.usedAfterGc() - before);
        }
        Arrays.sort(seconds);
        int steps = result.definition().map(d -> d.allSteps().size()).orElse(0);
        System.out.printf(Locale.ROOT, "%-9s %4d %8d %10.3f %7.3f %15.1f %10.1f   %d errors, %d warnings%n", shape, mb,
                steps, seconds[1], seconds[0], peak / 1048576.0, kept / 1048576.0,
                result.diagnostics().errors().size(),
                result.diagnostics().all().size() - result.diagnostics().errors().size());
    }

    /** A valid definition of about {@code bytes} bytes in the given shape. */
    static String generate(Shape shape, int bytes) {
        if (shape == Shape.ONE_TOKEN) {
            String head = "steps: [{key: only, command: \"";
            return head + "x".repeat(Math.max(1, bytes - head.length() - 4)) + "\"}]\n";
        }
        StringBuilder y = new StringBuilder(bytes + 1024);
        boolean oneLine = shape == Shape.ONE_LINE;
        y.append(oneLine ? "steps: [" : "steps:\n");
        for (int i = 0; y.length() < bytes; i++) {
            if (oneLine) {
                y.append(i == 0 ? "" : ", ").append("{key: s").append(i).append(", label: \":hammer: Build part ")
                        .append(i).append("\", command: \"make part-").append(i).append("\", agents: {queue: linux}")
                        .append(i > 0 ? ", depends_on: s" + (i - 1) : "").append(", artifact_paths: \"dist/part-")
                        .append(i).append("/*\"}");
            } else {
                y.append("  - key: s").append(i).append("\n    label: \":hammer: Build part ").append(i)
                        .append("\"\n    command: make part-").append(i).append("\n    agents: {queue: linux}\n");
                if (i > 0) {
                    y.append("    depends_on: s").append(i - 1).append('\n');
                }
                y.append("    artifact_paths: \"dist/part-").append(i).append("/*\"\n");
            }
        }
        return y.append(oneLine ? "]\n" : "").toString();
    }
}
