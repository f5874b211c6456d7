package io.jenkins.plugins.installerpipeline.steps;

import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.installerpipeline.release.GitHubAccess;
import io.jenkins.plugins.installerpipeline.release.OnExisting;
import io.jenkins.plugins.installerpipeline.release.PublishOptions;
import io.jenkins.plugins.installerpipeline.release.PublishRun;
import io.jenkins.plugins.installerpipeline.release.Redaction;
import io.jenkins.plugins.installerpipeline.release.ReleaseTarget;
import io.jenkins.plugins.installerpipeline.release.RepositoryName;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine's {@link PublishRun} (and so its {@code ReleasePublisher}) on the machine that holds the files
 * (the agent of the workspace), so multi-GB installers stream from its disk to GitHub and never pass through the
 * controller. The engine's retries, {@code starter}-asset cleanup and idempotency apply unchanged.
 *
 * <p>The whole publisher runs on the agent: the engine talks to GitHub with the JDK's own HTTP client, so nothing but
 * this plugin's classes and the engine's (sent over the agent connection from the controller) runs there; no
 * github-api (a multi-release jar whose classes remoting does not resolve, and whose PATCH needs reflection Java 17
 * refuses). Only plain JDK types and this plugin's own classes cross the channel as data.
 *
 * <p>The token travels inside this callable over the agent channel, exists as a String only, and every line printed
 * or returned is passed through {@link Redaction#mask}.
 */
final class ReleaseUpload extends MasterToSlaveFileCallable<ReleaseUpload.Outcome> {

    private static final long serialVersionUID = 1L;

    private final String includes;
    private final ArrayList<String> extraFiles;
    private final HashMap<String, String> expectedSha256;
    private final String repository;
    private final String tag;
    private final String apiUrl;
    private final boolean create;
    private final boolean draft;
    private final boolean publish;
    private final boolean prerelease;
    private final String onExisting;
    private final boolean allowVersionMismatch;
    private final String token;
    private final TaskListener listener;

    /**
     * @param includes       comma-separated Ant patterns relative to the workspace (may be blank)
     * @param extraFiles     absolute paths on the same machine (installer artifacts copied next to the workspace)
     * @param expectedSha256 file name to the SHA-256 it must have (installer artifacts, from the upstream's record)
     */
    ReleaseUpload(String includes, List<String> extraFiles, Map<String, String> expectedSha256, ReleaseTarget target,
            boolean create, boolean draft, boolean publish, boolean prerelease, OnExisting onExisting,
            boolean allowVersionMismatch, String token, TaskListener listener) {
        this.includes = includes == null ? "" : includes;
        this.extraFiles = new ArrayList<>(extraFiles);
        this.expectedSha256 = new HashMap<>(expectedSha256);
        this.repository = target.repository().toString();
        this.tag = target.tag();
        this.apiUrl = target.apiUrl().toString();
        this.create = create;
        this.draft = draft;
        this.publish = publish;
        this.prerelease = prerelease;
        this.onExisting = onExisting.name();
        this.allowVersionMismatch = allowVersionMismatch;
        this.token = token;
        this.listener = listener;
    }

    /** What happened, in plain serializable JDK types. */
    static final class Outcome implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Failures of the run as a whole (a refused file, no release); empty when none. */
        final ArrayList<String> problems = new ArrayList<>();
        final ArrayList<AssetLine> assets = new ArrayList<>();
        String releaseUrl = "";
        boolean succeeded;
    }

    /** One asset's outcome. */
    static final class AssetLine implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;
        final long size;
        final String sha256;
        final String url;
        final String result;
        final String detail;
        final String line;
        final boolean failed;

        AssetLine(String name, long size, String sha256, String url, String result, String detail, String line,
                boolean failed) {
            this.name = name;
            this.size = size;
            this.sha256 = sha256;
            this.url = url;
            this.result = result;
            this.detail = detail;
            this.line = line;
            this.failed = failed;
        }
    }

    @Override
    public Outcome invoke(File dir, VirtualChannel channel) throws IOException, InterruptedException {
        Outcome outcome = new Outcome();
        try {
            upload(dir, outcome);
        } catch (IOException | RuntimeException e) {
            // Library exceptions may quote a request or a server's answer: never let the token through.
            outcome.problems.add(mask("error: " + e));
            outcome.succeeded = false;
        }
        return outcome;
    }

    private void upload(File dir, Outcome outcome) throws IOException, InterruptedException {
        FilePath workspace = new FilePath(dir);
        List<String> paths = new ArrayList<>();
        for (String pattern : includes.split(",")) {
            String p = pattern.trim();
            if (p.isEmpty()) {
                continue;
            }
            FilePath[] found = workspace.list(p);
            if (found.length == 0) {
                outcome.problems.add("error: pattern '" + p + "' matches no files in the workspace");
            }
            for (FilePath f : found) {
                paths.add(f.getRemote());
            }
        }
        paths.addAll(extraFiles);
        if (!outcome.problems.isEmpty()) {
            return;
        }
        if (paths.isEmpty()) {
            outcome.problems.add("error: nothing to upload: give files, or fromInstallers: true after installers"
                    + " have archived artifacts");
            return;
        }
        PrintStream log = listener.getLogger();
        PublishOptions options = new PublishOptions(RepositoryName.parse(repository).orElseThrow(), tag, create,
                draft, publish, prerelease, OnExisting.valueOf(onExisting), allowVersionMismatch);
        PublishRun.Result result = PublishRun.run(paths, dir.toPath(), expectedSha256, options,
                new GitHubAccess(URI.create(apiUrl), token), log::println);
        outcome.problems.addAll(result.problems());
        for (PublishRun.AssetResult a : result.assets()) {
            outcome.assets.add(new AssetLine(a.name(), a.size(), a.sha256(), a.url(), a.result(), a.detail(),
                    a.line(), a.failed()));
        }
        outcome.releaseUrl = result.releaseUrl();
        outcome.succeeded = result.succeeded();
    }

    private String mask(String text) {
        return Redaction.mask(text, token);
    }
}
