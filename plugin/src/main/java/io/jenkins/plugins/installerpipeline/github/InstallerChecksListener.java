package io.jenkins.plugins.installerpipeline.github;

import hudson.Extension;
import hudson.XmlFile;
import hudson.model.Run;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Keeps the GitHub checks of an orchestration current without hooking into the scheduling code: every change of an
 * installer build's state ends with the upstream build's {@link InstallerRunsAction} being saved, so a save of a build
 * that has one is the signal. The work (comparing with what was published, calling GitHub) runs on {@link Timer} as
 * SYSTEM; a save that changed nothing costs a comparison. Our own save (recording what was published) changes
 * nothing further, so it does not loop.
 */
@Extension
public final class InstallerChecksListener extends SaveableListener {

    private static final Logger LOGGER = Logger.getLogger(InstallerChecksListener.class.getName());

    @Override
    public void onChange(Saveable o, XmlFile file) {
        if (o instanceof Run<?, ?> run && run.getAction(InstallerRunsAction.class) != null) {
            Timer.get().submit(() -> {
                try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                    InstallerChecks.update(run);
                } catch (RuntimeException e) {
                    LOGGER.log(Level.WARNING, "Could not update the installer checks of " + run, e);
                }
            });
        }
    }
}
