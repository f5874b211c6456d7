package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.installerpipeline.artifact.HandedArtifact;
import io.jenkins.plugins.installerpipeline.artifact.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import jenkins.model.Jenkins;
import jenkins.util.VirtualFile;

/**
 * One archived artifact of an installer build, as listed on the upstream build's page (fan-in): where it is, its
 * size and SHA-256. Plain fields for XStream.
 */
public final class ArchivedArtifact {

    private final String path;
    private final long size;
    private final String sha256;

    public ArchivedArtifact(@NonNull String path, long size, @NonNull String sha256) {
        this.path = Objects.requireNonNull(path);
        this.size = size;
        this.sha256 = Objects.requireNonNull(sha256);
    }

    /** Path among the build's archived artifacts ({@code dist/kolibri-0.17.0.exe}). */
    public String getPath() {
        return path;
    }

    /** The file name. */
    public String getName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    /** The artifact's URL relative to the context path, for Jelly: {@code job/.../12/artifact/PATH}. */
    public String hrefIn(@NonNull Run<?, ?> run) {
        return hrefUnder(run.getUrl());
    }

    /**
     * The artifact's URL under a build's URL ({@code job/kolibri-windows/12/}), each path segment encoded: the one
     * place artifact URLs are built (build page, checks, hand-off).
     */
    public String hrefUnder(@NonNull String buildUrl) {
        return buildUrl + "artifact/" + encodePath(path);
    }

    /** As handed to another build, with an absolute URL when Jenkins knows its root URL. */
    public HandedArtifact toHanded(@NonNull Run<?, ?> run) {
        String root = Jenkins.get().getRootUrl();
        return new HandedArtifact(getName(), path, root == null ? "" : root + hrefIn(run), size, sha256);
    }

    /**
     * Describes every archived artifact of a build, streaming each through SHA-256 (the artifact manager may be
     * remote storage, so this reads through {@link VirtualFile#open()}). Call it off the CPS and request threads.
     */
    public static List<ArchivedArtifact> describe(@NonNull Run<?, ?> run) throws IOException {
        return describe(run, "**/*");
    }

    /**
     * Describes the archived artifacts of a build matching an Ant glob, sorted by path. Every archived file counts
     * (no default excludes): {@code archiveArtifacts} has already applied its own when it archived them.
     */
    public static List<ArchivedArtifact> describe(@NonNull Run<?, ?> run, @NonNull String glob) throws IOException {
        VirtualFile root = run.getArtifactManager().root();
        if (!root.isDirectory()) {
            return List.of(); // nothing archived: listing would throw
        }
        Collection<String> paths = root.list(glob, null, false);
        List<ArchivedArtifact> out = new ArrayList<>();
        for (String p : new TreeSet<>(paths)) {
            VirtualFile file = root.child(p);
            if (!file.isFile()) {
                continue;
            }
            String sha;
            try (InputStream in = file.open()) {
                sha = Sha256.of(in);
            }
            out.add(new ArchivedArtifact(p, file.length(), sha));
        }
        return out;
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(hudson.Util.rawEncode(segment));
        }
        return out.toString();
    }
}
