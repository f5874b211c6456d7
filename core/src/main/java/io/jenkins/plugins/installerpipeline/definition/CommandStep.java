package io.jenkins.plugins.installerpipeline.definition;

import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A step that runs commands on an agent ({@code command}, {@code commands} or {@code script}; or plugins only).
 *
 * @param location         where the step starts
 * @param common           shared attributes
 * @param commands         the commands, one entry per line of a list (a multi-line string stays one entry)
 * @param env              {@code env}, in order
 * @param agents           {@code agents}
 * @param artifactPaths    {@code artifact_paths} globs ({@code a;b} strings are split)
 * @param timeoutInMinutes {@code timeout_in_minutes}
 * @param retry            {@code retry}
 * @param softFail         {@code soft_fail}
 * @param plugins          {@code plugins}, in order
 * @param matrix           {@code matrix} as a plain value (see {@link ExtraAttribute#value()})
 * @param parallelism      {@code parallelism}
 * @param concurrency      {@code concurrency} with {@code concurrency_group}
 * @param priority         {@code priority}
 */
public record CommandStep(
        SourceLocation location,
        StepCommon common,
        List<String> commands,
        Map<String, String> env,
        Agents agents,
        List<String> artifactPaths,
        Optional<Integer> timeoutInMinutes,
        Optional<Retry> retry,
        SoftFail softFail,
        List<Plugin> plugins,
        Optional<Object> matrix,
        Optional<Integer> parallelism,
        Optional<Concurrency> concurrency,
        Optional<Integer> priority) implements Step {

    public CommandStep {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(common, "common");
        commands = List.copyOf(commands);
        env = Collections2.orderedCopy(env);
        Objects.requireNonNull(agents, "agents");
        artifactPaths = List.copyOf(artifactPaths);
        Objects.requireNonNull(timeoutInMinutes, "timeoutInMinutes");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(softFail, "softFail");
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(parallelism, "parallelism");
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(priority, "priority");
    }

    @Override
    public String typeName() {
        return "command";
    }
}
