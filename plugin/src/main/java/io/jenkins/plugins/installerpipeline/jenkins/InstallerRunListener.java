package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.installerpipeline.steps.DependencyGateContext;
import jenkins.util.Timer;

/**
 * Keeps the upstream's {@link InstallerRunsAction} current when an installer build starts, finishes or is deleted.
 * The work runs on {@link Timer}, as pipeline-build-step's listener does: loading the upstream build and saving it
 * must not hold up the child build.
 */
@Extension
public final class InstallerRunListener extends RunListener<Run<?, ?>> {

    @Override
    public void onStarted(Run<?, ?> run, TaskListener listener) {
        if (InstallerMetadataAction.of(run).isPresent()) {
            Timer.get().submit(() -> InstallerEvents.safely("start of " + run, () -> InstallerEvents.started(run)));
        }
    }

    @Override
    public void onFinalized(Run<?, ?> run) {
        if (InstallerMetadataAction.of(run).isPresent()) {
            Timer.get().submit(() -> InstallerEvents.safely("end of " + run, () -> InstallerEvents.finished(run)));
        }
        // Gates approved before their dependency finished look again (each checks its own dependencies).
        DependencyGateContext.dependencyFinished();
    }

    @Override
    public void onDeleted(@NonNull Run<?, ?> run) {
        if (InstallerMetadataAction.of(run).isPresent()) {
            Timer.get().submit(() -> InstallerEvents.safely("deletion of " + run, () -> InstallerEvents.deleted(run)));
        }
    }
}
