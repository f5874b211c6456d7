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
 * Uploads one 2 GiB file to the local {@link FakeGitHub} with {@link ReleasePublisher}, then the same file with
 * {@code curl --data-binary @file} and {@code curl -X POST -T file} to the same server, and prints time, throughput
 * and this JVM's peak heap (after a 256 MiB warm-up upload).
 * Run it with a small heap to show uploads stream: {@code java -Xmx128m -cp benchmarks/target/benchmarks.jar
 * io.jenkins.plugins.installerpipeline.benchmarks.UploadHarness [BYTES]}. The file is sparse (no disk used; it reads
 * as zeros) and deleted at the end. The server hashes every byte it receives, in this JVM, for both clients.
 */
public final class UploadHarness {

    private UploadHarness() {}

    public static void main(String[] args) throws Exception {
        long bytes = args.length > 0 ? Long.parseLong(args[0]) : ReleasePublisher.MAX_ASSET_BYTES;
        String token = "bench-token";
        Path dir = Files.createTempDirectory("upload-bench-");
        Path file = dir.resolve("kolibri-pi-image-0.17.0.zip");
        try (FakeGitHub github = FakeGitHub.start("learningequality", "kolibri", token)) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(bytes);
            }
            FakeGitHub.Release release = github.addRelease("v0.17.0", false, false);
            Artifact artifact = Artifact.of(file, ArtifactNames.parse(file.getFileName().toString()).name().orElseThrow());

            // Warm-up: class loading, JIT and the first connections, so the figure is the upload's own.
            Path warmup = dir.resolve("warmup.bin");
            try (RandomAccessFile raf = new RandomAccessFile(warmup.toFile(), "rw")) {
                raf.setLength(256L << 20);
            }
            ReleasePublisher.create(new GitHubAccess(github.apiUrl(), token), System.err::println)
                    .publish(PublishOptions.of(new RepositoryName("learningequality", "kolibri"), "v0.17.0"),
                            List.of(Artifact.of(warmup, ArtifactNames.parse("warmup.bin").name().orElseThrow())));
            Files.delete(warmup);

            HeapPeaks.reset();
            long start = System.nanoTime();
            PublishReport report = ReleasePublisher.create(new GitHubAccess(github.apiUrl(), token), System.err::println)
                    .publish(PublishOptions.of(new RepositoryName("learningequality", "kolibri"), "v0.17.0"),
                            List.of(artifact));
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = HeapPeaks.peak();
            if (!report.succeeded()) {
                throw new IllegalStateException("upload failed: " + report);
            }
            FakeGitHub.Asset asset = github.assets(release.id()).stream()
                    .filter(a -> a.name().equals(artifact.name())).findFirst().orElseThrow();
            if (asset.size() != bytes || !asset.sha256().equals(artifact.sha256())) {
                throw new IllegalStateException("server received something else: " + asset);
            }
            System.out.printf(Locale.ROOT, "ReleasePublisher: %d bytes in %.2f s = %.0f MiB/s; peak heap %.1f MiB"
                            + " (max heap %d MiB)%n", bytes, seconds, bytes / seconds / (1 << 20), peak / 1048576.0,
                    Runtime.getRuntime().maxMemory() >> 20);

            String base = github.apiUrl().toString().replace("/api/v3", "/api/uploads")
                    + "/repos/learningequality/kolibri/releases/" + release.id() + "/assets?name=";
            curl("curl --data-binary @file", bytes, List.of("--data-binary", "@" + file), base + "curl-data.zip", token);
            curl("curl -X POST -T file", bytes, List.of("-X", "POST", "-T", file.toString()), base + "curl-t.zip",
                    token);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir.resolve("warmup.bin"));
            Files.deleteIfExists(dir);
        }
    }

    private static void curl(String what, long bytes, List<String> body, String url, String token) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "-w", "HTTP %{http_code}",
                "-H", "Authorization: token " + token, "-H", "Content-Type: application/zip"));
        command.addAll(body);
        command.add(url);
        HeapPeaks.reset();
        long start = System.nanoTime();
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes()).trim().replace('\n', ' ');
        int exit = curl.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d bytes in %.2f s = %.0f MiB/s (exit %d, %s); server-side peak heap"
                + " %.1f MiB%n", what, bytes, seconds, bytes / seconds / (1 << 20), exit, output, HeapPeaks.peak() / 1048576.0);
    }
}
