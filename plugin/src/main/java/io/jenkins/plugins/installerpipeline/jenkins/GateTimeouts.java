package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionListener;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;

/**
 * Closes a gate nobody opened in time: the build ends as aborted with a message saying the gate timed out (what the
 * {@code timeout} step does to its body). Armed by {@code blockUnlessTag}, and again from the build's
 * {@link GateAction} when a Pipeline resumes after a restart.
 */
@Extension
public final class GateTimeouts extends FlowExecutionListener {

    private static final Logger LOGGER = Logger.getLogger(GateTimeouts.class.getName());

    /** Schedules the timeout of the gate recorded on {@code run}; does nothing for a gate without one. */
    public static void arm(@NonNull Run<?, ?> run) {
        GateAction gate = run.getAction(GateAction.class);
        if (gate == null || gate.getDeadlineMillis().isEmpty()) {
            return;
        }
        String buildId = run.getExternalizableId();
        long delay = Math.max(0, gate.getDeadlineMillis().get() - System.currentTimeMillis());
        InstallerExecutors.get().eventLater("gate timeout of " + buildId, delay, TimeUnit.MILLISECONDS,
                () -> expire(buildId));
    }

    /** Aborts the build if its gate is still open. Runs on the plugin's threads: may wait for the input's executions. */
    static void expire(@NonNull String buildId) {
        Run<?, ?> run = Builds.asSystem(buildId).orElse(null);
        GateAction gate = run == null ? null : run.getAction(GateAction.class);
        InputAction inputs = run == null ? null : run.getAction(InputAction.class);
        if (gate == null || inputs == null || !run.isBuilding()) {
            return;
        }
        try {
            InputStepExecution input = inputs.getExecution(gate.getGateId());
            if (input == null || input.isSettled()) {
                return;
            }
            GateTimedOut why = new GateTimedOut(gate.getGateId(), gate.getTimeoutMinutes());
            input.getContext().get(TaskListener.class).getLogger().println(why.getShortDescription());
            input.stop(new FlowInterruptedException(Result.ABORTED, true, why));
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "Could not close the gate of " + buildId, e);
        }
    }

    @Override
    public void onResumed(@NonNull FlowExecution execution) {
        try {
            if (execution.getOwner().getExecutable() instanceof Run<?, ?> run) {
                arm(run);
            }
        } catch (Exception e) {
            LOGGER.log(Level.FINE, "no build for " + execution, e);
        }
    }

    /** Why a gate ended the build. */
    public static final class GateTimedOut extends CauseOfInterruption {
        private static final long serialVersionUID = 1L;
        private final String gateId;
        private final int minutes;

        public GateTimedOut(String gateId, int minutes) {
            this.gateId = gateId;
            this.minutes = minutes;
        }

        @Override
        public String getShortDescription() {
            return "Gate " + gateId + " timed out after " + minutes + (minutes == 1 ? " minute" : " minutes")
                    + " without approval: the build is aborted";
        }
    }
}
