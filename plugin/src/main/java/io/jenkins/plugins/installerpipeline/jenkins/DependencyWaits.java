package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Executor;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.queue.CauseOfBlockage;
import hudson.model.queue.QueueTaskDispatcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionListener;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;

/**
 * An installer build approved before a build it needs has finished (the Raspberry Pi build approved while the Debian
 * build still waits at its own gate) waits for that build after its gate, holding no executor: its {@code node}
 * blocks stay in the queue ({@link Dispatcher}) until the dependency has finished, then go on; if the dependency fails
 * or is aborted, the build fails naming it. The gate itself is Jenkins's own input step, untouched.
 *
 * <p>{@code blockUnlessTag} attaches a {@link DependencyWaitAction} when it opens a gate for a build with
 * dependencies; {@link #check} looks again whenever something may have changed: the gate opened or was approved
 * ({@link GateListener}), an installer build of the same orchestration finished or was deleted
 * ({@link InstallerRunListener}), the build resumed after a restart ({@link Resume}).
 */
public final class DependencyWaits {

    private static final Logger LOGGER = Logger.getLogger(DependencyWaits.class.getName());

    private DependencyWaits() {}

    /**
     * Called by {@code blockUnlessTag} on the CPS VM thread as its gate opens: no I/O, only the build's own metadata.
     * Does nothing for a build that needs no other build.
     */
    public static void gateOpening(@NonNull Run<?, ?> run) {
        InstallerMetadataAction.of(run).map(InstallerMetadataAction::getDependencyBuilds).filter(d -> !d.isEmpty())
                .ifPresent(d -> run.replaceAction(new DependencyWaitAction(String.join(", ", names(d)))));
    }

    /**
     * The builds a gate says it needs ("ci/kolibri-debian #12"), known without loading them; each once, though the
     * metadata names it by trigger key and by pipeline slug.
     */
    public static List<String> dependencyNames(@NonNull Run<?, ?> run) {
        return InstallerMetadataAction.of(run).map(m -> names(m.getDependencyBuilds())).orElse(List.of());
    }

    private static List<String> names(Map<String, String> dependencyBuilds) {
        return dependencyBuilds.values().stream().distinct().map(id -> id.replace("#", " #")).toList();
    }

    /**
     * Looks again at the dependencies of a build waiting for them, and says so on its console: what it needs (once),
     * that it was approved and waits (once), that they finished, or fails it naming the one that failed. Reads builds
     * and the flow graph: call it on {@link InstallerExecutors#event}.
     */
    static void check(@NonNull Run<?, ?> run) {
        DependencyWaitAction wait = run.getAction(DependencyWaitAction.class);
        if (wait == null || !run.isBuilding()) {
            return;
        }
        if (wait.getState() == DependencyWaitAction.State.FAILED) {
            // Failed before (a restart may have come before the build stopped): stop it now.
            fail(run, wait.getFailure());
            return;
        }
        if (!wait.isWaiting()) {
            return;
        }
        InstallerDependencies.Status status = InstallerDependencies.status(run);
        boolean open = gateIsOpen(run);
        // Decide under the action's lock (events of several builds run at once); save, print and stop the build
        // after it, so the queue, which reads the action, never waits for a file to be written.
        List<String> lines = new ArrayList<>();
        boolean changed;
        String failure = null;
        boolean satisfied = false;
        synchronized (wait) {
            if (!wait.isWaiting()) {
                return;
            }
            changed = wait.gateSeen(open);
            boolean approved = wait.approved(open);
            if (status instanceof InstallerDependencies.Status.Satisfied) {
                wait.satisfied();
                satisfied = changed = true;
                if (wait.approvalAnnounced()) {
                    lines.add("blockUnlessTag: every build this one needs has finished successfully");
                }
            } else if (status instanceof InstallerDependencies.Status.Failed failed) {
                failure = "blockUnlessTag: " + failed.message();
                wait.failed(failure);
                changed = true;
            } else {
                InstallerDependencies.Status.Pending pending = (InstallerDependencies.Status.Pending) status;
                String builds = String.join(", ", pending.builds());
                changed |= wait.waitingFor(builds);
                if (!approved && wait.announceNeeds()) {
                    changed = true;
                    lines.add("blockUnlessTag: this build needs " + String.join("; ", pending.waitingFor())
                            + "; after approval it waits for " + (pending.builds().size() == 1 ? "that build"
                            : "those builds") + " to finish, holding no executor");
                }
                if (approved && wait.announceApproval()) {
                    changed = true;
                    ApproverAction approver = run.getAction(ApproverAction.class);
                    lines.add("blockUnlessTag: approved" + (approver == null ? "" : " by " + approver.getUserId())
                            + "; waiting for " + builds + " to finish");
                }
            }
        }
        // Saved only when something changed: a save of this build calls GateListener, which calls this again.
        if (changed) {
            save(run);
        }
        lines.forEach(line -> BuildConsole.println(run, line));
        if (satisfied) {
            Queue.getInstance().scheduleMaintenance();
        }
        if (failure != null) {
            BuildConsole.println(run, failure);
            fail(run, failure);
        }
    }

    /**
     * Stops a build because a build it needs failed: through its Pipeline, which needs no executor (right after a
     * restart a resumed build has none yet), else through its executor.
     */
    private static void fail(Run<?, ?> run, String why) {
        try {
            if (run instanceof FlowExecutionOwner.Executable executable && executable.asFlowExecutionOwner() != null) {
                executable.asFlowExecutionOwner().get().interrupt(Result.FAILURE, new DependencyFailed(why));
                return;
            }
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not stop " + run + " through its Pipeline", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Executor executor = run.getExecutor();
        if (executor != null) {
            executor.interrupt(Result.FAILURE, new DependencyFailed(why));
        }
    }

    /** Looks again at every build of the orchestration that waits for another, after one of them changed. */
    static void checkDependants(@NonNull InstallerRunsAction record) {
        for (InstallerBuild b : record.getBuilds()) {
            if (b.getState().isFinished()) {
                continue;
            }
            b.getExternalizableId().flatMap(Builds::asSystem)
                    .filter(r -> r.getAction(DependencyWaitAction.class) != null)
                    .ifPresent(DependencyWaits::check);
        }
    }

    /** Whether the build's gate is open (waiting for a person) now. */
    private static boolean gateIsOpen(Run<?, ?> run) {
        GateAction gate = run.getAction(GateAction.class);
        try {
            return gate != null && gate.isOpen(run);
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "could not tell whether the gate of " + run + " is open", e);
            return false;
        }
    }

    private static void save(Run<?, ?> run) {
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not save " + run, e);
        }
    }

    /** Why a build approved early failed: a build it needs failed or was aborted. */
    public static final class DependencyFailed extends CauseOfInterruption {
        private static final long serialVersionUID = 1L;
        private final String description;

        DependencyFailed(String description) {
            this.description = description;
        }

        @Override
        public String getShortDescription() {
            return description;
        }
    }

    /**
     * Keeps the {@code node} blocks of a build that waits for a dependency in the queue. Reads only the build's own
     * action: this runs under the queue's lock.
     */
    @Extension
    public static final class Dispatcher extends QueueTaskDispatcher {
        @Override
        public @CheckForNull CauseOfBlockage canRun(Queue.Item item) {
            Queue.Executable owner = item.task.getOwnerExecutable();
            DependencyWaitAction wait = owner instanceof Run<?, ?> run ? run.getAction(DependencyWaitAction.class) : null;
            if (wait == null || !wait.holdsNodes()) {
                return null;
            }
            String why = wait.getState() == DependencyWaitAction.State.FAILED ? wait.getFailure()
                    : "waiting for " + wait.getWaitingFor() + " to finish: this build needs it";
            return new CauseOfBlockage() {
                @Override
                public String getShortDescription() {
                    return why;
                }
            };
        }
    }

    /** After a restart: a dependency may have finished while Jenkins was down. */
    @Extension
    public static final class Resume extends FlowExecutionListener {
        @Override
        public void onResumed(@NonNull FlowExecution execution) {
            try {
                // A wait or a failure recorded before the restart: look again (and stop a failed one).
                if (execution.getOwner().getExecutable() instanceof Run<?, ?> run
                        && run.getAction(DependencyWaitAction.class) != null) {
                    InstallerExecutors.get().event("dependencies of " + run, () -> check(run));
                }
            } catch (IOException e) {
                LOGGER.log(Level.FINE, "no build for " + execution, e);
            }
        }
    }
}
