package io.jenkins.plugins.installerpipeline.benchmarks;

import io.jenkins.plugins.installerpipeline.condition.Compilation;
import io.jenkins.plugins.installerpipeline.condition.Condition;
import io.jenkins.plugins.installerpipeline.condition.Evaluation;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.context.BuildSource;
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
 * The Kolibri conditions: parse + check + evaluate from text, and evaluation of an already-compiled condition
 * (target: under 2 µs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConditionBenchmark {

    @Param({
        "build.tag != null",
        "build.env(\"LE_KOLIBRI_RELEASE\") == \"false\"",
        "build.source == \"trigger_job\" && build.env(\"LE_KOLIBRI_RELEASE\") == \"false\"",
        "build.branch =~ /^release-v\\d+\\.\\d+\\.x$/"
    })
    public String expression;

    private Condition condition;
    private BuildContext context;

    @Setup
    public void setUp() {
        context = BuildContext.builder()
                .branch("release-v0.16.x").commit("0123456789abcdef").message("Merge pull request #1234")
                .source(BuildSource.TRIGGER_JOB).pipelineSlug("kolibri-windows")
                .env("LE_KOLIBRI_RELEASE", "false").env("LE_TRIGGERED_FROM_BUILD_ID", "build-uuid")
                .build();
        condition = ((Compilation.Valid) Condition.compile(expression)).condition();
    }

    @Benchmark
    public Evaluation evaluateCompiled() {
        return condition.evaluate(context);
    }

    @Benchmark
    public Evaluation parseCheckEvaluate() {
        return ((Compilation.Valid) Condition.compile(expression)).condition().evaluate(context);
    }
}
