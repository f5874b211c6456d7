package io.jenkins.plugins.installerpipeline.github;

import hudson.Extension;
import hudson.XmlFile;
import hudson.model.Run;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerExecutors;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;

/**
 * Keeps the GitHub checks of an orchestration current without hooking into the scheduling code: every change of an
 * installer build's state ends with the upstream build's {@link InstallerRunsAction} being saved, so a save of a build
 * that has one is the signal. The work (comparing with what was published, calling GitHub, which may sleep until a
 * rate limit resets) runs on the plugin's GitHub threads ({@link InstallerExecutors#github}) as SYSTEM; a save that
 * changed nothing costs a comparison. Our own save (recording what was published) changes nothing further, so it
 * does not loop.
 */
@Extension
public final class InstallerChecksListener extends SaveableListener {

    @Override
    public void onChange(Saveable o, XmlFile file) {
        if (o instanceof Run<?, ?> run && run.getAction(InstallerRunsAction.class) != null) {
            InstallerExecutors.get().github("installer checks of " + run, () -> InstallerChecks.update(run));
        }
    }
}
