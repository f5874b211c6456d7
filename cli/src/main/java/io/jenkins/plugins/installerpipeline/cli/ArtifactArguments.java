package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.artifact.Artifact;
import io.jenkins.plugins.installerpipeline.artifact.ArtifactScan;
import io.jenkins.plugins.installerpipeline.artifact.Artifacts;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code FILE_OR_GLOB...} arguments of {@code manifest} and {@code publish}: described, or the problems printed.
 *
 * @param artifacts the described files, when {@code exitCode} is 0
 * @param exitCode  0, 1 for an invalid file (bad name, a pattern without a match), or {@link Main#USAGE} when a file
 *                  named cannot be read
 */
record ArtifactArguments(List<Artifact> artifacts, int exitCode) {

    /** Describes {@code files} relative to the working directory, printing every problem to {@code err}. */
    static ArtifactArguments describe(List<String> files, PrintWriter err) {
        ArtifactScan scan;
        try {
            scan = Artifacts.describe(files, Path.of("").toAbsolutePath());
        } catch (IOException e) {
            err.println("error: cannot read " + e.getMessage());
            return new ArtifactArguments(List.of(), Main.USAGE);
        }
        if (scan.diagnostics().hasErrors()) {
            // A release file's problems concern the file as a whole: no line and column.
            for (Diagnostic d : scan.diagnostics().errors()) {
                err.println(d.formatForFile());
            }
            err.flush();
            return new ArtifactArguments(List.of(), scan.unreadable().isEmpty() ? 1 : Main.USAGE);
        }
        return new ArtifactArguments(scan.artifacts(), 0);
    }
}
