package io.jenkins.plugins.installerpipeline.jenkins;

import hudson.Extension;
import hudson.XmlFile;
import hudson.model.Run;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;

/**
 * Notices an installer build reaching or leaving its approval gate. The stock input step saves the build when it
 * registers itself in {@link InputAction} and again when it is approved or aborted, so watching saves shows both
 * transitions without wrapping the input step. The first save happens on the CPS VM thread while the build is
 * locked: only hand the work to {@link InstallerExecutors} here. The gate's state is read from its flow node's
 * pause, which the input step opens just after that first save and closes just after the second
 * ({@code InputStepExecution.start}, {@code postSettlement}); a build paused at its gate saves nothing more, so the
 * state is read once more a moment later.
 */
@Extension
public final class GateListener extends SaveableListener {

    /** Time for the input step to open or close the gate's pause after the save that tells of it. */
    private static final long SETTLE_SECONDS = 2;

    @Override
    public void onChange(Saveable o, XmlFile file) {
        if (o instanceof Run<?, ?> run && run.isBuilding() && run.getAction(GateAction.class) != null
                && run.getAction(InputAction.class) != null && run.getAction(InstallerMetadataAction.class) != null) {
            InstallerExecutors executors = InstallerExecutors.get();
            executors.event("gate of " + run, () -> InstallerEvents.gateChanged(run));
            executors.eventLater("gate of " + run, SETTLE_SECONDS, TimeUnit.SECONDS, () -> InstallerEvents.gateChanged(run));
        }
    }
}
