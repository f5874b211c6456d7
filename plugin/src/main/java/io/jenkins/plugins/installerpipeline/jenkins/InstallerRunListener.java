package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the upstream's {@link InstallerRunsAction} current when an installer build starts, finishes or is deleted,
 * on the plugin's threads ({@link InstallerExecutors}), as pipeline-build-step's listener hands its work off: loading
 * the upstream build and saving it must not hold up the child build. The end of a build is recorded after its
 * artifacts have been hashed once and listed on the upstream ({@link InstallerArtifactsAction}), because dependants
 * scheduled by it are handed those artifacts. Builds no orchestration started (no {@link InstallerMetadataAction})
 * are ignored.
 */
@Extension
public final class InstallerRunListener extends RunListener<Run<?, ?>> {

    /**
     * {@code Run.delete()} tells listeners before it removes the build from its job: builds waiting for it look again
     * once it is gone, so they fail naming it instead of waiting for it.
     */
    private static final long AFTER_DELETION_SECONDS = 5;

    @Override
    public void onStarted(Run<?, ?> run, TaskListener listener) {
        if (InstallerMetadataAction.of(run).isPresent()) {
            InstallerExecutors.get().event("start of " + run, () -> InstallerEvents.started(run));
        }
    }

    @Override
    public void onFinalized(Run<?, ?> run) {
        // A package build aborted after its triggerInstallers returned (without wait): what still waits for a
        // dependency is not started, as Buildkite does not run the trigger steps of a cancelled build.
        InstallerRunsAction record = run.getAction(InstallerRunsAction.class);
        if (record != null && run.getResult() == Result.ABORTED) {
            InstallerExecutors.get().event("stop of " + run, () -> InstallerEvents.packageBuildStopped(record));
        }
        if (InstallerMetadataAction.of(run).isPresent()) {
            InstallerExecutors.get().hashing("end of " + run, () -> {
                try {
                    InstallerArtifactsRecorder.record(run);
                } catch (IOException e) {
                    InstallerEvents.warn("Could not list the artifacts of " + run + " on its upstream build", e);
                }
                InstallerEvents.finished(run);
            });
        }
    }

    @Override
    public void onDeleted(@NonNull Run<?, ?> run) {
        if (InstallerMetadataAction.of(run).isPresent()) {
            InstallerExecutors.get().event("deletion of " + run, () -> InstallerEvents.deleted(run));
            InstallerExecutors.get().eventLater("dependants of deleted " + run, AFTER_DELETION_SECONDS, TimeUnit.SECONDS,
                    () -> InstallerEvents.entryOf(run).ifPresent(e -> DependencyWaits.checkDependants(e.getKey())));
        }
    }
}
