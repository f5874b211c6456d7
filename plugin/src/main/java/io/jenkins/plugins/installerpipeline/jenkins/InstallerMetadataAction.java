package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.Action;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Queue;
import hudson.model.Run;
import io.jenkins.plugins.installerpipeline.context.TriggerMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an installer build knows about the package build that triggered it: the upstream build, the release tag (if
 * any), commit, branch and message, the trigger's interpolated {@code build.env}, the artifacts to install and the
 * builds of the triggers it depends on (the Raspberry Pi build gets the Debian build), and the trigger's
 * {@code build.meta_data} ({@code INSTALLER_META_DATA}, a JSON object).
 *
 * <p>Passed to {@code ParameterizedJobMixIn.scheduleBuild2} and so attached to the child build when it starts.
 * The values reach the child's {@code env} through {@link EnvironmentContributingAction} rather than as build
 * parameters, because undeclared parameters are filtered out (SECURITY-170). It is a {@link Queue.QueueAction} that
 * always asks for its own queue item, so two triggers of one job are never merged into one build.
 *
 * <p>Written to {@code build.xml} by XStream: only strings and maps of strings.
 */
public final class InstallerMetadataAction extends InvisibleAction
        implements EnvironmentContributingAction, Queue.QueueAction {

    /** Full name of the upstream (package) job. */
    public static final String UPSTREAM_JOB = TriggerMetadata.UPSTREAM_JOB;
    /** Externalizable id ({@code fullName#number}) of the upstream build. */
    public static final String UPSTREAM_BUILD = TriggerMetadata.UPSTREAM_BUILD;
    /** Absolute URL of the upstream build (empty when Jenkins' root URL is not configured). */
    public static final String UPSTREAM_URL = TriggerMetadata.UPSTREAM_URL;
    /** Release tag, empty when this is not a release. */
    public static final String RELEASE_TAG = TriggerMetadata.RELEASE_TAG;
    /** Commit SHA the package was built from. */
    public static final String COMMIT = TriggerMetadata.COMMIT;
    /** Branch the package was built from. */
    public static final String BRANCH = TriggerMetadata.BRANCH;
    /** Commit message. */
    public static final String MESSAGE = TriggerMetadata.MESSAGE;
    /** JSON array of the artifacts to install: name, path, URL, size, sha256. */
    public static final String ARTIFACTS = TriggerMetadata.ARTIFACTS;
    /** JSON object of the trigger's {@code build.meta_data} ({@code {}} when it has none). */
    public static final String META_DATA = TriggerMetadata.META_DATA;

    private final String upstreamJob;
    private final String upstreamBuildId;
    private final String upstreamUrl;
    private final String triggerKey;
    private final String releaseTag;
    private final String commit;
    private final String branch;
    private final String message;
    private final Map<String, String> env;
    private final String artifactsJson;
    private final Map<String, String> dependencyBuilds;
    /** Keys of {@link #dependencyBuilds} whose failure does not stop this build ({@code allow_failure}); null in old builds. */
    private final List<String> dependenciesAllowedToFail;
    /** The trigger's {@code build.meta_data}; null in old builds. */
    private final Map<String, String> metaData;

    private InstallerMetadataAction(Builder b) {
        this.upstreamJob = b.upstreamJob;
        this.upstreamBuildId = b.upstreamBuildId;
        this.upstreamUrl = b.upstreamUrl;
        this.triggerKey = b.triggerKey;
        this.releaseTag = b.releaseTag;
        this.commit = b.commit;
        this.branch = b.branch;
        this.message = b.message;
        this.env = new LinkedHashMap<>(b.env);
        this.artifactsJson = b.artifactsJson;
        this.dependencyBuilds = new LinkedHashMap<>(b.dependencyBuilds);
        this.dependenciesAllowedToFail = new ArrayList<>(b.dependenciesAllowedToFail);
        this.metaData = new LinkedHashMap<>(b.metaData);
    }

    /**
     * Starts the metadata of one trigger.
     *
     * @param upstreamJob full name of the upstream job
     * @param upstreamBuildId externalizable id of the upstream build
     * @param triggerKey the trigger's key in the plan (its step key, else the target pipeline slug)
     */
    public static Builder builder(@NonNull String upstreamJob, @NonNull String upstreamBuildId, @NonNull String triggerKey) {
        return new Builder(upstreamJob, upstreamBuildId, triggerKey);
    }

    /** The metadata of a build, if an orchestration started it. */
    public static Optional<InstallerMetadataAction> of(@NonNull Run<?, ?> run) {
        return Optional.ofNullable(run.getAction(InstallerMetadataAction.class));
    }

    /** A copy for a re-run of the same trigger: same package, same artifacts, its own queue item. */
    public InstallerMetadataAction copy() {
        return toBuilder().build();
    }

    /** A builder holding these values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(upstreamJob, upstreamBuildId, triggerKey)
                .upstreamUrl(upstreamUrl)
                .commit(commit)
                .branch(branch)
                .message(message)
                .env(env)
                .artifactsJson(artifactsJson)
                .dependencyBuilds(dependencyBuilds)
                .dependenciesAllowedToFail(getDependenciesAllowedToFail())
                .metaData(getMetaData());
        return getReleaseTag().map(b::releaseTag).orElse(b);
    }

    public String getUpstreamJob() {
        return upstreamJob;
    }

    public String getUpstreamBuildId() {
        return upstreamBuildId;
    }

    public String getUpstreamUrl() {
        return upstreamUrl;
    }

    public String getTriggerKey() {
        return triggerKey;
    }

    /** The release tag; empty when the orchestration is not a release. */
    public Optional<String> getReleaseTag() {
        return releaseTag == null || releaseTag.isEmpty() ? Optional.empty() : Optional.of(releaseTag);
    }

    public String getCommit() {
        return commit;
    }

    public String getBranch() {
        return branch;
    }

    public String getMessage() {
        return message;
    }

    /** The trigger's interpolated {@code build.env}, such as {@code LE_KOLIBRI_RELEASE}, in definition order. */
    public Map<String, String> getEnv() {
        return Collections.unmodifiableMap(env);
    }

    public String getArtifactsJson() {
        return artifactsJson;
    }

    /** Builds of the triggers this one depends on: trigger key to externalizable id. */
    public Map<String, String> getDependencyBuilds() {
        return Collections.unmodifiableMap(dependencyBuilds);
    }

    /** Keys of {@link #getDependencyBuilds()} whose failure does not stop this build ({@code allow_failure}). */
    public List<String> getDependenciesAllowedToFail() {
        return dependenciesAllowedToFail == null ? List.of() : Collections.unmodifiableList(dependenciesAllowedToFail);
    }

    /** The trigger's interpolated {@code build.meta_data}, in definition order ({@code INSTALLER_META_DATA} as JSON). */
    public Map<String, String> getMetaData() {
        return metaData == null ? Map.of() : Collections.unmodifiableMap(metaData);
    }

    /** The same facts as the engine's value, for the build context of the triggered build. */
    public TriggerMetadata toTriggerMetadata() {
        return new TriggerMetadata(upstreamJob, upstreamBuildId, nonEmpty(upstreamUrl), getReleaseTag(),
                nonEmpty(commit), nonEmpty(branch), nonEmpty(message), env, artifactsJson, getMetaData());
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /**
     * Every variable this action puts into the child's environment: the trigger's {@code build.env} first, then the
     * {@code INSTALLER_*} variables (which win on a clash, since the plugin owns those names).
     */
    public Map<String, String> environment() {
        return toTriggerMetadata().environment();
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars envVars) {
        envVars.putAll(environment());
    }

    /** Every trigger is its own request: never fold it into a queued build of the same job. */
    @Override
    public boolean shouldSchedule(List<Action> actions) {
        return true;
    }

    @Override
    public String toString() {
        return "InstallerMetadataAction[" + triggerKey + " from " + upstreamBuildId + "]";
    }

    /** Collects the values of an {@link InstallerMetadataAction}; absent strings become empty strings. */
    public static final class Builder {
        private final String upstreamJob;
        private final String upstreamBuildId;
        private final String triggerKey;
        private String upstreamUrl = "";
        private String releaseTag = "";
        private String commit = "";
        private String branch = "";
        private String message = "";
        private Map<String, String> env = Map.of();
        private String artifactsJson = "[]";
        private Map<String, String> dependencyBuilds = Map.of();
        private List<String> dependenciesAllowedToFail = List.of();
        private Map<String, String> metaData = Map.of();

        private Builder(String upstreamJob, String upstreamBuildId, String triggerKey) {
            this.upstreamJob = Objects.requireNonNull(upstreamJob, "upstreamJob");
            this.upstreamBuildId = Objects.requireNonNull(upstreamBuildId, "upstreamBuildId");
            this.triggerKey = Objects.requireNonNull(triggerKey, "triggerKey");
        }

        public Builder upstreamUrl(@NonNull String value) {
            this.upstreamUrl = Objects.requireNonNull(value);
            return this;
        }

        public Builder releaseTag(@NonNull String value) {
            this.releaseTag = Objects.requireNonNull(value);
            return this;
        }

        public Builder commit(@NonNull String value) {
            this.commit = Objects.requireNonNull(value);
            return this;
        }

        public Builder branch(@NonNull String value) {
            this.branch = Objects.requireNonNull(value);
            return this;
        }

        public Builder message(@NonNull String value) {
            this.message = Objects.requireNonNull(value);
            return this;
        }

        public Builder env(@NonNull Map<String, String> value) {
            this.env = new LinkedHashMap<>(value);
            return this;
        }

        public Builder artifactsJson(@NonNull String value) {
            this.artifactsJson = Objects.requireNonNull(value);
            return this;
        }

        public Builder dependencyBuilds(@NonNull Map<String, String> value) {
            this.dependencyBuilds = new LinkedHashMap<>(value);
            return this;
        }

        /** Keys of the dependency builds whose failure does not stop this build ({@code allow_failure}). */
        public Builder dependenciesAllowedToFail(@NonNull List<String> value) {
            this.dependenciesAllowedToFail = List.copyOf(value);
            return this;
        }

        /** The trigger's {@code build.meta_data}. */
        public Builder metaData(@NonNull Map<String, String> value) {
            this.metaData = new LinkedHashMap<>(value);
            return this;
        }

        public InstallerMetadataAction build() {
            return new InstallerMetadataAction(this);
        }
    }
}
