package io.jenkins.plugins.installerpipeline.condition;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.context.BuildSource;
import io.jenkins.plugins.installerpipeline.context.Creator;
import io.jenkins.plugins.installerpipeline.context.PullRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The variables and functions a build conditional can use, with their types and how each is read from a
 * {@link BuildContext}. Values are {@code String}, {@code Long}, {@code Boolean}, {@code List<String>}, or
 * {@code null} for unset. Documented Buildkite variables this project does not model (such as
 * {@code build.state}) are accepted and always {@code null}, so a valid Buildkite condition stays valid here.
 */
final class Variables {

    /** One variable: its type and how to read it. */
    record Variable(String name, ValueType type, Function<BuildContext, Object> reader) {
    }

    /** Function names, for messages. */
    static final Set<String> FUNCTIONS = Set.of("env", "build.env");

    /** The {@code BUILDKITE_*} names the server lets a condition read (buildkite/conditional's allowlist). */
    static final Set<String> SUPPORTED_BUILDKITE_ENV = Set.of(
            "BUILDKITE_BRANCH", "BUILDKITE_TAG", "BUILDKITE_MESSAGE", "BUILDKITE_COMMIT", "BUILDKITE_PIPELINE_SLUG",
            "BUILDKITE_PIPELINE_NAME", "BUILDKITE_PIPELINE_ID", "BUILDKITE_ORGANIZATION_SLUG",
            "BUILDKITE_TRIGGERED_FROM_BUILD_ID", "BUILDKITE_TRIGGERED_FROM_BUILD_NUMBER",
            "BUILDKITE_TRIGGERED_FROM_BUILD_PIPELINE_SLUG", "BUILDKITE_TRIGGERED_FROM_BUILD_JOB_ID",
            "BUILDKITE_REBUILT_FROM_BUILD_ID", "BUILDKITE_REBUILT_FROM_BUILD_NUMBER", "BUILDKITE_REPO",
            "BUILDKITE_PULL_REQUEST", "BUILDKITE_PULL_REQUEST_BASE_BRANCH", "BUILDKITE_PULL_REQUEST_REPO",
            "BUILDKITE_PULL_REQUEST_USING_MERGE_REFSPEC", "BUILDKITE_MERGE_QUEUE_BASE_BRANCH",
            "BUILDKITE_MERGE_QUEUE_BASE_COMMIT", "BUILDKITE_GIT_DIFF_BASE", "BUILDKITE_GITHUB_ACTION",
            "BUILDKITE_GITHUB_COMMENT_ID", "BUILDKITE_GITHUB_DEPLOYMENT_ID", "BUILDKITE_GITHUB_DEPLOYMENT_TASK",
            "BUILDKITE_GITHUB_DEPLOYMENT_ENVIRONMENT", "BUILDKITE_GITHUB_DEPLOYMENT_PAYLOAD",
            "BUILDKITE_GITHUB_EVENT", "BUILDKITE_GITHUB_REVIEW_ID", "BUILDKITE_GITHUB_CHECK_RUN_CONCLUSION",
            "BUILDKITE_GITHUB_CHECK_RUN_NAME", "BUILDKITE_GITHUB_DEPLOYMENT_STATUS_ENVIRONMENT",
            "BUILDKITE_GITHUB_DEPLOYMENT_STATUS_STATE", "BUILDKITE_GITHUB_RELEASE_DRAFT",
            "BUILDKITE_GITHUB_RELEASE_PRERELEASE", "BUILDKITE_GITHUB_RELEASE_TAG", "BUILDKITE_GITHUB_REVIEW_STATE");

    private static final Map<String, Variable> ALL = table();

    private Variables() {
    }

    static Optional<Variable> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    private static Map<String, Variable> table() {
        Map<String, Variable> t = new LinkedHashMap<>();
        add(t, "build.id", ValueType.STRING, c -> c.id().orElse(null));
        add(t, "build.source", ValueType.enumeration("build.source", "api", "ui", "webhook", "trigger_job",
                "schedule", "pipeline_trigger"), c -> c.source().map(BuildSource::value).orElse(null));
        add(t, "build.branch", ValueType.STRING, c -> c.branch().orElse(null));
        // The server reads tag and message as null when blank.
        add(t, "build.tag", ValueType.STRING, c -> present(c.tag()));
        add(t, "build.message", ValueType.STRING, c -> present(c.message()));
        add(t, "build.commit", ValueType.STRING, c -> c.commit().orElse(null));
        add(t, "build.number", ValueType.NUMBER, c -> c.number().map(Integer::longValue).orElse(null));
        add(t, "build.creator.name", ValueType.STRING, c -> c.creator().flatMap(Creator::name).orElse(null));
        add(t, "build.creator.email", ValueType.STRING, c -> c.creator().flatMap(Creator::email).orElse(null));
        add(t, "build.creator.teams", ValueType.STRING_ARRAY, c -> c.creator().map(Creator::teams).orElse(null));
        add(t, "build.pull_request.id", ValueType.STRING, c -> c.pullRequest().map(PullRequest::id).orElse(null));
        add(t, "build.pull_request.base_branch", ValueType.STRING,
                c -> c.pullRequest().flatMap(PullRequest::baseBranch).orElse(null));
        add(t, "build.pull_request.repository", ValueType.STRING,
                c -> c.pullRequest().flatMap(PullRequest::repository).orElse(null));
        add(t, "build.pull_request.draft", ValueType.BOOLEAN,
                c -> c.pullRequest().flatMap(PullRequest::draft).orElse(null));
        add(t, "pipeline.slug", ValueType.STRING, c -> c.pipelineSlug().orElse(null));
        add(t, "pipeline.default_branch", ValueType.STRING, c -> present(c.pipelineDefaultBranch()));
        add(t, "pipeline.repository", ValueType.STRING, c -> present(c.pipelineRepository()));
        add(t, "organization.slug", ValueType.STRING, c -> c.organizationSlug().orElse(null));

        // Documented by Buildkite, not modelled here: valid, always null.
        for (String name : List.of("build.source_event", "build.source_action", "build.creator.id",
                "build.author.id", "build.author.name", "build.author.email", "build.scm.author.name",
                "build.scm.author.email", "build.scm.committer.name", "build.scm.committer.email",
                "build.pull_request.label", "build.merge_queue.base_branch", "build.merge_queue.base_commit",
                "pipeline.id", "organization.id")) {
            add(t, name, ValueType.STRING, c -> null);
        }
        for (String name : List.of("build.fixed", "build.creator.verified", "build.pull_request.repository.fork",
                "pipeline.started_passing", "pipeline.started_failing", "pipeline.next_finished_build_exists")) {
            add(t, name, ValueType.BOOLEAN, c -> null);
        }
        for (String name : List.of("build.author.teams", "build.pull_request.labels")) {
            add(t, name, ValueType.STRING_ARRAY, c -> null);
        }
        add(t, "build.state", ValueType.enumeration("build.state", "creating", "started", "running", "scheduled",
                "blocked", "passed", "failing", "failed", "canceling", "canceled", "skipped", "not_run"), c -> null);
        add(t, "build.blocked_state", ValueType.enumeration("build.blocked_state", "failed", "passed", "running"),
                c -> null);
        return Map.copyOf(t);
    }

    private static void add(Map<String, Variable> table, String name, ValueType type,
                            Function<BuildContext, Object> reader) {
        table.put(name, new Variable(name, type, reader));
    }

    private static String present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).orElse(null);
    }
}
