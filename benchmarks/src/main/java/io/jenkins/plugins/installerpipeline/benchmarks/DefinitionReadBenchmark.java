package io.jenkins.plugins.installerpipeline.benchmarks;

import io.jenkins.plugins.installerpipeline.definition.DefinitionReader;
import io.jenkins.plugins.installerpipeline.definition.ReadLimits;
import io.jenkins.plugins.installerpipeline.definition.ReadOptions;
import io.jenkins.plugins.installerpipeline.definition.ReadResult;
import io.jenkins.plugins.installerpipeline.plan.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading and validating pipeline definitions as {@code validate} does (with {@link Planner#validationOptions()}:
 * every {@code if} and every {@code ${...}} checked): the Kolibri package pipeline and generated definitions of
 * 10,000 and 100,000 steps. Target: 10,000 steps under 200 ms on one core; 100,000 within 12x of that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DefinitionReadBenchmark {

    /**
     * Read limits for the generated definitions: 100,000 steps are 20 MB, over the 10 MiB a definition may have by
     * default ({@code --max-file-size 64MiB} on the command line).
     */
    static final ReadLimits LARGE = ReadLimits.DEFAULT.withMaxBytes(64 * 1024 * 1024);

    /**
     * What {@code validate} reads with, and a size limit above the 21 MB of 100,000 steps (the default is 10 MiB;
     * {@code validate --max-file-size} raises it the same way).
     */
    private static final ReadOptions OPTIONS = Planner.validationOptions().withLimits(LARGE);

    @Param({"kolibri", "10000", "100000"})
    public String definition;

    private String text;

    @Setup
    public void setUp() throws IOException {
        text = definition.equals("kolibri") ? kolibriPackagePipeline() : generated(Integer.parseInt(definition));
        ReadResult check = DefinitionReader.read("bench.yml", text, OPTIONS);
        if (!check.isValid()) {
            throw new IllegalStateException("benchmark input is invalid:\n" + check.diagnostics().format());
        }
    }

    @Benchmark
    public ReadResult readAndValidate() {
        return DefinitionReader.read("bench.yml", text, OPTIONS);
    }

    private static String kolibriPackagePipeline() throws IOException {
        try (InputStream in = DefinitionReadBenchmark.class.getResourceAsStream("/kolibri/package.yml")) {
            if (in == null) {
                throw new IOException("examples/kolibri/package.yml is not on the benchmark class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A definition shaped like a large real one (about 200 characters a step): keyed command steps with labels,
     * agents, artifacts and dependencies on earlier steps, some with conditions, env and timeouts; a trigger (sharing an anchored build through a merge key)
     * and a block gate every 50 steps; a wait every 100.
     */
    static String generated(int steps) {
        StringBuilder y = new StringBuilder(steps * 200);
        y.append("env:\n  PYTHON: \"3.9\"\nsteps:\n");
        y.append("  - trigger: kolibri-windows\n    key: t0\n    build: &installer_build\n")
                .append("      message: \"${BUILDKITE_MESSAGE}\"\n      env:\n")
                .append("        LE_TRIGGERED_FROM_BUILD_ID: \"${BUILDKITE_BUILD_ID}\"\n")
                .append("        LE_KOLIBRI_RELEASE: \"${BUILDKITE_TAG:-false}\"\n");
        for (int i = 1; i < steps; i++) {
            if (i % 100 == 0) {
                y.append("  - wait\n");
                continue;
            }
            if (i % 50 == 25) {
                y.append("  - block: \"Build ").append(i).append("?\"\n    key: s").append(i)
                        .append("\n    if: build.env(\"LE_KOLIBRI_RELEASE\") == \"false\"\n");
                continue;
            }
            if (i % 50 == 0) {
                y.append("  - trigger: installer-").append(i).append("\n    key: s").append(i)
                        .append("\n    depends_on: s").append(i - 1).append("\n    build:\n      <<: *installer_build\n");
                continue;
            }
            y.append("  - label: \":hammer: Build part ").append(i).append("\"\n");
            y.append("    key: s").append(i).append('\n');
            y.append("    command: make part-").append(i).append('\n');
            if (i % 10 != 1) {
                y.append("    depends_on: [s").append(i - 1).append(", {step: s").append(i - ((i - 1) % 10))
                        .append(", allow_failure: true}]\n");
            }
            y.append("    agents: {queue: linux}\n");
            y.append("    artifact_paths: \"dist/part-").append(i).append("/*\"\n");
            if (i % 5 == 0) {
                y.append("    if: build.branch == \"main\" || build.tag != null\n");
            }
            if (i % 10 == 0) {
                y.append("    env: {PART: \"").append(i).append("\"}\n    timeout_in_minutes: 30\n");
            }
        }
        return y.toString();
    }
}
