package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerDependencies;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.AbstractStepExecutionImpl;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code waitForDependencies}: waits until the builds this installer build depends on (the Raspberry Pi build on the
 * Debian build, as its orchestration recorded) have finished, and fails naming one that failed or was aborted. Call
 * it right after {@code blockUnlessTag}: on an ordinary build a tester may approve the Pi build while the Debian
 * build still waits at its own gate. Holds no thread and no executor; survives a restart.
 */
public final class WaitForDependenciesStep extends Step {

    @DataBoundConstructor
    public WaitForDependenciesStep() {
        // no arguments: the dependencies come from the build's metadata
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context);
    }

    /** Checks on {@link Timer} at start, after a restart, and whenever an installer build finishes. */
    public static final class Execution extends AbstractStepExecutionImpl {
        private static final long serialVersionUID = 1L;
        private static final Logger LOGGER = Logger.getLogger(Execution.class.getName());

        private boolean announced;
        private transient boolean completed;

        Execution(StepContext context) {
            super(context);
        }

        @Override
        public boolean start() {
            Timer.get().submit(this::check);
            return false;
        }

        @Override
        public void onResume() {
            Timer.get().submit(this::check);
        }

        /** An installer build finished: let every waiting execution look again. */
        public static void dependencyFinished() {
            StepExecution.acceptAll(Execution.class, e -> Timer.get().submit(e::check));
        }

        synchronized void check() {
            if (completed) {
                return;
            }
            try {
                Run<?, ?> run = getContext().get(Run.class);
                TaskListener listener = getContext().get(TaskListener.class);
                FlowNode node = getContext().get(FlowNode.class);
                InstallerDependencies.Status status = InstallerDependencies.status(run);
                if (status instanceof InstallerDependencies.Status.Pending pending) {
                    if (!announced) {
                        announced = true;
                        String what = String.join("; ", pending.waitingFor());
                        listener.getLogger().println("waitForDependencies: waiting for " + what);
                        node.addAction(new PauseAction("Waiting for " + what));
                        getContext().saveState();
                    }
                    return;
                }
                completed = true;
                if (announced) {
                    PauseAction.endCurrentPause(node);
                }
                if (status instanceof InstallerDependencies.Status.Failed failed) {
                    getContext().onFailure(new AbortException("waitForDependencies: " + failed.message()));
                } else {
                    listener.getLogger().println("waitForDependencies: every build this one needs has finished successfully");
                    getContext().onSuccess(null);
                }
            } catch (Exception e) {
                LOGGER.log(Level.WARNING, "waitForDependencies could not check " + getContext(), e);
                completed = true;
                getContext().onFailure(e);
            }
        }

        @Override
        public @NonNull String getStatus() {
            return announced ? "waiting for the builds this one needs" : "checking the builds this one needs";
        }
    }

    /** Registers {@code waitForDependencies}. */
    @Extension
    @Symbol("waitForDependencies")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "waitForDependencies";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Wait for the installer builds this one depends on";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }
    }
}
