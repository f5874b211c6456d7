package io.jenkins.plugins.installerpipeline.benchmarks;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.definition.DefinitionReader;
import io.jenkins.plugins.installerpipeline.definition.PipelineDefinition;
import io.jenkins.plugins.installerpipeline.plan.PlanResult;
import io.jenkins.plugins.installerpipeline.plan.Planner;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning a generated definition of {@code steps} command steps with two dependency edges each (so 10,000 steps
 * carry 20,000 edges), a {@code wait} every 100 steps and an {@code if} on every tenth step. {@code plan} measures
 * planning an already-read definition; {@code graphAndPlan} also makes the definition's step graph, as reading
 * does; {@code readAndPlan} the whole path from YAML text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlanBenchmark {


    @Param({"10000", "100000"})
    public int steps;

    private String yaml;
    private PipelineDefinition definition;
    private final BuildContext context = BuildContext.builder().branch("main").tag("v1.0.0").build();

    @Setup(Level.Trial)
    public void generate() {
        yaml = generate(steps);
        definition = DefinitionReader.read("generated.yml", yaml,
                Planner.buildOptions(context).withLimits(DefinitionReadBenchmark.LARGE))
                .definition().orElseThrow(() -> new IllegalStateException("generated definition is invalid"));
    }

    /** {@code n} steps; step i depends on steps i-1 and i-2 (after the first two). */
    static String generate(int n) {
        StringBuilder out = new StringBuilder(n * 80).append("steps:\n");
        for (int i = 0; i < n; i++) {
            if (i > 0 && i % 100 == 0) {
                out.append("  - wait\n");
            }
            out.append("  - label: \"Step ").append(i).append("\"\n    key: s").append(i)
                    .append("\n    command: \"make part-").append(i).append("\"\n");
            if (i >= 2) {
                out.append("    depends_on: [s").append(i - 1).append(", s").append(i - 2).append("]\n");
            }
            if (i % 10 == 0) {
                out.append("    if: build.tag != null || build.branch == \"main\"\n");
            }
        }
        return out.toString();
    }

    @Benchmark
    public PlanResult plan() {
        return Planner.plan(definition, context);
    }

    /**
     * {@link #plan} plus making the definition's {@code StepGraph} from its step records, which reading does once
     * and {@code plan} reuses: the planner's whole cost as it was before the graph existed.
     */
    @Benchmark
    public PlanResult graphAndPlan() {
        PipelineDefinition remade = new PipelineDefinition(definition.file(), definition.steps(), definition.env(),
                definition.agents(), definition.notifications(), definition.extras());
        return Planner.plan(remade, context);
    }

    @Benchmark
    public PlanResult readAndPlan() {
        return Planner.plan("generated.yml", yaml, context, DefinitionReadBenchmark.LARGE);
    }
}
