package io.jenkins.plugins.installerpipeline.artifact;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import java.util.List;

/**
 * The artifacts found for a list of files and glob patterns, and the problems found on the way (a pattern that
 * matches nothing, a malformed name, two files with the same name). Each problem names the file or pattern.
 *
 * @param artifacts   the artifacts, sorted by name
 * @param diagnostics the problems; the artifacts are only usable when it has no errors
 * @param unreadable  the files named (not patterns) that cannot be read (no such file, a directory), each also a
 *                    diagnostic; the command line reports these as unreadable files, not as invalid input
 */
public record ArtifactScan(List<Artifact> artifacts, Diagnostics diagnostics, List<String> unreadable) {
    public ArtifactScan {
        artifacts = List.copyOf(artifacts);
        unreadable = List.copyOf(unreadable);
    }
}
