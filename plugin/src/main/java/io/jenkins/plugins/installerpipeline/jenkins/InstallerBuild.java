package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.installerpipeline.plan.DependencyRule;
import io.jenkins.plugins.installerpipeline.plan.TriggerProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One installer build in an {@link InstallerRunsAction}: which trigger, which job, which queue item or build, and
 * its state. A re-run adds a new entry with the next {@link #getAttempt() attempt} number.
 *
 * <p>Mutable only through {@link InstallerRunsAction}, which synchronizes on itself. Plain fields for XStream.
 */
public final class InstallerBuild {

    private final String triggerKey;
    private final String label;
    private final String jobFullName;
    private final int attempt;
    /** Queue item id, 0 until scheduled. */
    private long queueId;
    /** Build number, 0 until started. */
    private int buildNumber;
    /** An {@link InstallerState} name. */
    private String state;
    /** Why it is in its state, for the page (e.g. "needs kolibri-debian #12"); empty when nothing to say. */
    private String detail = "";
    /** Trigger keys this one waits for before it is scheduled. */
    private List<String> dependsOn = new ArrayList<>();
    /** Those of {@link #dependsOn} whose build may fail or be aborted without stopping this one ({@code allow_failure}). */
    private List<String> allowedToFail = new ArrayList<>();
    /**
     * Buildkite's {@code async}: the trigger counts as done once its build exists, so neither {@code wait} nor a
     * trigger depending on it waits for the build to finish.
     */
    private boolean async;
    /** The target pipeline's slug ({@code kolibri-debian}); null in records written before it was kept. */
    private String slug;

    /** The metadata to schedule with once the dependencies are met; null once scheduled. */
    private InstallerMetadataAction pending;

    InstallerBuild(@NonNull String triggerKey, @NonNull String label, @NonNull String jobFullName, int attempt,
            @NonNull InstallerState state) {
        this.triggerKey = Objects.requireNonNull(triggerKey);
        this.label = Objects.requireNonNull(label);
        this.jobFullName = Objects.requireNonNull(jobFullName);
        this.attempt = attempt;
        this.state = state.name();
    }

    /** The trigger's key in the plan (its step key, else the target pipeline slug). */
    public String getTriggerKey() {
        return triggerKey;
    }

    /**
     * The slug of the pipeline this trigger starts ({@code kolibri-debian}), by which checks are named and
     * dependencies fetched; the trigger key for records that predate it.
     */
    public String getSlug() {
        return slug == null ? triggerKey : slug;
    }

    void setSlug(@NonNull String slug) {
        this.slug = Objects.requireNonNull(slug);
    }

    /** The trigger's label from the definition, for people. */
    public String getLabel() {
        return label;
    }

    public String getJobFullName() {
        return jobFullName;
    }

    /** 1 for the orchestration's own build, 2 and up for re-runs. */
    public int getAttempt() {
        return attempt;
    }

    public Optional<Long> getQueueId() {
        return queueId == 0 ? Optional.empty() : Optional.of(queueId);
    }

    public Optional<Integer> getBuildNumber() {
        return buildNumber == 0 ? Optional.empty() : Optional.of(buildNumber);
    }

    /** {@code fullName#number} of the build, once started. */
    public Optional<String> getExternalizableId() {
        return getBuildNumber().map(n -> jobFullName + '#' + n);
    }

    public InstallerState getState() {
        return InstallerState.parse(state);
    }

    public String getDetail() {
        return detail == null ? "" : detail;
    }

    /** For Jelly: the build's URL relative to the context path, or the job's when not started. */
    public String getUrl() {
        StringBuilder url = new StringBuilder("job/");
        for (String segment : jobFullName.split("/")) {
            if (url.length() > 4) {
                url.append("job/");
            }
            url.append(hudson.Util.rawEncode(segment)).append('/');
        }
        if (buildNumber != 0) {
            url.append(buildNumber).append('/');
        }
        return url.toString();
    }

    /** Whether the trigger is {@code async}: done once its build exists. */
    public boolean isAsync() {
        return async;
    }

    /** This entry as a dependency of another trigger, for the engine's {@code plan.DependencyRule}. */
    public DependencyRule.Dependency asDependency(boolean allowFailure) {
        return new DependencyRule.Dependency(triggerKey, getState().toDependencyState(), async, allowFailure);
    }

    /** This entry for the engine's {@code plan.TriggerProgress} (when {@code triggerInstallers} returns). */
    public TriggerProgress.Attempt asAttempt() {
        return new TriggerProgress.Attempt(triggerKey, getState().toDependencyState(), async);
    }

    void setAsync(boolean value) {
        this.async = value;
    }

    /** Trigger keys this one waits for before it is scheduled. */
    public List<String> getDependsOn() {
        return dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** Keys of {@link #getDependsOn()} whose failure does not stop this trigger ({@code allow_failure}). */
    public List<String> getAllowedToFail() {
        return allowedToFail == null ? List.of() : List.copyOf(allowedToFail);
    }

    /** The metadata kept for scheduling later, while waiting for a dependency. */
    public Optional<InstallerMetadataAction> getPendingMetadata() {
        return Optional.ofNullable(pending);
    }

    void waitFor(@NonNull List<String> keys, @NonNull List<String> allowedToFail, @NonNull InstallerMetadataAction metadata) {
        this.dependsOn = new ArrayList<>(keys);
        this.allowedToFail = new ArrayList<>(allowedToFail);
        this.pending = metadata;
        this.state = InstallerState.WAITING_FOR_DEPENDENCY.name();
    }

    void queued(long id) {
        this.pending = null;
        this.queueId = id;
        // With no quiet period the build may already have started (and been recorded) before this is called.
        if (getState() == InstallerState.WAITING_FOR_DEPENDENCY) {
            this.state = InstallerState.QUEUED.name();
        }
    }

    void started(int number) {
        this.buildNumber = number;
        // Listener events run on a thread pool: the gate or the end may have been recorded first.
        if (getState() == InstallerState.WAITING_FOR_DEPENDENCY || getState().isInQueue()) {
            this.state = InstallerState.RUNNING.name();
        }
    }

    void setState(@NonNull InstallerState newState, @NonNull String newDetail) {
        this.state = newState.name();
        this.detail = Objects.requireNonNull(newDetail);
    }
}
