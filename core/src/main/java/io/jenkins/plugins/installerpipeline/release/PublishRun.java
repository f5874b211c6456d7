package io.jenkins.plugins.installerpipeline.release;

import io.jenkins.plugins.installerpipeline.artifact.Artifact;
import io.jenkins.plugins.installerpipeline.artifact.ArtifactScan;
import io.jenkins.plugins.installerpipeline.artifact.Artifacts;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One upload as a CI step runs it (the Jenkins {@code uploadReleaseArtifact} step, on the agent that holds the files):
 * describe the files, check those whose checksum was promised (installer builds' artifacts), publish, and report
 * every asset with its size, SHA-256 and download link. Every line it logs or returns has the token masked
 * ({@link Redaction}), including text that comes from a library or a server.
 */
public final class PublishRun {

    /** One asset's outcome, for a console line and a row on the build page. */
    public record AssetResult(String name, long size, String sha256, String url, String result, String detail,
                              String line, boolean failed) {}

    /**
     * What happened.
     *
     * @param problems   failures of the run as a whole (a refused file, no release), masked
     * @param assets     one per file, in the publisher's order
     * @param releaseUrl the release page, empty when not found
     * @param succeeded  no problem and every asset is on the release
     */
    public record Result(List<String> problems, List<AssetResult> assets, String releaseUrl, boolean succeeded) {
        public Result {
            problems = List.copyOf(problems);
            assets = List.copyOf(assets);
        }
    }

    private PublishRun() {}

    /**
     * Runs it. Never throws for a user's or GitHub's failure: they are {@link Result#problems()}.
     *
     * @param files          paths of the files (absolute, or relative to {@code directory})
     * @param directory      where relative paths start
     * @param expectedSha256 file name to the SHA-256 it must have; files not named are not checked
     * @param options        where and how to publish
     * @param access         the API and token
     * @param log            receives the publisher's lines (retries, recovery), masked
     */
    public static Result run(List<String> files, Path directory, Map<String, String> expectedSha256,
                             PublishOptions options, GitHubAccess access, Consumer<String> log) {
        String token = access.token();
        List<String> problems = new ArrayList<>();
        if (files.isEmpty()) {
            return new Result(List.of("error: nothing to upload"), List.of(), "", false);
        }
        try {
            ArtifactScan scan = Artifacts.describe(files, directory);
            for (Diagnostic d : scan.diagnostics().errors()) {
                problems.add(Redaction.mask(d.formatForFile(), token));
            }
            for (Artifact a : scan.artifacts()) {
                String expected = expectedSha256.get(a.name());
                if (expected != null && !expected.equalsIgnoreCase(a.sha256())) {
                    problems.add(a.name() + ": error: checksum mismatch: expected SHA-256 " + expected.toLowerCase()
                            + " (recorded when its build finished), the copy to upload has " + a.sha256());
                }
            }
            if (!problems.isEmpty()) {
                return new Result(problems, List.of(), "", false);
            }
            ReleasePublisher publisher = ReleasePublisher.create(access, line -> log.accept(Redaction.mask(line,
                    token)));
            PublishReport report = publisher.publish(options, scan.artifacts());
            Map<String, Artifact> byName = new HashMap<>();
            scan.artifacts().forEach(a -> byName.put(a.name(), a));
            List<AssetResult> assets = new ArrayList<>();
            for (AssetOutcome o : report.outcomes()) {
                Optional<Artifact> a = Optional.ofNullable(byName.get(o.name()));
                String url = o.onRelease()
                        ? ReleaseTarget.assetUrl(report.releaseUrl(), options.tag(), o.name()).orElse("") : "";
                assets.add(new AssetResult(o.name(), a.map(Artifact::size).orElse(0L), a.map(Artifact::sha256)
                        .orElse(""), url, o.result().word(), Redaction.mask(o.detail(), token),
                        Redaction.mask(o.line(), token), !o.onRelease()));
            }
            report.problems().forEach(p -> problems.add(Redaction.mask(p, token)));
            return new Result(problems, assets, report.releaseUrl().orElse(""), report.succeeded());
        } catch (IOException | RuntimeException e) {
            problems.add(Redaction.mask("error: " + e, token));
            return new Result(problems, List.of(), "", false);
        }
    }
}
