package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.installerpipeline.artifact.HandOff;
import io.jenkins.plugins.installerpipeline.artifact.HandedArtifact;
import io.jenkins.plugins.installerpipeline.plan.DependencyRule;
import io.jenkins.plugins.installerpipeline.plan.DependencyState;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.springframework.security.core.Authentication;

/**
 * What happens on the upstream side when an installer build changes: update its entry in the upstream's
 * {@link InstallerRunsAction}, schedule the triggers whose dependencies are now met, save, and tell the step that
 * follows the record ({@link InstallerRecordFollower}). Called by the listeners on the plugin's event threads
 * ({@link InstallerExecutors}), as SYSTEM: the bookkeeping reads builds the user may not see; scheduling re-checks
 * {@code Item.BUILD} with the upstream build's authentication.
 */
public final class InstallerEvents {

    private static final Logger LOGGER = Logger.getLogger(InstallerEvents.class.getName());

    private InstallerEvents() {}

    /** The upstream build's record and the entry of this child build, if an orchestration started it. */
    public static Optional<Map.Entry<InstallerRunsAction, InstallerBuild>> entryOf(@NonNull Run<?, ?> child) {
        Optional<InstallerMetadataAction> metadata = InstallerMetadataAction.of(child);
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        Run<?, ?> upstream = Builds.asSystem(metadata.get().getUpstreamBuildId()).orElse(null);
        if (upstream == null) {
            return Optional.empty();
        }
        InstallerRunsAction record = upstream.getAction(InstallerRunsAction.class);
        if (record == null) {
            return Optional.empty();
        }
        String job = child.getParent().getFullName();
        // By build number once it is recorded: a Pipeline build that resumes after a restart is queued again and
        // gets a new queue id. By queue id before that; and the build can start before its queue id is recorded
        // (no quiet period): then by trigger.
        Optional<InstallerBuild> entry = record.findBuild(job, child.getNumber())
                .or(() -> record.find(job, child.getQueueId()))
                .or(() -> record.latest(metadata.get().getTriggerKey())
                        .filter(b -> b.getJobFullName().equals(job) && b.getBuildNumber().isEmpty()));
        return entry.map(e -> Map.entry(record, e));
    }

    /** A child build started. */
    static void started(@NonNull Run<?, ?> child) {
        entryOf(child).ifPresent(e -> {
            e.getKey().started(e.getValue(), child.getNumber());
            changed(e.getKey());
        });
    }

    /** A child build finished (its result is final). */
    static void finished(@NonNull Run<?, ?> child) {
        entryOf(child).ifPresent(e -> {
            e.getKey().started(e.getValue(), child.getNumber());
            Result result = child.getResult();
            // The engine's rule: only SUCCESS succeeds (UNSTABLE has failed); a failure names its result.
            DependencyState state = DependencyState.ofResult(result == null ? "" : result.toString());
            e.getKey().update(e.getValue(), InstallerState.of(state),
                    result == null || state != DependencyState.FAILED ? "" : result.toString());
            changed(e.getKey());
            // Builds of this orchestration approved before this one finished may go on now (or fail naming it).
            DependencyWaits.checkDependants(e.getKey());
        });
    }

    /**
     * A running child build was saved: if it now waits at (or has just left) its gate, record it as paused at its
     * gate (or running again), and look at the builds it waits for. Reads the flow graph: a background thread only.
     */
    static void gateChanged(@NonNull Run<?, ?> child) {
        if (!child.isBuilding()) {
            return;
        }
        DependencyWaits.check(child);
        // Only the release gate's own input counts: an installer may pause at other input steps (a signing
        // approval, say), and those must not count as "paused at its gate", which satisfies dependants.
        Optional<GateAction> gate = GateAction.of(child);
        if (gate.isEmpty()) {
            return;
        }
        boolean waiting;
        try {
            waiting = gate.get().isOpen(child);
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "could not tell whether " + child + " waits at its gate", e);
            return;
        }
        entryOf(child).ifPresent(e -> {
            InstallerState now = e.getValue().getState();
            if (waiting && (now == InstallerState.RUNNING || now.isInQueue())) {
                e.getKey().started(e.getValue(), child.getNumber());
                e.getKey().update(e.getValue(), InstallerState.PAUSED_AT_GATE, "waiting for approval");
                changed(e.getKey());
            } else if (!waiting && now == InstallerState.PAUSED_AT_GATE) {
                e.getKey().update(e.getValue(), InstallerState.RUNNING, "");
                changed(e.getKey());
            }
        });
    }

    /**
     * After a restart: brings an entry up to date with its build, whichever events were missed (started, paused at
     * its gate, finished).
     */
    public static void reconcile(@NonNull Run<?, ?> child) {
        if (!child.isBuilding()) {
            finished(child);
            return;
        }
        started(child);
        gateChanged(child);
    }

    /**
     * After a restart: brings every unfinished entry of a record up to date with its build (events may have been lost
     * while Jenkins stopped), then schedules what is ready, saves and tells the step.
     */
    public static void reconcileAll(@NonNull InstallerRunsAction record) {
        for (InstallerBuild b : record.getBuilds()) {
            if (!b.getState().isFinished()) {
                Builds.of(b).ifPresent(InstallerEvents::reconcile);
            }
        }
        changed(record);
    }

    /** The package build was stopped: triggers that wait for a dependency never start. */
    public static void packageBuildStopped(@NonNull InstallerRunsAction record) {
        boolean any = false;
        synchronized (record) {
            for (InstallerBuild b : record.getBuilds()) {
                if (b.getState() == InstallerState.WAITING_FOR_DEPENDENCY) {
                    record.update(b, InstallerState.ABORTED, "not started: the package build was stopped");
                    any = true;
                }
            }
        }
        // Called by the stopped step and again when the build ends: only a change is saved and announced.
        if (any) {
            changed(record);
        }
    }

    /** A child build was deleted before it finished. */
    static void deleted(@NonNull Run<?, ?> child) {
        entryOf(child).ifPresent(e -> {
            if (!e.getValue().getState().isFinished()) {
                e.getKey().update(e.getValue(), InstallerState.ABORTED, "deleted");
                changed(e.getKey());
            }
        });
    }

    /** A child's queue item is blocked: the queue cannot start it yet, for {@code reason}. */
    static void blocked(@NonNull Queue.Item item, @NonNull String reason) {
        // Events run on several threads: only what the queue says now counts (it may have been unblocked since).
        if (!(Queue.getInstance().getItem(item.getId()) instanceof Queue.BlockedItem)) {
            return;
        }
        entryOf(item).ifPresent(e -> {
            InstallerState now = e.getValue().getState();
            if (now.isInQueue()) {
                e.getKey().update(e.getValue(), InstallerState.BLOCKED_IN_QUEUE, reason);
                changed(e.getKey());
            }
        });
    }

    /** A child's queue item is no longer blocked. */
    static void unblocked(@NonNull Queue.Item item) {
        if (Queue.getInstance().getItem(item.getId()) instanceof Queue.BlockedItem) {
            return; // blocked again since
        }
        entryOf(item).ifPresent(e -> {
            if (e.getValue().getState() == InstallerState.BLOCKED_IN_QUEUE) {
                e.getKey().update(e.getValue(), InstallerState.QUEUED, "");
                changed(e.getKey());
            }
        });
    }

    /** The upstream build's record and the entry of a queued child, if an orchestration scheduled it. */
    private static Optional<Map.Entry<InstallerRunsAction, InstallerBuild>> entryOf(@NonNull Queue.Item item) {
        InstallerMetadataAction metadata = item.getAction(InstallerMetadataAction.class);
        if (metadata == null || !(item.task instanceof Job<?, ?> job)) {
            return Optional.empty();
        }
        Run<?, ?> upstream = Builds.asSystem(metadata.getUpstreamBuildId()).orElse(null);
        InstallerRunsAction record = upstream == null ? null : upstream.getAction(InstallerRunsAction.class);
        if (record == null) {
            return Optional.empty();
        }
        return record.find(job.getFullName(), item.getId()).map(b -> Map.entry(record, b));
    }

    /** A child's queue item was cancelled before it started. */
    static void cancelled(@NonNull Queue.Item item) {
        entryOf(item).ifPresent(e -> {
            e.getKey().update(e.getValue(), InstallerState.ABORTED, "cancelled in the queue");
            changed(e.getKey());
            DependencyWaits.checkDependants(e.getKey());
        });
    }

    /** After any change: schedule what is now ready, save, remember it if it is still open, and tell the step. */
    public static void changed(@NonNull InstallerRunsAction record) {
        scheduleReady(record);
        record.save();
        OpenOrchestrations.get().update(record);
        InstallerRecordFollower.notifyFollowers(record);
    }

    /**
     * Schedules every waiting trigger whose dependencies have passed by the engine's rule
     * ({@code plan.DependencyRule.toSchedule}: succeeded or paused at their gate, async ones started, failed ones whose
     * failure is allowed), naming those builds in its metadata; marks it aborted when a dependency failed where that
     * is not allowed.
     */
    static void scheduleReady(@NonNull InstallerRunsAction record) {
        // Events of several children run concurrently: one at a time per record, so a trigger is scheduled once.
        synchronized (record) {
            scheduleReadyLocked(record);
        }
    }

    private static void scheduleReadyLocked(@NonNull InstallerRunsAction record) {
        Run<?, ?> upstream = record.getRun();
        for (InstallerBuild b : record.getBuilds()) {
            if (b.getState() != InstallerState.WAITING_FOR_DEPENDENCY || b.getPendingMetadata().isEmpty()) {
                continue;
            }
            // The engine decides (plan.DependencyRule.toSchedule); an unknown dependency counts as aborted.
            java.util.List<DependencyRule.Dependency> dependencies = new java.util.ArrayList<>();
            Map<String, String> dependencyBuilds = new LinkedHashMap<>();
            for (String key : b.getDependsOn()) {
                boolean allowFailure = b.getAllowedToFail().contains(key);
                Optional<InstallerBuild> dep = record.latest(key);
                dependencies.add(dep.map(d -> d.asDependency(allowFailure)).orElse(
                        new DependencyRule.Dependency(key, DependencyState.ABORTED, false, allowFailure)));
                // By trigger key (deb-build) and by pipeline slug (kolibri-debian): an installer's own Jenkinsfile
                // knows the pipeline it needs, not the key the package definition gave it.
                dep.ifPresent(d -> d.getExternalizableId().ifPresent(id -> {
                    dependencyBuilds.put(key, id);
                    dependencyBuilds.putIfAbsent(d.getSlug(), id);
                }));
            }
            DependencyRule.Decision decision = DependencyRule.toSchedule(dependencies);
            if (decision instanceof DependencyRule.Decision.Stop stop) {
                String failed = record.latest(stop.key())
                        .map(d -> d.getLabel() + d.getBuildNumber().map(n -> " #" + n).orElse("")).orElse(stop.key());
                record.update(b, InstallerState.ABORTED, "not started: " + failed + " "
                        + stop.state().label());
            } else if (decision instanceof DependencyRule.Decision.Go && upstream != null) {
                // A dependency that has finished (a release: no gate) hands over its archived artifacts, the .deb.
                InstallerMetadataAction pending = b.getPendingMetadata().get();
                InstallerMetadataAction metadata = pending.toBuilder()
                        .dependencyBuilds(dependencyBuilds)
                        .dependenciesAllowedToFail(b.getAllowedToFail())
                        .artifactsJson(withDependencyArtifacts(pending.getArtifactsJson(), record, b.getDependsOn()))
                        .build();
                try {
                    Job<?, ?> job = buildableBy(upstream, b.getJobFullName());
                    Queue.Item item = InstallerScheduler.schedule(job, upstream, metadata);
                    record.queued(b, item.getId());
                } catch (IOException e) {
                    record.update(b, InstallerState.ABORTED, "not started: " + e.getMessage());
                }
            }
        }
    }

    /** The handed artifacts plus those of every dependency that has finished successfully. */
    private static String withDependencyArtifacts(String json, InstallerRunsAction record, java.util.List<String> keys) {
        java.util.List<HandedArtifact> all = HandOff.parse(json).artifacts();
        for (String key : keys) {
            Optional<String> id = record.latest(key).filter(d -> d.getState() == InstallerState.SUCCEEDED)
                    .flatMap(InstallerBuild::getExternalizableId);
            if (id.isEmpty()) {
                continue;
            }
            try {
                Run<?, ?> dependency = Builds.asSystem(id.get()).orElse(null);
                if (dependency != null) {
                    // Listed (hashed) when the dependency finished, before its end was recorded; hashed here only
                    // for a build whose listing was lost (a restart in between).
                    java.util.List<ArchivedArtifact> archived = Optional.ofNullable(record.getRun())
                            .flatMap(upstream -> InstallerArtifactsRecorder.recorded(upstream, id.get()))
                            .orElse(null);
                    if (archived == null) {
                        archived = ArchivedArtifact.describe(dependency);
                    }
                    all = HandOff.merge(all, archived.stream().map(a -> a.toHanded(dependency)).toList());
                }
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Could not describe the artifacts of " + id.get(), e);
            }
        }
        return HandOff.toJson(all);
    }

    /** The job, if the upstream build's authentication may build it. */
    private static Job<?, ?> buildableBy(@NonNull Run<?, ?> upstream, @NonNull String jobFullName) throws IOException {
        Job<?, ?> job;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            job = Jenkins.get().getItemByFullName(jobFullName, Job.class);
        }
        if (job == null) {
            throw new AbortException("no job " + jobFullName);
        }
        Authentication auth = ACL.SYSTEM2;
        if (upstream instanceof FlowExecutionOwner.Executable executable) {
            FlowExecutionOwner owner = executable.asFlowExecutionOwner();
            if (owner != null) {
                auth = owner.get().getAuthentication2();
            }
        }
        if (!job.hasPermission2(auth, Item.BUILD)) {
            throw new AbortException(auth.getName() + " may not build " + jobFullName);
        }
        return job;
    }

    /** Logs instead of throwing: a listener must not break the build that fired it. */
    static void safely(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            warn("Installer Pipeline: " + what, e);
        }
    }

    /** A warning in the Jenkins log. */
    static void warn(String message, Throwable t) {
        LOGGER.log(Level.WARNING, message, t);
    }
}
