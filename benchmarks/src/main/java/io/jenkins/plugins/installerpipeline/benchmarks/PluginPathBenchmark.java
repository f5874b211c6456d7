package io.jenkins.plugins.installerpipeline.benchmarks;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlannedStep;
import io.jenkins.plugins.installerpipeline.plan.Planner;
import io.jenkins.plugins.installerpipeline.plan.TriggerDependency;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * What the Jenkins steps ask of the engine, on the generated definition of {@link DefinitionReadBenchmark} for a tag
 * build (the plugin module itself needs the Jenkins repository, so its few lines around these calls are repeated
 * here):
 * <ul>
 *   <li>{@code readPipelineDefinition}: {@code Planner.plan(file, text, build)}, the plan's {@code toMap()}, and the
 *       plain copy the step returns (the plugin's {@code PlainData}: maps, lists and strings copied);</li>
 *   <li>{@code triggerInstallers}: the same plan, then for every included trigger the triggers it needs first
 *       ({@code Plan.triggerDependencies}, as {@code InstallerRequest.fromPlan} asks).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PluginPathBenchmark {

    @Param({"10000", "100000"})
    public int steps;

    private String text;
    private final BuildContext build = BuildContext.builder().tag("v1.0.0").build();

    @Setup(Level.Trial)
    public void generate() {
        text = DefinitionReadBenchmark.generated(steps);
    }

    @Benchmark
    public Object readPipelineDefinition() {
        return plain(plan().toMap());
    }

    @Benchmark
    public int triggerInstallers() {
        Plan plan = plan();
        Map<String, List<TriggerDependency>> needs = plan.triggerDependencies();
        int dependencies = 0;
        for (PlannedStep trigger : plan.includedTriggers()) {
            dependencies += needs.get(trigger.key()).size();
        }
        return dependencies;
    }

    private Plan plan() {
        return plan(text, build);
    }

    /**
     * The plan the plugin's steps make of {@code text}. The plugin reads at most 10 MiB and so refuses 100,000 steps
     * (20 MB); the engine path is measured past that limit to show how it grows.
     */
    static Plan plan(String text, BuildContext build) {
        return Planner.plan(".buildkite/pipeline.yml", text, build, DefinitionReadBenchmark.LARGE).plan()
                .orElseThrow(() -> new IllegalStateException("generated definition is invalid"));
    }

    /** A copy in plain Java types, as the step's result is kept in a CPS variable. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        return value;
    }
}
