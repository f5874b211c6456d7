package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The upstream (package) build's record of its installer builds: one {@link InstallerBuild} per trigger and re-run,
 * with its state, shown by {@code summary.jelly} on the build page and kept current by the listeners.
 *
 * <p>No sidebar link (no icon), but the URL {@code <build>/installers/} exists for the re-run endpoint.
 * Holds only plain data; the running {@code triggerInstallers} step is reached through
 * {@code StepExecution.acceptAll}, not stored here.
 */
public final class InstallerRunsAction extends BuildRecord {

    private static final Logger LOGGER = Logger.getLogger(InstallerRunsAction.class.getName());

    private final List<InstallerBuild> builds = new ArrayList<>();

    /** The record of a build, created and attached (not yet saved) if it has none. */
    public static @NonNull InstallerRunsAction getOrCreate(@NonNull Run<?, ?> run) {
        return attachedTo(run, InstallerRunsAction.class, InstallerRunsAction::new);
    }

    @Override
    public @CheckForNull String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Installer builds";
    }

    @Override
    public String getUrlName() {
        return "installers";
    }

    /** A snapshot of every installer build, in the order they were added. */
    public synchronized List<InstallerBuild> getBuilds() {
        return Collections.unmodifiableList(new ArrayList<>(builds));
    }

    /** The latest attempt of a trigger. */
    public synchronized Optional<InstallerBuild> latest(@NonNull String triggerKey) {
        InstallerBuild found = null;
        for (InstallerBuild b : builds) {
            if (b.getTriggerKey().equals(triggerKey)) {
                found = b;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The entry of a started build. */
    public synchronized Optional<InstallerBuild> findBuild(@NonNull String jobFullName, int buildNumber) {
        for (InstallerBuild b : builds) {
            if (b.getJobFullName().equals(jobFullName) && b.getBuildNumber().orElse(0) == buildNumber) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /**
     * The entry whose queue item this is. A build's queue id changes when it resumes after a restart (it is queued
     * again): look a started build up with {@link #findBuild}.
     */
    public synchronized Optional<InstallerBuild> find(@NonNull String jobFullName, long queueId) {
        for (InstallerBuild b : builds) {
            if (b.getJobFullName().equals(jobFullName) && b.getQueueId().orElse(0L) == queueId) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /**
     * Adds an attempt of a trigger (the first, or a re-run), in {@code state} (normally {@link InstallerState#QUEUED},
     * followed by {@link #queued} once the queue item exists). Call {@link #save()} afterwards.
     */
    public synchronized InstallerBuild add(@NonNull String triggerKey, @NonNull String label, @NonNull String jobFullName,
            @NonNull InstallerState state) {
        int attempt = (int) builds.stream().filter(b -> b.getTriggerKey().equals(triggerKey)).count() + 1;
        InstallerBuild b = new InstallerBuild(triggerKey, label, jobFullName, attempt, state);
        latest(triggerKey).ifPresent(previous -> b.setSlug(previous.getSlug()));
        builds.add(b);
        return b;
    }

    /**
     * Whether the build page offers "Re-run" for this attempt: it is the latest attempt of its trigger, it started
     * and finished, and the viewer may build its job ({@code doRerun} checks the same again).
     */
    public boolean isRerunnable(@NonNull InstallerBuild b) {
        if (!b.getState().isFinished() || b.getBuildNumber().isEmpty()
                || latest(b.getTriggerKey()).filter(l -> l == b).isEmpty()) {
            return false;
        }
        Item job = Jenkins.get().getItemByFullName(b.getJobFullName());
        return job != null && job.hasPermission(Item.BUILD);
    }

    /** Records the slug of the pipeline an attempt starts (checks are named, dependencies fetched, by it). */
    public synchronized void setSlug(@NonNull InstallerBuild b, @NonNull String slug) {
        b.setSlug(slug);
    }

    /**
     * Adds the first attempt of a trigger that waits for others; it is scheduled with {@code metadata} later.
     * {@code allowedToFail}: those of {@code dependsOn} whose failure does not stop it ({@code allow_failure}).
     */
    public synchronized InstallerBuild addWaiting(@NonNull String triggerKey, @NonNull String label,
            @NonNull String jobFullName, @NonNull List<String> dependsOn, @NonNull List<String> allowedToFail,
            @NonNull InstallerMetadataAction metadata) {
        InstallerBuild b = add(triggerKey, label, jobFullName, InstallerState.WAITING_FOR_DEPENDENCY);
        b.waitFor(dependsOn, allowedToFail, metadata);
        return b;
    }

    /** Marks an entry as Buildkite's {@code async} trigger (see {@link InstallerBuild#isAsync()}). */
    public synchronized void setAsync(@NonNull InstallerBuild b, boolean async) {
        b.setAsync(async);
    }

    /** Records the queue item of an entry. */
    public synchronized void queued(@NonNull InstallerBuild b, long queueId) {
        b.queued(queueId);
    }

    /** Records that an entry's build started. */
    public synchronized void started(@NonNull InstallerBuild b, int buildNumber) {
        b.started(buildNumber);
    }

    /** Records a new state of an entry. */
    public synchronized void update(@NonNull InstallerBuild b, @NonNull InstallerState state, @NonNull String detail) {
        b.setState(state, detail);
    }


    /**
     * Re-runs one installer for the same package: schedules a new build of that trigger's job with the same
     * metadata as its latest attempt and lists it here as the next attempt. Needs {@link Item#BUILD} on the installer
     * job (the user's permission); only a finished attempt can be re-run.
     *
     * @param trigger the trigger key
     */
    @RequirePOST
    public HttpResponse doRerun(@QueryParameter String trigger) throws IOException {
        if (getRun() == null || trigger == null) {
            return HttpResponses.errorWithoutStack(400, "Say which installer to re-run (trigger=...)");
        }
        Optional<InstallerBuild> latest = latest(trigger);
        if (latest.isEmpty()) {
            return HttpResponses.errorWithoutStack(404, "No installer " + trigger + " in " + getRun().getFullDisplayName());
        }
        Job<?, ?> job = Jenkins.get().getItemByFullName(latest.get().getJobFullName(), Job.class);
        if (job == null) {
            return HttpResponses.errorWithoutStack(404, "No job " + latest.get().getJobFullName());
        }
        job.checkPermission(Item.BUILD);
        if (!latest.get().getState().isFinished()) {
            return HttpResponses.errorWithoutStack(409, trigger + " is " + latest.get().getState().getLabel() + ": re-run it once it has finished");
        }
        // The user may build the job; reading the previous build's metadata is bookkeeping.
        InstallerMetadataAction metadata = latest.get().getExternalizableId().flatMap(Builds::asSystem)
                .map(previous -> previous.getAction(InstallerMetadataAction.class)).orElse(null);
        if (metadata == null) {
            return HttpResponses.errorWithoutStack(409, trigger + " never started, so there is no metadata to re-run it with");
        }
        // Listed before it is queued, so a build that starts at once finds its entry.
        InstallerBuild next = add(trigger, latest.get().getLabel(), job.getFullName(), InstallerState.QUEUED);
        Queue.Item item = InstallerScheduler.schedule(job, getRun(), metadata.copy());
        queued(next, item.getId());
        save();
        LOGGER.log(Level.FINE, "re-run of {0} in {1} queued as {2}", new Object[] {trigger, getRun(), item.getId()});
        return HttpResponses.redirectTo("..");
    }
}
