package io.jenkins.plugins.installerpipeline.context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What is known about one build: the values behind Buildkite's {@code build.*}, {@code pipeline.*} and
 * {@code organization.*} variables, and the build environment. Unset values are empty, never blank strings: a
 * blank tag is no tag.
 *
 * <p>Immutable and thread-safe. The effective {@link #environment()} is computed once, when the context is
 * built, so conditions and interpolation read it without copying.
 */
public final class BuildContext {

    /**
     * The {@code BUILDKITE_*} (and {@code CI}) names this context owns. A caller-supplied value of one of these
     * names is always replaced by the context's value, or removed when the context has none: a build environment
     * cannot claim a tag the build does not have.
     */
    public static final Set<String> DERIVED_NAMES = Set.of(
            "BUILDKITE", "CI",
            "BUILDKITE_TAG", "BUILDKITE_BRANCH", "BUILDKITE_COMMIT", "BUILDKITE_MESSAGE", "BUILDKITE_SOURCE",
            "BUILDKITE_BUILD_ID", "BUILDKITE_BUILD_NUMBER", "BUILDKITE_BUILD_URL", "BUILDKITE_JOB_ID",
            "BUILDKITE_PULL_REQUEST", "BUILDKITE_PULL_REQUEST_BASE_BRANCH", "BUILDKITE_PULL_REQUEST_REPO",
            "BUILDKITE_PULL_REQUEST_DRAFT",
            "BUILDKITE_PIPELINE_SLUG", "BUILDKITE_PIPELINE_DEFAULT_BRANCH", "BUILDKITE_REPO",
            "BUILDKITE_ORGANIZATION_SLUG",
            "BUILDKITE_BUILD_CREATOR", "BUILDKITE_BUILD_CREATOR_EMAIL", "BUILDKITE_BUILD_CREATOR_TEAMS");

    private final Optional<String> tag;
    private final Optional<String> branch;
    private final Optional<String> commit;
    private final Optional<String> message;
    private final Optional<BuildSource> source;
    private final Optional<String> id;
    private final Optional<Integer> number;
    private final Optional<String> jobId;
    private final Optional<String> buildUrl;
    private final Optional<PullRequest> pullRequest;
    private final Optional<Creator> creator;
    private final Optional<String> pipelineSlug;
    private final Optional<String> pipelineDefaultBranch;
    private final Optional<String> pipelineRepository;
    private final Optional<String> organizationSlug;
    private final Map<String, String> buildEnvironment;
    private final Map<String, String> environment;
    private final boolean runTimePlaceholders;
    private final Map<String, String> placeholders;
    private final Map<String, String> interpolationEnvironment;

    private BuildContext(Builder b) {
        tag = b.tag.filter(t -> !t.isBlank());
        branch = b.branch;
        commit = b.commit;
        message = b.message;
        source = b.source;
        id = b.id;
        number = b.number;
        jobId = b.jobId;
        buildUrl = b.buildUrl;
        pullRequest = b.pullRequest;
        creator = b.creator;
        pipelineSlug = b.pipelineSlug;
        pipelineDefaultBranch = b.pipelineDefaultBranch;
        pipelineRepository = b.pipelineRepository;
        organizationSlug = b.organizationSlug;
        buildEnvironment = Map.copyOf(b.environment);
        environment = effective();
        runTimePlaceholders = b.runTimePlaceholders;
        placeholders = placeholders();
        if (placeholders.isEmpty()) {
            interpolationEnvironment = environment;
        } else {
            Map<String, String> interpolation = new TreeMap<>(environment);
            interpolation.putAll(placeholders);
            interpolationEnvironment = Map.copyOf(interpolation);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A context with nothing set: no tag, no branch, an empty environment (apart from {@code BUILDKITE}, {@code CI}). */
    public static BuildContext empty() {
        return builder().build();
    }

    /** A builder holding this context's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.tag = tag;
        b.branch = branch;
        b.commit = commit;
        b.message = message;
        b.source = source;
        b.id = id;
        b.number = number;
        b.jobId = jobId;
        b.buildUrl = buildUrl;
        b.pullRequest = pullRequest;
        b.creator = creator;
        b.pipelineSlug = pipelineSlug;
        b.pipelineDefaultBranch = pipelineDefaultBranch;
        b.pipelineRepository = pipelineRepository;
        b.organizationSlug = organizationSlug;
        b.environment.putAll(buildEnvironment);
        b.runTimePlaceholders = runTimePlaceholders;
        return b;
    }

    /** {@code build.tag}: the git tag being built; empty when the build is not for a tag. */
    public Optional<String> tag() {
        return tag;
    }

    /** {@code build.branch}. */
    public Optional<String> branch() {
        return branch;
    }

    /** {@code build.commit}. */
    public Optional<String> commit() {
        return commit;
    }

    /** {@code build.message}. */
    public Optional<String> message() {
        return message;
    }

    /** {@code build.source}. */
    public Optional<BuildSource> source() {
        return source;
    }

    /** {@code build.id}: the build's UUID. */
    public Optional<String> id() {
        return id;
    }

    /** {@code build.number}. */
    public Optional<Integer> number() {
        return number;
    }

    /** The current job's id ({@code BUILDKITE_JOB_ID}); not a conditional variable. */
    public Optional<String> jobId() {
        return jobId;
    }

    /** The build's web address ({@code BUILDKITE_BUILD_URL}); not a conditional variable. */
    public Optional<String> buildUrl() {
        return buildUrl;
    }

    /** {@code build.pull_request.*}; empty when the build is not for a pull request. */
    public Optional<PullRequest> pullRequest() {
        return pullRequest;
    }

    /** {@code build.creator.*}. */
    public Optional<Creator> creator() {
        return creator;
    }

    /** {@code pipeline.slug}. */
    public Optional<String> pipelineSlug() {
        return pipelineSlug;
    }

    /** {@code pipeline.default_branch}. */
    public Optional<String> pipelineDefaultBranch() {
        return pipelineDefaultBranch;
    }

    /** {@code pipeline.repository}. */
    public Optional<String> pipelineRepository() {
        return pipelineRepository;
    }

    /** {@code organization.slug}. */
    public Optional<String> organizationSlug() {
        return organizationSlug;
    }

    /** The caller-supplied build environment, exactly as given (before the derived values are applied). */
    public Map<String, String> buildEnvironment() {
        return buildEnvironment;
    }

    /**
     * The environment both languages read ({@code env()}, {@code build.env()}, {@code $VAR}): the build
     * environment with the values derived from this context ({@link #DERIVED_NAMES}) applied over it. Names the
     * context owns but has no value for are absent (no tag: no {@code BUILDKITE_TAG}), except
     * {@code BUILDKITE_PULL_REQUEST}, which is {@code false} when the build is not for a pull request, as the
     * agent sets it. Computed once; the returned map is immutable.
     */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Whether this context previews a build that has not run: then {@link #interpolationEnvironment()} shows the
     * {@link RunTimeValue}s it lacks as placeholders.
     */
    public boolean hasRunTimePlaceholders() {
        return runTimePlaceholders;
    }

    /**
     * The placeholders in effect, in {@link RunTimeValue} order, by variable name ({@code BUILDKITE_BUILD_ID} to
     * {@code <build id, set when the build runs>}): the {@link RunTimeValue}s this context has no value for, when it
     * {@linkplain #hasRunTimePlaceholders() previews} a build; empty otherwise.
     */
    public Map<String, String> runTimePlaceholders() {
        return placeholders;
    }

    /**
     * The environment upload-time interpolation reads ({@code ${BUILDKITE_BUILD_ID}}): {@link #environment()} plus
     * the {@link #runTimePlaceholders()}. Conditions read {@link #environment()}, where an unknown value is unset.
     */
    public Map<String, String> interpolationEnvironment() {
        return interpolationEnvironment;
    }

    private Map<String, String> placeholders() {
        if (!runTimePlaceholders) {
            return Map.of();
        }
        Map<String, String> unknown = new LinkedHashMap<>();
        for (RunTimeValue value : RunTimeValue.values()) {
            String current = environment.get(value.variable());
            if (current == null || current.isEmpty()) {
                unknown.put(value.variable(), value.placeholder());
            }
        }
        return Collections.unmodifiableMap(unknown);
    }

    private Map<String, String> effective() {
        Map<String, String> env = new TreeMap<>(buildEnvironment);
        env.keySet().removeAll(DERIVED_NAMES);
        env.put("BUILDKITE", "true");
        env.put("CI", "true");
        tag.ifPresent(v -> env.put("BUILDKITE_TAG", v));
        branch.ifPresent(v -> env.put("BUILDKITE_BRANCH", v));
        commit.ifPresent(v -> env.put("BUILDKITE_COMMIT", v));
        message.ifPresent(v -> env.put("BUILDKITE_MESSAGE", v));
        source.ifPresent(v -> env.put("BUILDKITE_SOURCE", v.value()));
        id.ifPresent(v -> env.put("BUILDKITE_BUILD_ID", v));
        number.ifPresent(v -> env.put("BUILDKITE_BUILD_NUMBER", Integer.toString(v)));
        buildUrl.ifPresent(v -> env.put("BUILDKITE_BUILD_URL", v));
        jobId.ifPresent(v -> env.put("BUILDKITE_JOB_ID", v));
        // The agent sets these three even outside pull requests: "false" and two empty strings.
        env.put("BUILDKITE_PULL_REQUEST", pullRequest.map(PullRequest::id).orElse("false"));
        env.put("BUILDKITE_PULL_REQUEST_BASE_BRANCH", pullRequest.flatMap(PullRequest::baseBranch).orElse(""));
        env.put("BUILDKITE_PULL_REQUEST_REPO", pullRequest.flatMap(PullRequest::repository).orElse(""));
        pullRequest.flatMap(PullRequest::draft).ifPresent(v -> env.put("BUILDKITE_PULL_REQUEST_DRAFT", v.toString()));
        pipelineSlug.ifPresent(v -> env.put("BUILDKITE_PIPELINE_SLUG", v));
        pipelineDefaultBranch.ifPresent(v -> env.put("BUILDKITE_PIPELINE_DEFAULT_BRANCH", v));
        pipelineRepository.ifPresent(v -> env.put("BUILDKITE_REPO", v));
        organizationSlug.ifPresent(v -> env.put("BUILDKITE_ORGANIZATION_SLUG", v));
        creator.flatMap(Creator::name).ifPresent(v -> env.put("BUILDKITE_BUILD_CREATOR", v));
        creator.flatMap(Creator::email).ifPresent(v -> env.put("BUILDKITE_BUILD_CREATOR_EMAIL", v));
        creator.filter(c -> !c.teams().isEmpty())
                .ifPresent(c -> env.put("BUILDKITE_BUILD_CREATOR_TEAMS", String.join(":", c.teams())));
        return Map.copyOf(env);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BuildContext other && fields().equals(other.fields());
    }

    @Override
    public int hashCode() {
        return fields().hashCode();
    }

    private List<Object> fields() {
        return List.of(tag, branch, commit, message, source, id, number, jobId, buildUrl, pullRequest, creator,
                pipelineSlug, pipelineDefaultBranch, pipelineRepository, organizationSlug, buildEnvironment,
                runTimePlaceholders);
    }

    @Override
    public String toString() {
        return "BuildContext[tag=" + tag + ", branch=" + branch + ", commit=" + commit + ", source=" + source
                + ", pullRequest=" + pullRequest + ", pipelineSlug=" + pipelineSlug + ", environment="
                + new TreeMap<>(buildEnvironment) + "]";
    }

    /** Collects a context's values; every setter replaces the previous value, {@code null} meaning unset. */
    public static final class Builder {
        private Optional<String> tag = Optional.empty();
        private Optional<String> branch = Optional.empty();
        private Optional<String> commit = Optional.empty();
        private Optional<String> message = Optional.empty();
        private Optional<BuildSource> source = Optional.empty();
        private Optional<String> id = Optional.empty();
        private Optional<Integer> number = Optional.empty();
        private Optional<String> jobId = Optional.empty();
        private Optional<String> buildUrl = Optional.empty();
        private Optional<PullRequest> pullRequest = Optional.empty();
        private Optional<Creator> creator = Optional.empty();
        private Optional<String> pipelineSlug = Optional.empty();
        private Optional<String> pipelineDefaultBranch = Optional.empty();
        private Optional<String> pipelineRepository = Optional.empty();
        private Optional<String> organizationSlug = Optional.empty();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private boolean runTimePlaceholders;

        private Builder() {
        }

        /**
         * Whether the context previews a build that has not run yet, so that interpolation shows the
         * {@link RunTimeValue}s it has no value for as placeholders instead of empty strings (the command line's
         * {@code plan}). Off by default: a running build (the Jenkins plugin) has its real values, and an unset one is
         * empty there, as on Buildkite.
         */
        public Builder runTimePlaceholders(boolean value) {
            runTimePlaceholders = value;
            return this;
        }

        /** The tag being built; {@code null} or blank means the build is not for a tag. */
        public Builder tag(String value) {
            tag = Optional.ofNullable(value);
            return this;
        }

        public Builder branch(String value) {
            branch = Optional.ofNullable(value);
            return this;
        }

        public Builder commit(String value) {
            commit = Optional.ofNullable(value);
            return this;
        }

        public Builder message(String value) {
            message = Optional.ofNullable(value);
            return this;
        }

        public Builder source(BuildSource value) {
            source = Optional.ofNullable(value);
            return this;
        }

        public Builder id(String value) {
            id = Optional.ofNullable(value);
            return this;
        }

        public Builder number(Integer value) {
            number = Optional.ofNullable(value);
            return this;
        }

        public Builder jobId(String value) {
            jobId = Optional.ofNullable(value);
            return this;
        }

        public Builder buildUrl(String value) {
            buildUrl = Optional.ofNullable(value);
            return this;
        }

        public Builder pullRequest(PullRequest value) {
            pullRequest = Optional.ofNullable(value);
            return this;
        }

        public Builder creator(Creator value) {
            creator = Optional.ofNullable(value);
            return this;
        }

        public Builder pipelineSlug(String value) {
            pipelineSlug = Optional.ofNullable(value);
            return this;
        }

        public Builder pipelineDefaultBranch(String value) {
            pipelineDefaultBranch = Optional.ofNullable(value);
            return this;
        }

        public Builder pipelineRepository(String value) {
            pipelineRepository = Optional.ofNullable(value);
            return this;
        }

        public Builder organizationSlug(String value) {
            organizationSlug = Optional.ofNullable(value);
            return this;
        }

        /** Sets one variable of the build environment (the caller-supplied part). */
        public Builder env(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds every entry of {@code values} to the build environment. */
        public Builder environment(Map<String, String> values) {
            values.forEach(this::env);
            return this;
        }

        public BuildContext build() {
            return new BuildContext(this);
        }
    }
}
