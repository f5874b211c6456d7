package io.jenkins.plugins.installerpipeline.jenkins;

import hudson.Extension;
import hudson.XmlFile;
import hudson.model.Run;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;

/**
 * Notices an installer build reaching or leaving its approval gate. The stock input step saves the build when it
 * registers itself in {@link InputAction} and again when it is approved or aborted, so watching saves shows both
 * transitions without wrapping the input step. The first save happens on the CPS VM thread while the build is
 * locked: only hand the work to {@link InstallerExecutors} here.
 */
@Extension
public final class GateListener extends SaveableListener {

    @Override
    public void onChange(Saveable o, XmlFile file) {
        if (o instanceof Run<?, ?> run && run.isBuilding() && run.getAction(GateAction.class) != null
                && run.getAction(InputAction.class) != null && run.getAction(InstallerMetadataAction.class) != null) {
            InstallerExecutors.get().event("gate of " + run, () -> InstallerEvents.gateChanged(run));
        }
    }
}
