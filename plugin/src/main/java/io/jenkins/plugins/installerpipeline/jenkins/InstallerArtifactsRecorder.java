package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * When an installer build finishes, lists its archived artifacts with SHA-256 on the upstream build
 * ({@link InstallerArtifactsAction}), once: the fan-in, the checks and the dependants' hand-off all read that list.
 * Called by {@link InstallerRunListener} on the hashing thread ({@link InstallerExecutors#hashing}), as SYSTEM.
 */
final class InstallerArtifactsRecorder {

    private InstallerArtifactsRecorder() {}

    /** Describes the child's artifacts and records them on its upstream build. */
    static void record(@NonNull Run<?, ?> child) throws IOException {
        InstallerMetadataAction metadata = child.getAction(InstallerMetadataAction.class);
        Run<?, ?> upstream = metadata == null ? null : Builds.asSystem(metadata.getUpstreamBuildId()).orElse(null);
        if (upstream == null) {
            return;
        }
        List<ArchivedArtifact> artifacts = ArchivedArtifact.describe(child);
        InstallerArtifactsAction record = InstallerArtifactsAction.getOrCreate(upstream);
        record.record(new InstallerArtifactsAction.Child(metadata.getTriggerKey(), child.getParent().getFullName(),
                child.getNumber(), artifacts));
        record.save();
    }

    /** The artifacts recorded for a build on {@code upstream}, if they have been. */
    static Optional<List<ArchivedArtifact>> recorded(@NonNull Run<?, ?> upstream, @NonNull String externalizableId) {
        InstallerArtifactsAction record = upstream.getAction(InstallerArtifactsAction.class);
        return record == null ? Optional.empty()
                : record.find(externalizableId).map(InstallerArtifactsAction.Child::getArtifacts);
    }
}
