package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.context.BuildSource;
import io.jenkins.plugins.installerpipeline.context.PullRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The build context options shared by {@code eval}, {@code interpolate} and {@code plan}; add to a command with
 * {@code @Mixin BuildContextOptions context;} and read {@link #toBuildContext()}. Options left out are unset
 * ({@code null} in conditionals), never empty strings.
 */
public final class BuildContextOptions {

    @Option(names = "--tag", paramLabel = "TAG", description = "The git tag being built (build.tag, BUILDKITE_TAG).")
    String tag;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "The branch being built (build.branch).")
    String branch;

    @Option(names = "--commit", paramLabel = "SHA", description = "The commit being built (build.commit).")
    String commit;

    @Option(names = "--message", paramLabel = "TEXT", description = "The build message (build.message).")
    String message;

    @Option(names = "--source", paramLabel = "SOURCE", converter = SourceConverter.class,
            description = "What started the build (build.source): webhook, ui, api, trigger_job or schedule.")
    BuildSource source;

    @Option(names = "--pull-request", paramLabel = "ID",
            description = "The pull request being built (build.pull_request.id, BUILDKITE_PULL_REQUEST).")
    String pullRequest;

    @Option(names = "--pipeline", paramLabel = "SLUG", description = "The pipeline's slug (pipeline.slug).")
    String pipeline;

    @Option(names = "--env", paramLabel = "NAME=VALUE",
            description = "A variable of the build environment; repeatable. BUILDKITE_* values derived from the "
                    + "options above take precedence.")
    Map<String, String> environment = new LinkedHashMap<>();

    /** The build context these options describe. */
    public BuildContext toBuildContext() {
        BuildContext.Builder builder = BuildContext.builder()
                .tag(tag).branch(branch).commit(commit).message(message).source(source).pipelineSlug(pipeline);
        if (pullRequest != null && !pullRequest.isBlank()) {
            builder.pullRequest(PullRequest.of(pullRequest));
        }
        return builder.environment(environment).build();
    }

    /** Accepts exactly Buildkite's spelling of a build source. */
    static final class SourceConverter implements ITypeConverter<BuildSource> {
        @Override
        public BuildSource convert(String value) {
            return BuildSource.fromValue(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a build source; use one of "
                            + Arrays.stream(BuildSource.values()).map(BuildSource::value)
                            .collect(Collectors.joining(", "))));
        }
    }
}
