package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerBuild;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import jenkins.model.CauseOfInterruption;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs {@code triggerInstallers}. Scheduling happens once, on a background thread with the build's authentication
 * ({@link GeneralNonBlockingStepExecution#run}); after that the step holds no thread: the listeners update the
 * upstream build's {@link InstallerRunsAction} and call {@link #installersChanged} through
 * {@link StepExecution#acceptAll}, which also finds this execution again after a controller restart.
 *
 * <p>Fields are plain values only (this object is written to program.dat).
 */
public final class TriggerInstallersExecution extends GeneralNonBlockingStepExecution {

    private static final long serialVersionUID = 1L;

    private final String definition;
    private final ArrayList<Map<String, Object>> installers;
    private final LinkedHashMap<String, String> jobs;
    private final String artifactsGlob;
    private final boolean wait;
    private final boolean propagate;
    /** Externalizable id of the upstream build, set when scheduling starts; how listeners find this execution. */
    private String upstreamBuildId;
    /** Guards against completing the context twice when two listener events race. */
    private transient AtomicBoolean completed;

    TriggerInstallersExecution(@NonNull StepContext context, String definition, List<Map<String, Object>> installers,
            Map<String, String> jobs, String artifactsGlob, boolean wait, boolean propagate) {
        super(context);
        this.definition = definition;
        this.installers = new ArrayList<>(installers);
        this.jobs = new LinkedHashMap<>(jobs);
        this.artifactsGlob = artifactsGlob;
        this.wait = wait;
        this.propagate = propagate;
    }

    @Override
    public boolean start() throws Exception {
        Run<?, ?> upstream = getContext().get(Run.class);
        upstreamBuildId = upstream.getExternalizableId();
        if ((definition == null) == installers.isEmpty()) {
            throw new AbortException("triggerInstallers: give either definition (a pipeline definition file) or installers (a list of maps), not "
                    + (definition == null ? "neither" : "both"));
        }
        run(this::scheduleInstallers);
        return false;
    }

    /**
     * Evaluates the plan and schedules every included trigger whose dependencies are met. Runs on the step thread pool
     * with the build's authentication, so {@code Item.BUILD} checks here are the build's.
     */
    private void scheduleInstallers() throws Exception {
        Run<?, ?> upstream = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        // TODO(lead, engine): 1. definition != null: FilePath ws = getContext().get(FilePath.class) (null outside
        //    node -> AbortException "definition needs a workspace: call triggerInstallers inside node, or pass installers");
        //    read ws.child(definition) and parse it with the engine; print diagnostics as FILE:LINE:COL lines and
        //    throw AbortException on errors. installers != null: build the same trigger model from the maps.
        // 2. Build context from Jenkins (tag/branch/commit/PR/source/BUILDKITE_*) and evaluate the plan.
        // 3. Resolve every included trigger's job (jobs map, else the slug beside the upstream's top-level project,
        //    multibranch: <job>/<NameEncoder.encode(branch)>), check Item.BUILD here (this thread has the build's
        //    authentication), fail before scheduling anything on an unknown/disabled/non-buildable target, naming
        //    the slug, the job tried and EditDistance.findNearest(...) of the existing names.
        // 4. Describe the artifacts matching artifactsGlob (name, path, URL, size, sha256) once.
        // 5. record = InstallerRunsAction.getOrCreate(upstream); add every trigger (WAITING_FOR_DEPENDENCY when it
        //    depends_on another); schedule the others (CauseAction(UpstreamCause) + InstallerMetadataAction +
        //    declared same-name parameters), record.queued(...), record.save(); console line per child with
        //    ModelHyperlinkNote. Then installersChanged(record) for the case where nothing was scheduled.
        listener.getLogger().println("triggerInstallers: " + (definition != null ? definition : installers.size() + " inline installers")
                + ", artifacts " + artifactsGlob + ", jobs " + jobs.keySet());
        throw new AbortException("triggerInstallers is not implemented yet (engine integration pending) for " + upstream.getFullDisplayName());
    }

    /**
     * Called by the listeners after a change to the record: returns the step's value once every installer runs or
     * is paused (without {@code wait}) or has finished (with {@code wait}), or fails it as the {@code build} step
     * does when an installer failed and {@code propagate} is set.
     */
    void installersChanged(@NonNull InstallerRunsAction record) {
        List<InstallerBuild> builds = record.getBuilds();
        boolean done = wait ? record.allFinished() : record.allStartedOrPaused();
        if (!done || !markCompleted()) {
            return;
        }
        if (wait && propagate) {
            for (InstallerBuild b : builds) {
                if (b.getState() == InstallerState.FAILED || b.getState() == InstallerState.ABORTED) {
                    Result result = b.getState() == InstallerState.FAILED ? Result.FAILURE : Result.ABORTED;
                    getContext().onFailure(new FlowInterruptedException(result, false, new InstallerFailed(b)));
                    return;
                }
            }
        }
        getContext().onSuccess(resultOf(builds));
    }

    private synchronized boolean markCompleted() {
        if (completed == null) {
            completed = new AtomicBoolean();
        }
        return completed.compareAndSet(false, true);
    }

    /** The step's value: one plain map per installer build (job, number, url, state), safe in CPS variables. */
    static List<Map<String, Object>> resultOf(List<InstallerBuild> builds) {
        String root = Jenkins.get().getRootUrl();
        List<Map<String, Object>> result = new ArrayList<>();
        for (InstallerBuild b : builds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trigger", b.getTriggerKey());
            m.put("job", b.getJobFullName());
            b.getBuildNumber().ifPresent(n -> m.put("number", n));
            m.put("url", (root == null ? "/" : root) + b.getUrl());
            m.put("state", b.getState().name().toLowerCase(java.util.Locale.ROOT));
            result.add(m);
        }
        return result;
    }

    /**
     * Tells the {@code triggerInstallers} step of an upstream build that its record changed. Non-blocking: the
     * consumer runs once the running executions are loaded (after a restart, that may be later).
     */
    public static void notifyChanged(@NonNull InstallerRunsAction record) {
        Run<?, ?> upstream = record.getRun();
        if (upstream == null) {
            return;
        }
        String id = upstream.getExternalizableId();
        StepExecution.acceptAll(TriggerInstallersExecution.class, e -> {
            if (id.equals(e.upstreamBuildId)) {
                e.installersChanged(record);
            }
        });
    }

    @Override
    public void onResume() {
        super.onResume(); // fails the step if it was still scheduling when Jenkins stopped
        // TODO(lead): re-read each InstallerBuild's queue item or build (Run.fromExternalizableId as ACL.SYSTEM2, on
        // Timer.get()) to catch events missed while stopping, then installersChanged(record).
    }

    @Override
    public @NonNull String getStatus() {
        return "triggerInstallers for " + upstreamBuildId + (wait ? ", waiting for installers to finish" : "");
    }

    /** Why the step failed: names the installer build that failed. */
    static final class InstallerFailed extends CauseOfInterruption {
        private static final long serialVersionUID = 1L;
        private final String description;

        InstallerFailed(InstallerBuild b) {
            this.description = b.getLabel() + " (" + b.getExternalizableId().orElse(b.getJobFullName()) + ") "
                    + b.getState().getLabel();
        }

        @Override
        public String getShortDescription() {
            return description;
        }
    }
}
