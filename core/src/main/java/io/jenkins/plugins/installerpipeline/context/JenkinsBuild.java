package io.jenkins.plugins.installerpipeline.context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts the Jenkins plugin reads off a Jenkins build, as plain values, and the rules that turn them into the
 * engine's {@link BuildContext}. Keeping the rules here, away from Jenkins types, lets them be tested without
 * Jenkins; the plugin only gathers the facts.
 *
 * @param jobFullName       the job's full name ({@code folder/kolibri/develop})
 * @param pipelineName      the name the pipeline is known by: a multibranch project's name for its branch jobs,
 *                          else the job's own name (becomes {@code pipeline.slug})
 * @param number            the build number
 * @param url               the build's absolute URL, if Jenkins knows its root URL
 * @param flowNodeId        the id of the Pipeline step asking, if any (qualifies {@code BUILDKITE_JOB_ID})
 * @param tagName           {@code TAG_NAME}, or the name of a {@code TagSCMHead}
 * @param branchName        {@code BRANCH_NAME} (for pull requests Jenkins sets {@code PR-12})
 * @param changeId          {@code CHANGE_ID}: the pull request number
 * @param changeBranch      {@code CHANGE_BRANCH}: the pull request's head branch
 * @param changeTarget      {@code CHANGE_TARGET}: the pull request's base branch
 * @param changeUrl         {@code CHANGE_URL}
 * @param commit            the revision from {@code SCMRevisionAction}, else {@code GIT_COMMIT}
 * @param commitMessage     the commit message, if known
 * @param repositoryUrl     the repository the job builds, if known
 * @param primaryBranch     the repository's primary branch, if known
 * @param causes            why the build started, in Jenkins's order
 * @param environment       the build's environment as Jenkins computes it
 * @param trigger           what a triggering orchestration handed this build, if one did
 */
public record JenkinsBuild(
        String jobFullName,
        String pipelineName,
        int number,
        Optional<String> url,
        Optional<String> flowNodeId,
        Optional<String> tagName,
        Optional<String> branchName,
        Optional<String> changeId,
        Optional<String> changeBranch,
        Optional<String> changeTarget,
        Optional<String> changeUrl,
        Optional<String> commit,
        Optional<String> commitMessage,
        Optional<String> repositoryUrl,
        Optional<String> primaryBranch,
        List<StartCause> causes,
        Map<String, String> environment,
        Optional<TriggerMetadata> trigger) {

    public JenkinsBuild {
        Objects.requireNonNull(jobFullName, "jobFullName");
        Objects.requireNonNull(pipelineName, "pipelineName");
        causes = List.copyOf(causes);
        environment = Map.copyOf(environment);
    }

    /** {@code BUILDKITE_BUILD_ID}: the run's externalizable id, {@code full/name#number}. */
    public String buildId() {
        return jobFullName + "#" + number;
    }

    /**
     * The build context, by these rules:
     * <ul>
     *   <li>tag: the build's own tag, else the release tag the orchestration handed it, so an installer build of a
     *       release knows it is one;</li>
     *   <li>branch: a pull request's head branch ({@code CHANGE_BRANCH}), else the trigger's branch, else
     *       {@code BRANCH_NAME} (for a tag build, the tag's name, as on Buildkite);</li>
     *   <li>commit: the build's own, else the trigger's; message: the trigger's (as on Buildkite, where a triggered
     *       build's message is the trigger's {@code build.message}), else the build's own;</li>
     *   <li>source: {@code trigger_job} when an upstream build started it, else from the first cause;</li>
     *   <li>ids: {@code BUILDKITE_BUILD_ID} is {@code job#number}, {@code BUILDKITE_JOB_ID} that qualified by the
     *       Pipeline step's flow node id;</li>
     *   <li>environment: the build's environment with the trigger's variables over it.</li>
     * </ul>
     */
    public BuildContext toBuildContext() {
        Optional<TriggerMetadata> handed = trigger;
        Map<String, String> env = new LinkedHashMap<>(environment);
        handed.ifPresent(t -> env.putAll(t.environment()));
        BuildContext.Builder context = BuildContext.builder()
                .id(buildId())
                .number(number)
                .pipelineSlug(pipelineName)
                .source(source())
                .environment(env);
        tagName.or(() -> handed.flatMap(TriggerMetadata::releaseTag)).ifPresent(context::tag);
        changeBranch.or(() -> handed.flatMap(TriggerMetadata::branch)).or(() -> branchName).ifPresent(context::branch);
        commit.or(() -> handed.flatMap(TriggerMetadata::commit)).ifPresent(context::commit);
        handed.flatMap(TriggerMetadata::message).filter(m -> !m.isBlank()).or(() -> commitMessage)
                .ifPresent(context::message);
        url.ifPresent(context::buildUrl);
        flowNodeId.ifPresent(node -> context.jobId(buildId() + ":" + node));
        repositoryUrl.ifPresent(context::pipelineRepository);
        primaryBranch.ifPresent(context::pipelineDefaultBranch);
        changeId.ifPresent(id -> context.pullRequest(new PullRequest(id, changeTarget, repositoryUrl, Optional.empty())));
        return context.build();
    }

    /** {@code build.source}: an upstream cause wins, since a triggered build may also carry a user cause on re-run. */
    public BuildSource source() {
        if (causes.contains(StartCause.UPSTREAM) || trigger.isPresent()) {
            return BuildSource.TRIGGER_JOB;
        }
        return causes.stream().findFirst().orElse(StartCause.OTHER).source();
    }
}
