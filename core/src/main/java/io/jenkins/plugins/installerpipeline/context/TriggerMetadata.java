package io.jenkins.plugins.installerpipeline.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an orchestration hands a build it triggers: where it came from and what it builds. The Jenkins plugin stores
 * it on the triggered build and exposes it through {@link #environment()}.
 *
 * @param upstreamJob     full name of the triggering job
 * @param upstreamBuildId the triggering build's id ({@code job#number})
 * @param upstreamUrl     the triggering build's URL, if known
 * @param releaseTag      the release tag of the triggering build, if it builds one
 * @param commit          the commit the triggered build is for ({@code build.commit} of the trigger)
 * @param branch          the branch the triggered build is for ({@code build.branch} of the trigger)
 * @param message         the build message ({@code build.message} of the trigger)
 * @param env             the trigger's interpolated {@code build.env}, in order
 * @param artifactsJson   the artifacts handed over, as the JSON array of {@code INSTALLER_ARTIFACTS}
 *                        ({@code [{"name","path","url","size","sha256"}]})
 * @param metaData        the trigger's interpolated {@code build.meta_data}, in order (Buildkite's build meta-data;
 *                        Jenkins has no such store, so the build gets it as {@code INSTALLER_META_DATA}, a JSON object)
 */
public record TriggerMetadata(
        String upstreamJob,
        String upstreamBuildId,
        Optional<String> upstreamUrl,
        Optional<String> releaseTag,
        Optional<String> commit,
        Optional<String> branch,
        Optional<String> message,
        Map<String, String> env,
        String artifactsJson,
        Map<String, String> metaData) {

    /** Names of the variables every triggered build gets besides the trigger's {@code build.env}. */
    public static final String UPSTREAM_JOB = "INSTALLER_UPSTREAM_JOB";
    public static final String UPSTREAM_BUILD = "INSTALLER_UPSTREAM_BUILD";
    public static final String UPSTREAM_URL = "INSTALLER_UPSTREAM_URL";
    public static final String RELEASE_TAG = "INSTALLER_RELEASE_TAG";
    public static final String COMMIT = "INSTALLER_COMMIT";
    public static final String BRANCH = "INSTALLER_BRANCH";
    public static final String MESSAGE = "INSTALLER_MESSAGE";
    public static final String ARTIFACTS = "INSTALLER_ARTIFACTS";
    public static final String META_DATA = "INSTALLER_META_DATA";

    private static final ObjectMapper JSON = new ObjectMapper();

    public TriggerMetadata {
        Objects.requireNonNull(upstreamJob, "upstreamJob");
        Objects.requireNonNull(upstreamBuildId, "upstreamBuildId");
        Objects.requireNonNull(upstreamUrl, "upstreamUrl");
        releaseTag = releaseTag.filter(t -> !t.isBlank());
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(message, "message");
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        Objects.requireNonNull(artifactsJson, "artifactsJson");
        metaData = Collections.unmodifiableMap(new LinkedHashMap<>(metaData));
    }

    /** Metadata of a trigger without {@code build.meta_data}. */
    public TriggerMetadata(String upstreamJob, String upstreamBuildId, Optional<String> upstreamUrl,
            Optional<String> releaseTag, Optional<String> commit, Optional<String> branch, Optional<String> message,
            Map<String, String> env, String artifactsJson) {
        this(upstreamJob, upstreamBuildId, upstreamUrl, releaseTag, commit, branch, message, env, artifactsJson,
                Map.of());
    }

    /** {@link #metaData()} as the JSON object of {@code INSTALLER_META_DATA}, keys in order; {@code {}} when empty. */
    public String metaDataJson() {
        try {
            return JSON.writeValueAsString(metaData);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /**
     * The variables the triggered build sees in {@code env}: every {@code build.env} entry, then the
     * {@code INSTALLER_*} variables (which win on a clash, so a definition cannot forge them), among them
     * {@code INSTALLER_META_DATA}, the trigger's {@code build.meta_data} as a JSON object.
     * {@code INSTALLER_RELEASE_TAG} is empty when the orchestration is not a release.
     */
    public Map<String, String> environment() {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put(UPSTREAM_JOB, upstreamJob);
        all.put(UPSTREAM_BUILD, upstreamBuildId);
        all.put(UPSTREAM_URL, upstreamUrl.orElse(""));
        all.put(RELEASE_TAG, releaseTag.orElse(""));
        all.put(COMMIT, commit.orElse(""));
        all.put(BRANCH, branch.orElse(""));
        all.put(MESSAGE, message.orElse(""));
        all.put(ARTIFACTS, artifactsJson);
        all.put(META_DATA, metaDataJson());
        return Collections.unmodifiableMap(all);
    }
}
