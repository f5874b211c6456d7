package io.jenkins.plugins.installerpipeline.benchmarks;

import io.jenkins.plugins.installerpipeline.artifact.Artifact;
import io.jenkins.plugins.installerpipeline.artifact.ArtifactNames;
import io.jenkins.plugins.installerpipeline.release.GitHubAccess;
import io.jenkins.plugins.installerpipeline.release.PublishOptions;
import io.jenkins.plugins.installerpipeline.release.PublishReport;
import io.jenkins.plugins.installerpipeline.release.ReleasePublisher;
import io.jenkins.plugins.installerpipeline.release.RepositoryName;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Uploads a 2 GiB file to the local {@link FakeGitHub} with {@link ReleasePublisher} and with
 * {@code curl -X POST -T file}, in turns (publisher, curl, publisher, curl, ...: {@code ROUNDS} of each, 3 by default),
 * so that a change in the machine's load falls on both; then tries {@code curl --data-binary @file} once. Prints each
 * run's time, throughput and this JVM's peak heap (after a 256 MiB warm-up upload).
 * <ul>
 *   <li>A publisher run is what {@code installer-pipeline publish} does with a file: hash it (SHA-256, for the
 *       release's digest check), then find the release, list its assets, upload, and verify size and digest. Its time
 *       includes the hashing, which is also printed on its own.</li>
 *   <li>curl hashes nothing. A curl run that fails (exit code or HTTP status) is printed as a failure, without a
 *       throughput.</li>
 * </ul>
 * Run it with a small heap to show uploads stream: {@code java -Xmx128m -cp benchmarks/target/benchmarks.jar
 * io.jenkins.plugins.installerpipeline.benchmarks.UploadHarness [BYTES [ROUNDS]]}. Each round's file is sparse (no disk
 * used; it reads as zeros), has the round's version in its name and goes to the release of that version; every file
 * is deleted at the end. The server hashes every byte it receives, in this JVM, for both clients.
 */
public final class UploadHarness {

    private static final String TOKEN = "bench-token";
    private static final RepositoryName REPOSITORY = new RepositoryName("learningequality", "kolibri");

    private UploadHarness() {}

    public static void main(String[] args) throws Exception {
        long bytes = args.length > 0 ? Long.parseLong(args[0]) : ReleasePublisher.MAX_ASSET_BYTES;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("upload-bench-");
        try (FakeGitHub github = FakeGitHub.start(REPOSITORY.owner(), REPOSITORY.name(), TOKEN)) {
            // Warm-up: class loading, JIT and the first connections, so the figures are the uploads' own.
            publish(github, dir, 0, 256L << 20, "warm-up");
            FakeGitHub.Release curlRelease = github.addRelease("curl", false, false);
            String base = github.apiUrl().toString().replace("/api/v3", "/api/uploads") + "/repos/"
                    + REPOSITORY.owner() + "/" + REPOSITORY.name() + "/releases/" + curlRelease.id() + "/assets?name=";
            Path curlFile = sparse(dir.resolve("curl-upload.zip"), bytes);
            for (int round = 1; round <= rounds; round++) {
                publish(github, dir, round, bytes, "ReleasePublisher (round " + round + ")");
                curl("curl -X POST -T file (round " + round + ")", bytes,
                        List.of("-X", "POST", "-T", curlFile.toString()), base + "curl-t-" + round + ".zip");
            }
            curl("curl --data-binary @file", bytes, List.of("--data-binary", "@" + curlFile), base + "curl-data.zip");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** Hashes and publishes a sparse file of round {@code round}'s version to that version's release. */
    private static void publish(FakeGitHub github, Path dir, int round, long bytes, String what) throws Exception {
        String version = "0.17." + round;
        Path file = sparse(dir.resolve("kolibri-pi-image-" + version + ".zip"), bytes);
        FakeGitHub.Release release = github.addRelease("v" + version, false, false);
        HeapPeaks.reset();
        long start = System.nanoTime();
        Artifact artifact = Artifact.of(file, ArtifactNames.parse(file.getFileName().toString()).name().orElseThrow());
        long hashed = System.nanoTime();
        PublishReport report = ReleasePublisher.create(new GitHubAccess(github.apiUrl(), TOKEN), System.err::println)
                .publish(PublishOptions.of(REPOSITORY, "v" + version), List.of(artifact));
        long end = System.nanoTime();
        long peak = HeapPeaks.peak();
        Files.delete(file);
        if (!report.succeeded()) {
            System.out.printf(Locale.ROOT, "%s: failed: %s%n", what, report);
            return;
        }
        FakeGitHub.Asset asset = github.assets(release.id()).stream()
                .filter(a -> a.name().equals(artifact.name())).findFirst().orElseThrow();
        if (asset.size() != bytes || !asset.sha256().equals(artifact.sha256())) {
            throw new IllegalStateException("server received something else: " + asset);
        }
        double seconds = (end - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d bytes in %.2f s = %.0f MiB/s (hashing %.2f s, upload %.2f s);"
                        + " peak heap %.1f MiB (max heap %d MiB)%n", what, bytes, seconds, mibPerSecond(bytes, seconds),
                (hashed - start) / 1e9, (end - hashed) / 1e9, peak / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static Path sparse(Path file, long bytes) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file;
    }

    private static void curl(String what, long bytes, List<String> body, String url) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "-w",
                "HTTP %{http_code}", "-H", "Authorization: token " + TOKEN, "-H", "Content-Type: application/zip"));
        command.addAll(body);
        command.add(url);
        HeapPeaks.reset();
        long start = System.nanoTime();
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes()).trim().replace('\n', ' ');
        int exit = curl.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0 || !output.matches("(?s).*HTTP 2\\d\\d$")) {
            System.out.printf(Locale.ROOT, "%s: failed after %.2f s (exit %d, %s)%n", what, seconds, exit, output);
            return;
        }
        System.out.printf(Locale.ROOT, "%s: %d bytes in %.2f s = %.0f MiB/s (%s); server-side peak heap %.1f MiB%n",
                what, bytes, seconds, mibPerSecond(bytes, seconds), output, HeapPeaks.peak() / 1048576.0);
    }

    private static double mibPerSecond(long bytes, double seconds) {
        return bytes / seconds / (1 << 20);
    }
}
