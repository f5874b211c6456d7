package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.console.ModelHyperlinkNote;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.installerpipeline.artifact.HandOff;
import io.jenkins.plugins.installerpipeline.artifact.HandedArtifact;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.jenkins.ArchivedArtifacts;
import io.jenkins.plugins.installerpipeline.jenkins.Builds;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerEvents;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerScheduler;
import io.jenkins.plugins.installerpipeline.jenkins.JenkinsBuildFacts;
import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlanResult;
import io.jenkins.plugins.installerpipeline.plan.Planner;
import io.jenkins.plugins.installerpipeline.plan.TriggerProgress;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerExecutors;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRecordFollower;
import io.jenkins.plugins.installerpipeline.target.ProtectedVariables;
import io.jenkins.plugins.installerpipeline.target.TargetNames;
import java.io.IOException;
import java.util.Optional;
import jenkins.branch.MultiBranchProject;
import jenkins.branch.NameEncoder;
import jenkins.model.ParameterizedJobMixIn;
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
import jenkins.model.CauseOfInterruption;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs {@code triggerInstallers}. Scheduling happens once, on a background thread with the build's authentication
 * ({@link GeneralNonBlockingStepExecution#run}); after that the step holds no thread: the listeners update the
 * upstream build's {@link InstallerRunsAction} and tell this execution ({@link InstallerRecordFollower}), which they
 * find among the running step executions, after a controller restart too.
 *
 * <p>Fields are plain values only (this object is written to program.dat).
 */
public final class TriggerInstallersExecution extends GeneralNonBlockingStepExecution implements InstallerRecordFollower {

    private static final long serialVersionUID = 1L;

    private final String definition;
    private final ArrayList<Map<String, Object>> installers;
    private final LinkedHashMap<String, String> jobs;
    private final String artifactsGlob;
    private final boolean wait;
    private final boolean propagate;
    /** Externalizable id of the upstream build, set when scheduling starts; how listeners find this execution. */
    private String upstreamBuildId;
    /**
     * The context has been completed (or failed by {@code onResume}). Guards against completing it twice when two
     * listener events race; persisted, so an execution failed on resume is not completed again.
     */
    private boolean completed;
    /**
     * Scheduling runs on the step thread: set exactly while {@code GeneralNonBlockingStepExecution} keeps its thread
     * name, so {@link #onResume} knows that {@code super.onResume()} has failed the step.
     */
    private boolean scheduling;
    /** Console lines already printed about the children (plain strings, kept across a restart). */
    private final ArrayList<String> announced = new ArrayList<>();

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
        run(() -> {
            scheduling = true;
            try {
                scheduleInstallers();
            } finally {
                scheduling = false;
            }
        });
        return false;
    }

    /**
     * Evaluates the plan and schedules every included trigger whose dependencies are met. Runs on the step thread pool
     * with the build's authentication, so {@code Item.BUILD} checks here are the build's.
     */
    private void scheduleInstallers() throws Exception {
        Run<?, ?> upstream = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        BuildContext context = JenkinsBuildFacts.contextOf(getContext());
        List<InstallerRequest> requests;
        if (definition != null) {
            requests = InstallerRequest.fromPlan(plan(getContext(), definition, context, listener, "triggerInstallers"));
            // A definition may come from a pull request: its slugs name jobs in this folder only (or in jobs).
            List<String> outside = requests.stream().filter(r -> !jobs.containsKey(r.slug()))
                    .map(r -> TargetNames.slugProblem(r.slug())).flatMap(Optional::stream).toList();
            fail(listener, outside, "pipeline slugs", definition);
        } else {
            InstallerRequest.Either read = InstallerRequest.fromMaps(installers);
            for (String problem : read.problems()) {
                listener.getLogger().println("triggerInstallers: " + problem);
            }
            if (!read.problems().isEmpty()) {
                int n = read.problems().size();
                throw new AbortException("triggerInstallers: " + n + (n == 1 ? " problem" : " problems") + " in installers"
                        + (n == 1 ? ": " + read.problems().get(0) : " (listed above)"));
            }
            requests = read.requests();
        }
        List<String> protectedVariables = new ArrayList<>();
        for (InstallerRequest request : requests) {
            protectedVariables.addAll(ProtectedVariables.problems("trigger " + request.label(), request.env()));
        }
        fail(listener, protectedVariables, "build.env", definition == null ? "installers" : definition);
        // Resolve and check every target before scheduling anything.
        Map<String, Job<?, ?>> targets = new LinkedHashMap<>();
        for (InstallerRequest request : requests) {
            targets.put(request.key(), resolve(upstream, request));
        }
        List<HandedArtifact> artifacts = ArchivedArtifacts.describe(upstream, artifactsGlob);
        listener.getLogger().println("triggerInstallers: " + requests.size() + " installer(s), "
                + artifacts.size() + " artifact(s) matching " + artifactsGlob);
        String artifactsJson = HandOff.toJson(artifacts);
        String root = Jenkins.get().getRootUrl();
        InstallerRunsAction record = InstallerRunsAction.getOrCreate(upstream);
        // Every entry is listed before any child is queued: a child that starts at once must not find a record that
        // looks complete with only the entries scheduled so far.
        record Pending(InstallerRequest request, Job<?, ?> job, InstallerMetadataAction metadata, InstallerBuild entry) {}
        List<Pending> scheduling = new ArrayList<>();
        for (InstallerRequest request : requests) {
            Job<?, ?> job = targets.get(request.key());
            InstallerMetadataAction metadata = InstallerMetadataAction
                    .builder(upstream.getParent().getFullName(), upstream.getExternalizableId(), request.key())
                    .upstreamUrl(root == null ? "" : upstream.getAbsoluteUrl())
                    .releaseTag(context.tag().orElse(""))
                    .commit(request.commit().or(context::commit).orElse(""))
                    .branch(request.branch().or(context::branch).orElse(""))
                    .message(request.message().or(context::message).orElse(""))
                    .env(request.env())
                    .metaData(request.metaData())
                    .artifactsJson(artifactsJson)
                    .build();
            if (!request.dependsOn().isEmpty()) {
                InstallerBuild waiting = record.addWaiting(request.key(), request.label(), job.getFullName(),
                        request.dependsOn(), request.allowedToFail(), metadata);
                record.setSlug(waiting, request.slug());
                record.setAsync(waiting, request.async());
                listener.getLogger().println("triggerInstallers: " + request.label() + " → "
                        + ModelHyperlinkNote.encodeTo(job) + " starts after " + String.join(", ", request.dependsOn())
                        + (request.allowedToFail().isEmpty() ? ""
                                : " (even if " + String.join(", ", request.allowedToFail()) + " fails)"));
                continue;
            }
            InstallerBuild entry = record.add(request.key(), request.label(), job.getFullName(), InstallerState.QUEUED);
            record.setSlug(entry, request.slug());
            record.setAsync(entry, request.async());
            scheduling.add(new Pending(request, job, metadata, entry));
        }
        for (Pending p : scheduling) {
            Queue.Item item = InstallerScheduler.schedule(p.job(), upstream, p.metadata());
            record.queued(p.entry(), item.getId());
            listener.getLogger().println("triggerInstallers: " + p.request().label() + " → scheduled "
                    + ModelHyperlinkNote.encodeTo(p.job()));
        }
        InstallerEvents.changed(record);
        if (requests.isEmpty()) {
            recordChanged(record);
        }
    }

    /** Prints every problem and fails naming the first (nothing has been scheduled yet); does nothing for none. */
    private static void fail(TaskListener listener, List<String> problems, String what, String where)
            throws AbortException {
        if (problems.isEmpty()) {
            return;
        }
        for (String problem : problems) {
            listener.getLogger().println("triggerInstallers: " + problem);
        }
        throw new AbortException("triggerInstallers: " + (problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems with " + what + " in " + where + " (listed above); nothing was started"));
    }

    /**
     * Reads ({@link DefinitionSource}: from the trusted revision for a revision its source does not trust) and plans a
     * definition for this build; prints the engine's {@code FILE:LINE:COL} diagnostics and fails with their count
     * when it is invalid.
     */
    static Plan plan(StepContext context, String file, BuildContext build, TaskListener listener, String step)
            throws IOException, InterruptedException {
        DefinitionSource.Read read = DefinitionSource.read(context, file, step);
        listener.getLogger().println(step + ": " + file + " from " + read.origin());
        PlanResult result = Planner.plan(file, read.text(), build);
        for (Diagnostic d : result.diagnostics().all()) {
            listener.getLogger().println(d.format());
        }
        if (result.plan().isEmpty()) {
            int errors = result.diagnostics().errors().size();
            throw new AbortException(step + ": " + errors + (errors == 1 ? " error in " : " errors in ") + file);
        }
        return result.plan().get();
    }

    /**
     * The job a trigger starts: the {@code jobs} map's name, else the slug beside this build's project; a multibranch
     * target's branch job for the trigger's branch (or the target's primary branch). Fails naming the slug, the name
     * tried and similar names when it is missing, not buildable, or the build's authentication may not build it.
     */
    private Job<?, ?> resolve(Run<?, ?> upstream, InstallerRequest request) throws AbortException {
        String slug = request.slug();
        String tried = jobs.containsKey(slug) ? TargetNames.absolute(jobs.get(slug))
                : TargetNames.beside(JenkinsBuildFacts.topLevelProject(upstream.getParent()).getFullName(), slug);
        Item item = Jenkins.get().getItemByFullName(tried);
        if (item instanceof MultiBranchProject<?, ?> project) {
            Optional<String> branch = request.branch().or(() -> JenkinsBuildFacts.primaryBranch(project));
            if (branch.isEmpty()) {
                throw new AbortException(TargetNames.problem(slug, tried,
                        "is a multibranch project, and the trigger names no branch and the project has no primary branch",
                        List.of()));
            }
            String branchJob = tried + "/" + NameEncoder.encode(branch.get());
            item = project.getItem(NameEncoder.encode(branch.get()));
            tried = branchJob;
        }
        if (item == null) {
            List<String> names = new ArrayList<>();
            for (Item i : Jenkins.get().getAllItems()) {
                if (i instanceof Job<?, ?> || i instanceof MultiBranchProject<?, ?>) {
                    names.add(i.getFullName());
                }
            }
            throw new AbortException(TargetNames.problem(slug, tried, "does not exist", TargetNames.similar(tried, names, 5)));
        }
        if (!(item instanceof Job<?, ?> job) || !(item instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> p)) {
            throw new AbortException(TargetNames.problem(slug, tried, "is not a job that can be built", List.of()));
        }
        if (!p.isBuildable()) {
            throw new AbortException(TargetNames.problem(slug, tried, "is disabled or cannot be built", List.of()));
        }
        if (!job.hasPermission(Item.BUILD)) {
            throw new AbortException(TargetNames.problem(slug, tried,
                    "may not be built by " + Jenkins.getAuthentication2().getName() + ", as whom this build runs",
                    List.of()));
        }
        return job;
    }

    @Override
    public @NonNull String followedBuildId() {
        return upstreamBuildId == null ? "" : upstreamBuildId;
    }

    /**
     * Called by the listeners after a change to the record: returns the step's value once everything is scheduled
     * (without {@code wait}) or every installer has finished (with {@code wait}), or fails it as the {@code build}
     * step does when an installer failed and {@code propagate} is set (the engine's {@code TriggerProgress}).
     */
    @Override
    public void recordChanged(@NonNull InstallerRunsAction record) {
        List<InstallerBuild> builds = record.getBuilds();
        announce(builds);
        // The engine decides (plan.TriggerProgress): when the step returns, and whether it fails.
        List<TriggerProgress.Attempt> attempts = builds.stream().map(InstallerBuild::asAttempt).toList();
        TriggerProgress.Completion completion = TriggerProgress.completion(attempts, wait, propagate);
        if (completion instanceof TriggerProgress.Completion.Pending || !markCompleted()) {
            return;
        }
        if (completion instanceof TriggerProgress.Completion.Fail fail) {
            // The engine names a non-async attempt of this list (states are read once, in attempts).
            InstallerBuild failed = builds.get(attempts.indexOf(new TriggerProgress.Attempt(fail.key(), fail.state(), false)));
            getContext().onFailure(new FlowInterruptedException(Result.fromString(fail.resultName()), false,
                    new InstallerFailed(failed)));
            return;
        }
        getContext().onSuccess(resultOf(builds));
    }

    /** One console line, with a link, per installer build the first time it is seen started, paused or finished. */
    private synchronized void announce(List<InstallerBuild> builds) {
        if (isCompleted()) {
            return;
        }
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            String root = "/";
            for (InstallerBuild b : builds) {
                String line = b.getLabel() + " " + b.getExternalizableId().orElse(b.getJobFullName()) + " " + b.getState().getLabel();
                if (b.getState() == InstallerState.QUEUED || announced.contains(line)) {
                    continue;
                }
                announced.add(line);
                listener.getLogger().println("triggerInstallers: " + b.getLabel() + ": "
                        + ModelHyperlinkNote.encodeTo(root + b.getUrl(), b.getExternalizableId().orElse(b.getJobFullName()))
                        + " " + b.getState().getLabel() + (b.getDetail().isEmpty() ? "" : " (" + b.getDetail() + ")"));
            }
        } catch (IOException | InterruptedException e) {
            // the console is a convenience; the record on the build page is the source of truth
        }
    }

    private synchronized boolean isCompleted() {
        return completed;
    }

    /** True for the one caller that may complete the context. */
    private synchronized boolean markCompleted() {
        if (completed) {
            return false;
        }
        completed = true;
        return true;
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

    @Override
    public void onResume() {
        boolean failedBySuper = scheduling;
        super.onResume(); // fails the step if it was still scheduling when Jenkins stopped
        if (failedBySuper) {
            markCompleted(); // nothing more to do, and no second completion
            return;
        }
        // Events may have been lost while Jenkins stopped: look at every child again, then decide. No QueueTaskFuture:
        // the record's queue ids and build numbers are all that is needed.
        InstallerExecutors.get().event("resume of triggerInstallers in " + upstreamBuildId, () -> {
            try {
                InstallerRunsAction record = Builds.asSystem(upstreamBuildId)
                        .map(u -> u.getAction(InstallerRunsAction.class)).orElse(null);
                if (record == null) {
                    return;
                }
                InstallerEvents.reconcileAll(record);
            } catch (RuntimeException e) {
                if (markCompleted()) {
                    getContext().onFailure(e);
                }
            }
        });
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        // Stopped (the build was aborted): the step ends here, and no later event may complete it again.
        markCompleted();
        if (upstreamBuildId != null) {
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) { // the children are this build's; stopping them is its business
                // Installers not started yet never start for a stopped package build, waiting or not.
                cancelWaitingChildren();
                // With wait, stopping this build also stops the installers it waits for, as the build step does.
                if (wait) {
                    stopChildren();
                }
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
        super.stop(cause);
    }

    private void cancelWaitingChildren() {
        Builds.asSystem(upstreamBuildId).map(u -> u.getAction(InstallerRunsAction.class))
                .ifPresent(InstallerEvents::packageBuildStopped);
    }

    /** Cancels the queued children and aborts the running ones (with {@code wait}, as the build step does). */
    private void stopChildren() {
        InstallerRunsAction record = Builds.asSystem(upstreamBuildId)
                .map(u -> u.getAction(InstallerRunsAction.class)).orElse(null);
        if (record == null) {
            return;
        }
        for (InstallerBuild b : record.getBuilds()) {
            if (b.getState().isFinished()) {
                continue;
            }
            b.getQueueId().map(id -> Jenkins.get().getQueue().getItem(id))
                    .ifPresent(item -> Jenkins.get().getQueue().cancel(item));
            Builds.of(b).map(Run::getExecutor).ifPresent(e -> e.interrupt(Result.ABORTED));
        }
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
