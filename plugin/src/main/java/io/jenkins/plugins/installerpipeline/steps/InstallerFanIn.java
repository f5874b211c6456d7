package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.installerpipeline.artifact.FanIn;
import io.jenkins.plugins.installerpipeline.jenkins.ArchivedArtifact;
import io.jenkins.plugins.installerpipeline.jenkins.BuildConsole;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerArtifactsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerBuild;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code uploadReleaseArtifact(fromInstallers: true)}: brings every finished installer build's archived artifacts
 * next to the package build's workspace (its {@code @tmp} directory), with the SHA-256 each had when it was archived,
 * so they are published together with the package's own files. Reads the upstream record
 * ({@link InstallerRunsAction}) and the fan-in record ({@link InstallerArtifactsAction}); changes neither.
 */
final class InstallerFanIn {

    /** The copied files (absolute paths on the workspace's machine) and the checksum each must have. */
    record Prepared(List<String> files, Map<String, String> expectedSha256) {}

    private InstallerFanIn() {}

    static Prepared prepare(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        InstallerRunsAction record = run.getAction(InstallerRunsAction.class);
        if (record == null || record.getBuilds().isEmpty()) {
            throw new AbortException("uploadReleaseArtifact: fromInstallers: true, but this build triggered no"
                    + " installer builds (call triggerInstallers first)");
        }
        List<FanIn.Attempt> attempts = new ArrayList<>();
        for (InstallerBuild b : record.getBuilds()) {
            attempts.add(new FanIn.Attempt(b.getTriggerKey(), b.getState().toPhase(), b.getDetail(),
                    b.getExternalizableId()));
        }
        FanIn.Decision decision = FanIn.decide(attempts);
        if (decision instanceof FanIn.NotFinished notFinished) {
            throw new AbortException("uploadReleaseArtifact: " + notFinished.message());
        }
        FanIn.Publish publish = (FanIn.Publish) decision;
        for (String note : publish.notes()) {
            listener.getLogger().println("uploadReleaseArtifact: " + note);
        }
        FilePath temp = WorkspaceList.tempDir(workspace);
        if (temp == null) {
            throw new AbortException("uploadReleaseArtifact: no temporary directory beside " + workspace.getRemote());
        }
        FilePath into = temp.child("installer-artifacts");
        into.deleteRecursive();
        List<String> files = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        InstallerArtifactsAction fanIn = run.getAction(InstallerArtifactsAction.class);
        for (FanIn.Attempt b : publish.include()) {
            String id = b.buildId().orElseThrow();
            Run<?, ?> child = Run.fromExternalizableId(id);
            if (child == null) {
                throw new AbortException("uploadReleaseArtifact: cannot find the installer build " + id
                        + " (deleted, or not visible to this build)");
            }
            // Recorded when the child finished; hashed now if that has not happened yet.
            List<ArchivedArtifact> artifacts = fanIn == null ? null
                    : fanIn.find(id).map(InstallerArtifactsAction.Child::getArtifacts).orElse(null);
            if (artifacts == null) {
                artifacts = ArchivedArtifact.describe(child);
            }
            for (ArchivedArtifact a : artifacts) {
                FilePath target = into.child(b.triggerKey()).child(a.getName());
                try (InputStream in = child.getArtifactManager().root().child(a.getPath()).open()) {
                    target.copyFrom(in);
                }
                files.add(target.getRemote());
                expected.put(a.getName(), a.getSha256());
            }
            listener.getLogger().println("uploadReleaseArtifact: " + artifacts.size() + " artifact"
                    + (artifacts.size() == 1 ? "" : "s") + " of " + BuildConsole.link(child));
        }
        return new Prepared(files, expected);
    }
}
