package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.installerpipeline.artifact.HandedArtifact;
import io.jenkins.plugins.installerpipeline.artifact.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import jenkins.model.Jenkins;
import jenkins.util.VirtualFile;

/**
 * Describes a build's archived artifacts for {@code INSTALLER_ARTIFACTS}: name, path, download URL, size and
 * SHA-256, the checksum streamed through the engine's {@link Sha256} from the artifact manager (which may keep the
 * files remotely). Does I/O: call it off the CPS VM thread.
 */
public final class ArchivedArtifacts {

    private ArchivedArtifacts() {}

    /** The artifacts of {@code run} matching the Ant glob, sorted by path. */
    public static @NonNull List<HandedArtifact> describe(@NonNull Run<?, ?> run, @NonNull String glob) throws IOException {
        VirtualFile root = run.getArtifactManager().root();
        if (!root.isDirectory()) {
            return List.of(); // nothing archived: listing would throw
        }
        String rootUrl = Jenkins.get().getRootUrl();
        List<HandedArtifact> out = new ArrayList<>();
        for (String path : new TreeSet<>(root.list(glob, null, true))) {
            VirtualFile file = root.child(path);
            if (!file.isFile()) {
                continue;
            }
            String sha;
            try (InputStream in = file.open()) {
                sha = Sha256.of(in);
            }
            String url = rootUrl == null ? "" : rootUrl + run.getUrl() + "artifact/" + encodePath(path);
            out.add(new HandedArtifact(file.getName(), path, url, file.length(), sha));
        }
        return out;
    }

    private static String encodePath(String path) {
        StringBuilder b = new StringBuilder();
        for (String segment : path.split("/")) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(hudson.Util.rawEncode(segment));
        }
        return b.toString();
    }
}
