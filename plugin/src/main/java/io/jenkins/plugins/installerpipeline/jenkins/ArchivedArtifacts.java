package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.installerpipeline.artifact.HandedArtifact;
import java.io.IOException;
import java.util.List;

/**
 * Describes a build's archived artifacts for {@code INSTALLER_ARTIFACTS}: name, path, download URL, size and
 * SHA-256, through the one describer {@link ArchivedArtifact#describe(Run, String)}. Does I/O: call it off the CPS
 * VM thread.
 */
public final class ArchivedArtifacts {

    private ArchivedArtifacts() {}

    /** The artifacts of {@code run} matching the Ant glob, sorted by path, as handed to another build. */
    public static @NonNull List<HandedArtifact> describe(@NonNull Run<?, ?> run, @NonNull String glob) throws IOException {
        return ArchivedArtifact.describe(run, glob).stream().map(a -> a.toHanded(run)).toList();
    }
}
