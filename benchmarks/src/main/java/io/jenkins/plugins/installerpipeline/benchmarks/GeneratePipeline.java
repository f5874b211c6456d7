package io.jenkins.plugins.installerpipeline.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the generated definition the benchmarks read to standard output, so whole-process runs of the command line
 * read the same text: {@code java -cp benchmarks/target/benchmarks.jar
 * io.jenkins.plugins.installerpipeline.benchmarks.GeneratePipeline 10000 > /tmp/steps-10000.yml}.
 */
public final class GeneratePipeline {

    private GeneratePipeline() {}

    /**
     * Prints the definition.
     *
     * @param args the number of steps (default 10,000)
     * @throws IOException when standard output cannot be written
     */
    public static void main(String[] args) throws IOException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        OutputStream out = System.out;
        out.write(DefinitionReadBenchmark.generated(steps).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
