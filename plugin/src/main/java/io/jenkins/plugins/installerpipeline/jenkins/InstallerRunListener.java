package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.installerpipeline.steps.DependencyGateContext;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Keeps the upstream's {@link InstallerRunsAction} current when an installer build starts, finishes or is deleted.
 * The work runs on {@link Timer}, as pipeline-build-step's listener does: loading the upstream build and saving it
 * must not hold up the child build; the end of a build runs on {@link ArtifactHashing}'s thread, after its artifacts
 * have been hashed once and listed on the upstream ({@link InstallerArtifactsAction}). Builds no orchestration
 * started (no {@link InstallerMetadataAction}) are ignored.
 */
@Extension
public final class InstallerRunListener extends RunListener<Run<?, ?>> {

    private static final Logger LOGGER = Logger.getLogger(InstallerRunListener.class.getName());

    /**
     * {@code Run.delete()} tells listeners before it removes the build from its job: gates look again once it is
     * gone, so they fail naming it instead of waiting for it.
     */
    private static final long AFTER_DELETION_SECONDS = 5;

    @Override
    public void onStarted(Run<?, ?> run, TaskListener listener) {
        if (InstallerMetadataAction.of(run).isPresent()) {
            Timer.get().submit(() -> InstallerEvents.safely("start of " + run, () -> InstallerEvents.started(run)));
        }
    }

    @Override
    public void onFinalized(Run<?, ?> run) {
        if (InstallerMetadataAction.of(run).isPresent()) {
            // Artifacts first, on the hashing thread: the end of this build may schedule dependants, which are
            // handed these artifacts as recorded, without hashing them again.
            ArtifactHashing.submit(() -> {
                try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                    InstallerArtifactsRecorder.record(run);
                } catch (IOException | RuntimeException e) {
                    LOGGER.log(Level.WARNING, "Could not list the artifacts of " + run + " on its upstream build", e);
                }
                InstallerEvents.safely("end of " + run, () -> InstallerEvents.finished(run));
            });
            // Gates approved before their dependency finished look again (each checks its own dependencies); only an
            // installer build can be such a dependency.
            DependencyGateContext.dependencyFinished();
        }
    }

    @Override
    public void onDeleted(@NonNull Run<?, ?> run) {
        if (InstallerMetadataAction.of(run).isPresent()) {
            Timer.get().submit(() -> InstallerEvents.safely("deletion of " + run, () -> InstallerEvents.deleted(run)));
            // A deleted dependency never finishes: a gate waiting for it fails, naming it, rather than waiting on.
            Timer.get().schedule(DependencyGateContext::dependencyFinished, AFTER_DELETION_SECONDS, TimeUnit.SECONDS);
        }
    }
}
