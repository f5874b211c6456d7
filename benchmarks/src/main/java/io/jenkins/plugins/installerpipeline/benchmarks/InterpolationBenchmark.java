package io.jenkins.plugins.installerpipeline.benchmarks;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.interpolation.InterpolationResult;
import io.jenkins.plugins.installerpipeline.interpolation.Interpolator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Upload-time interpolation of the Kolibri trigger values (parse + expand of one string value). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterpolationBenchmark {

    private BuildContext context;

    @Setup
    public void setUp() {
        context = BuildContext.builder().branch("develop").message("Merge pull request #1234")
                .id("build-uuid").jobId("job-uuid").build();
    }

    @Benchmark
    public InterpolationResult releaseTagDefault() {
        return Interpolator.interpolate("${BUILDKITE_TAG:-false}", context);
    }

    @Benchmark
    public InterpolationResult buildMessage() {
        return Interpolator.interpolate("${BUILDKITE_MESSAGE}", context);
    }
}
