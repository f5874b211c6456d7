package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.User;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerDependencies;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionListener;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.Futures;

/**
 * The context {@code blockUnlessTag} gives the stock input step when this build needs another installer build that
 * has not finished yet (the Raspberry Pi build approved while the Debian build still waits at its own gate). It
 * forwards everything to the real context except an approval that comes too early: then it records the approval,
 * prints who approved and what the build now waits for, and completes the real context only when every dependency
 * has finished — or fails it naming the dependency that failed or was aborted. Aborts, timeouts and stops pass
 * straight through.
 *
 * <p>Serialized with the input's execution in {@code program.dat}, so an approval survives a restart; checked again
 * when an installer build finishes ({@link #dependencyFinished()}) and when the Pipeline resumes. Only used when a
 * dependency is unfinished as the gate opens (dependencies never become unfinished again), because workflow-cps's
 * thread dump casts a step execution's context to its own class (see docs/plugin-design.md).
 */
public final class DependencyGateContext extends StepContext {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(DependencyGateContext.class.getName());

    private final StepContext delegate;
    /** Set when the input was approved while a dependency was unfinished. */
    private boolean approved;
    /** What the input returned on approval (null for a gate without parameters, which blockUnlessTag always is). */
    private Serializable approvedValue;
    /** The real context has been completed. */
    private boolean completed;

    DependencyGateContext(@NonNull StepContext delegate) {
        this.delegate = delegate;
    }

    /** Wakes every gate that was approved early: an installer build has finished. */
    public static void dependencyFinished() {
        StepExecution.acceptAll(InputStepExecution.class, e -> {
            if (e.getContext() instanceof DependencyGateContext gate) {
                Timer.get().submit(gate::check);
            }
        });
    }

    @Override
    public synchronized void onSuccess(@CheckForNull Object result) {
        if (completed) {
            return;
        }
        // The input step calls this on the approving request's thread, after it has recorded the approver.
        approvedValue = result instanceof Serializable s ? s : null;
        approved = true;
        try {
            InstallerDependencies.Status status = InstallerDependencies.status(delegate.get(Run.class));
            if (status instanceof InstallerDependencies.Status.Pending pending) {
                User user = User.current();
                String what = String.join(", ", pending.builds());
                delegate.get(TaskListener.class).getLogger().println("blockUnlessTag: approved"
                        + (user == null ? "" : " by " + user.getId()) + "; waiting for " + what + " to finish");
                FlowNode node = delegate.get(FlowNode.class);
                if (node != null) {
                    node.addAction(new PauseAction("Waiting for " + what));
                }
                delegate.saveState();
                return;
            }
            finish(status);
        } catch (IOException | InterruptedException | RuntimeException e) {
            completed = true;
            delegate.onFailure(e);
        }
    }

    /** Continues or fails the build once an approved gate's dependencies have finished; does nothing before. */
    synchronized void check() {
        if (!approved || completed) {
            return;
        }
        try {
            InstallerDependencies.Status status = InstallerDependencies.status(delegate.get(Run.class));
            if (!(status instanceof InstallerDependencies.Status.Pending)) {
                finish(status);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "blockUnlessTag could not check the dependencies of " + delegate, e);
            completed = true;
            delegate.onFailure(e);
        }
    }

    private void finish(InstallerDependencies.Status status) throws IOException, InterruptedException {
        completed = true;
        if (approved) {
            FlowNode node = delegate.get(FlowNode.class);
            if (node != null && PauseAction.isPaused(node)) {
                PauseAction.endCurrentPause(node);
            }
        }
        if (status instanceof InstallerDependencies.Status.Failed failed) {
            delegate.onFailure(new AbortException("blockUnlessTag: " + failed.message()));
        } else {
            delegate.get(TaskListener.class).getLogger()
                    .println("blockUnlessTag: every build this one needs has finished successfully");
            delegate.onSuccess(approvedValue);
        }
    }

    @Override
    public synchronized void onFailure(@NonNull Throwable t) {
        // Abort at the gate, the gate's timeout, or the build stopped while waiting: Jenkins's own handling.
        completed = true;
        delegate.onFailure(t);
    }

    @Override
    public <T> T get(Class<T> key) throws IOException, InterruptedException {
        return delegate.get(key);
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return delegate.saveState();
    }

    @Override
    @SuppressWarnings("deprecation")
    public void setResult(Result r) {
        delegate.setResult(r);
    }

    @Override
    public BodyInvoker newBodyInvoker() throws IllegalStateException {
        return delegate.newBodyInvoker();
    }

    @Override
    public boolean hasBody() {
        return delegate.hasBody();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DependencyGateContext other && delegate.equals(other.delegate);
    }

    @Override
    public int hashCode() {
        return delegate.hashCode();
    }

    @Override
    public String toString() {
        return "DependencyGateContext[" + delegate + "]";
    }

    /** After a restart: a dependency may have finished while Jenkins was down. */
    @Extension
    public static final class ResumeCheck extends FlowExecutionListener {
        @Override
        public void onResumed(@NonNull FlowExecution execution) {
            Futures.addCallback(execution.getCurrentExecutions(false), new FutureCallback<List<StepExecution>>() {
                @Override
                public void onSuccess(List<StepExecution> executions) {
                    for (StepExecution e : executions) {
                        if (e instanceof InputStepExecution && e.getContext() instanceof DependencyGateContext gate) {
                            Timer.get().submit(gate::check);
                        }
                    }
                }

                @Override
                public void onFailure(@NonNull Throwable t) {
                    LOGGER.log(Level.FINE, "no step executions for " + execution, t);
                }
            }, MoreExecutors.directExecutor());
        }
    }
}
