package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.context.BuildSource;
import io.jenkins.plugins.installerpipeline.context.PullRequest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The build context options shared by {@code eval}, {@code interpolate} and {@code plan}; add to a command with
 * {@code @Mixin BuildContextOptions context;} and read {@link #toBuildContext}. Options left out are unset
 * ({@code null} in conditionals), never empty strings; the values Buildkite sets when a build runs (ids, number,
 * URL, commit, message) are placeholders in interpolation until given.
 */
public final class BuildContextOptions {

    /** The option that sets each derived name a user might try to give with {@code --env}. */
    private static final Map<String, String> OPTION_OF = Map.ofEntries(
            Map.entry("BUILDKITE_TAG", "--tag"), Map.entry("BUILDKITE_BRANCH", "--branch"),
            Map.entry("BUILDKITE_COMMIT", "--commit"), Map.entry("BUILDKITE_MESSAGE", "--message"),
            Map.entry("BUILDKITE_SOURCE", "--source"), Map.entry("BUILDKITE_PULL_REQUEST", "--pull-request"),
            Map.entry("BUILDKITE_PIPELINE_SLUG", "--pipeline"), Map.entry("BUILDKITE_BUILD_ID", "--build-id"),
            Map.entry("BUILDKITE_BUILD_NUMBER", "--build-number"), Map.entry("BUILDKITE_BUILD_URL", "--build-url"),
            Map.entry("BUILDKITE_JOB_ID", "--job-id"));

    @Option(names = "--tag", paramLabel = "TAG",
            description = "The git tag being built (build.tag, BUILDKITE_TAG). Also the branch, as on Buildkite,"
                    + " unless --branch is given.")
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

    @Option(names = "--build-id", paramLabel = "ID", description = "The build's id (build.id, BUILDKITE_BUILD_ID).")
    String buildId;

    @Option(names = "--build-number", paramLabel = "N",
            description = "The build's number (build.number, BUILDKITE_BUILD_NUMBER).")
    Integer buildNumber;

    @Option(names = "--build-url", paramLabel = "URL", description = "The build's web address (BUILDKITE_BUILD_URL).")
    String buildUrl;

    @Option(names = "--job-id", paramLabel = "ID", description = "The job's id (BUILDKITE_JOB_ID).")
    String jobId;

    @Option(names = "--env", paramLabel = "NAME=VALUE", converter = NameValue.Converter.class,
            description = "A variable of the build environment; repeatable. The BUILDKITE_* names the options above"
                    + " set are theirs: give those with the options.")
    List<NameValue> environment = new ArrayList<>();

    /**
     * The build context these options describe, previewing a build that has not run: run-time values not given are
     * placeholders in interpolation. Prints a warning to {@code err} for each {@code --env} of a name the context
     * sets itself, which is ignored.
     */
    public BuildContext toBuildContext(PrintWriter err) {
        // On a tag build Buildkite sets the branch to the tag's name.
        BuildContext.Builder builder = BuildContext.builder()
                .runTimePlaceholders(true)
                .tag(tag).branch(branch != null || tag == null || tag.isBlank() ? branch : tag)
                .commit(commit).message(message).source(source)
                .pipelineSlug(pipeline).id(buildId).number(buildNumber).buildUrl(buildUrl).jobId(jobId);
        if (pullRequest != null && !pullRequest.isBlank()) {
            builder.pullRequest(PullRequest.of(pullRequest));
        }
        Map<String, String> env = NameValue.toMap(environment);
        for (String name : env.keySet()) {
            if (BuildContext.DERIVED_NAMES.contains(name)) {
                err.println("warning: --env " + name + " is ignored: the build context sets it"
                        + (OPTION_OF.containsKey(name) ? "; use " + OPTION_OF.get(name) : ""));
            }
        }
        err.flush();
        return builder.environment(env).build();
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
