package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.listeners.RunListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * When an installer build finishes, lists its archived artifacts with SHA-256 on the upstream build
 * ({@link InstallerArtifactsAction}). Reads the upstream's record only through {@link InstallerMetadataAction}, so it
 * needs nothing from the scheduling listeners. Runs on {@link Timer} as SYSTEM: hashing may read gigabytes.
 */
@Extension
public final class InstallerArtifactsListener extends RunListener<Run<?, ?>> {

    private static final Logger LOGGER = Logger.getLogger(InstallerArtifactsListener.class.getName());

    @Override
    public void onFinalized(Run<?, ?> run) {
        if (run.getAction(InstallerMetadataAction.class) == null) {
            return;
        }
        Timer.get().submit(() -> {
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                record(run);
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "Could not list the artifacts of " + run + " on its upstream build", e);
            }
        });
    }

    /** Describes the child's artifacts and records them on its upstream build; returns the record, if any. */
    static void record(@NonNull Run<?, ?> child) throws IOException {
        InstallerMetadataAction metadata = child.getAction(InstallerMetadataAction.class);
        Run<?, ?> upstream = metadata == null ? null : Run.fromExternalizableId(metadata.getUpstreamBuildId());
        if (upstream == null) {
            return;
        }
        List<ArchivedArtifact> artifacts = ArchivedArtifact.describe(child);
        InstallerArtifactsAction record = InstallerArtifactsAction.getOrCreate(upstream);
        record.record(new InstallerArtifactsAction.Child(metadata.getTriggerKey(), child.getParent().getFullName(),
                child.getNumber(), artifacts));
        record.save();
    }
}
