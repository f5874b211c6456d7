package io.jenkins.plugins.installerpipeline.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.artifact.Artifact;
import io.jenkins.plugins.installerpipeline.artifact.ArtifactScan;
import io.jenkins.plugins.installerpipeline.artifact.Artifacts;
import io.jenkins.plugins.installerpipeline.release.AssetOutcome.Result;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub.Asset;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub.Fault;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub.RecordedRequest;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub.Release;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReleasePublisherTest {

    private static final String TOKEN = "ghp_SeCrEtToKeN0123456789";
    private static final String TAG = "v0.17.0";
    private static final String WHEEL = "kolibri-0.17.0-py2.py3-none-any.whl";
    private static final String EXE = "kolibri-0.17.0-windows-setup-unsigned.exe";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private FakeGitHub github;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final RepositoryName repository = new RepositoryName("learningequality", "kolibri");

    @Before
    public void startServer() throws Exception {
        github = FakeGitHub.start("learningequality", "kolibri", TOKEN);
    }

    @After
    public void stopServer() {
        github.close();
    }

    private ReleasePublisher publisher() {
        return new ReleasePublisher(new GitHubAccess(github.apiUrl(), TOKEN), RetryPolicy.defaults(), sleeps::add,
                Clock.fixed(NOW, ZoneOffset.UTC), new Random(42), log::add);
    }

    private Path file(String name, String content) throws Exception {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private Path file(String name, int size) throws Exception {
        Path p = tmp.getRoot().toPath().resolve(name);
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Files.write(p, bytes);
        return p;
    }

    private List<Artifact> artifacts(String... names) throws Exception {
        ArtifactScan scan = Artifacts.describe(List.of(names), tmp.getRoot().toPath());
        assertThat(scan.diagnostics().isEmpty()).as(scan.diagnostics().format()).isTrue();
        return scan.artifacts();
    }

    private PublishReport publish(PublishOptions options, List<Artifact> artifacts) {
        PublishReport report = publisher().publish(options, artifacts);
        assertNoToken(report);
        return report;
    }

    private void assertNoToken(PublishReport report) {
        List<String> text = new ArrayList<>(report.problems());
        report.outcomes().forEach(o -> text.add(o.line()));
        text.addAll(log);
        assertThat(text).noneMatch(line -> line.contains(TOKEN));
    }

    private List<String> lines(PublishReport report) {
        return report.outcomes().stream().map(AssetOutcome::line).toList();
    }

    private static String names(List<RecordedRequest> requests) {
        return String.join("\n", requests.stream().map(RecordedRequest::toString).toList());
    }

    @Test
    public void uploadsEachAssetWithContentTypeAndLabelToTheReleasesUploadUrl() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        file(EXE, "installer");
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts("*"));

        assertThat(report.succeeded()).isTrue();
        assertThat(lines(report)).containsExactly(WHEEL + ": uploaded", EXE + ": uploaded");
        List<RecordedRequest> uploads = github.requests("POST", "/assets$");
        assertThat(uploads).hasSize(2).allSatisfy(r -> {
            // GitHub Enterprise layout: the upload URL came from the release, not from the API URL.
            assertThat(r.path()).startsWith("/api/uploads/repos/learningequality/kolibri/releases/" + release.id());
            assertThat(r.headers().get("authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(r.headers()).containsKey("content-length");
        });
        assertThat(uploads.get(1).queryParameter("name")).isEqualTo(EXE);
        assertThat(uploads.get(1).queryParameter("label")).isEqualTo("Unsigned Windows installer");
        assertThat(uploads.get(1).headers().get("content-type")).isEqualTo("application/x-ms-dos-executable");
        assertThat(github.assets(release.id())).extracting(Asset::name, Asset::label, Asset::contentType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(WHEEL, "Whl file", "application/zip"),
                        org.assertj.core.groups.Tuple.tuple(EXE, "Unsigned Windows installer",
                                "application/x-ms-dos-executable"));
        assertThat(sleeps).isEmpty();
        assertThat(github.requests("GET", "/user$")).isEmpty();
    }

    @Test
    public void aReRunSkipsIdenticalAssetsWithoutUploadingAgain() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        file(EXE, "installer");
        assertThat(publish(PublishOptions.of(repository, TAG), artifacts("*")).succeeded()).isTrue();
        github.clearRequests();

        PublishReport again = publish(PublishOptions.of(repository, TAG), artifacts("*"));
        assertThat(again.succeeded()).isTrue();
        assertThat(lines(again)).containsExactly(WHEEL + ": skipped (identical)", EXE + ": skipped (identical)");
        assertThat(github.requests("POST", "")).isEmpty();
        assertThat(github.requests("DELETE", "")).isEmpty();
        assertThat(github.assets(release.id())).hasSize(2);
    }

    @Test
    public void aServerErrorIsRetriedAfterABackoff() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        github.inject("POST", "/releases/\\d+/assets$", 1, Fault.status(500, Map.of(), "{\"message\":\"boom\"}"));
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts(WHEEL));

        assertThat(report.succeeded()).isTrue();
        assertThat(lines(report)).containsExactly(WHEEL + ": uploaded");
        assertThat(github.requests("POST", "/assets$")).hasSize(2);
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(log).anyMatch(l -> l.contains("HTTP 500") && l.contains("attempt 2 of 6"));
        assertThat(github.assets(release.id())).singleElement().extracting(Asset::state).isEqualTo("uploaded");
    }

    @Test
    public void aConnectionResetMidUploadLeavesAStarterAssetThatIsDeletedBeforeTheRetry() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        Path exe = file(EXE, 3 * 1024 * 1024);
        github.inject("POST", "/releases/\\d+/assets$", 1, Fault.resetMidUpload(256 * 1024));
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts(EXE));

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(lines(report)).containsExactly(EXE + ": uploaded");
        List<RecordedRequest> seen = github.requests();
        int firstUpload = indexOf(seen, "POST", "/assets");
        int delete = indexOf(seen, "DELETE", "/releases/assets/");
        int secondUpload = lastIndexOf(seen, "POST", "/assets");
        assertThat(firstUpload).as(names(seen)).isLessThan(delete);
        assertThat(delete).as(names(seen)).isLessThan(secondUpload);
        assertThat(seen.subList(firstUpload, delete)).as(names(seen))
                .anyMatch(r -> r.method().equals("GET") && r.path().endsWith("/assets"));
        Asset asset = github.assets(release.id()).get(0);
        assertThat(github.assets(release.id())).hasSize(1);
        assertThat(asset.state()).isEqualTo("uploaded");
        assertThat(asset.size()).isEqualTo(Files.size(exe));
        assertThat(asset.sha256()).isEqualTo(artifacts(EXE).get(0).sha256());
    }

    @Test
    public void aStarterAssetFromAnEarlierRunIsDeletedFirst() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        Asset starter = github.addAsset(release.id(), WHEEL, 0, null, "starter");
        file(WHEEL, "wheel");
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts(WHEEL));
        assertThat(report.succeeded()).isTrue();
        assertThat(github.requests("DELETE", "/releases/assets/" + starter.id() + "$")).hasSize(1);
        assertThat(github.assets(release.id())).singleElement().extracting(Asset::state).isEqualTo("uploaded");
    }

    @Test
    public void alreadyExistsFromAConcurrentIdenticalUploadEndsWithThatAsset() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        Artifact wheel = artifacts(WHEEL).get(0);
        github.inject("POST", "/releases/\\d+/assets$", 1,
                Fault.before(s -> s.addAsset(release.id(), WHEEL, wheel.size(), wheel.sha256(), "uploaded")));
        PublishReport report = publish(PublishOptions.of(repository, TAG), List.of(wheel));

        assertThat(report.succeeded()).isTrue();
        assertThat(github.requests("POST", "/assets$")).hasSize(1); // answered 422 already_exists, not retried blindly
        assertThat(github.assets(release.id())).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    public void alreadyExistsWithDifferentContentIsAnErrorNamingTheFile() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        github.inject("POST", "/releases/\\d+/assets$", 1,
                Fault.before(s -> s.addAsset(release.id(), WHEEL, 5, "00".repeat(32), "uploaded")));
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts(WHEEL));

        assertThat(report.succeeded()).isFalse();
        assertThat(lines(report)).singleElement().asString().startsWith(WHEEL + ": error: ")
                .contains("different content").contains("digest sha256:0000");
        assertThat(github.requests("DELETE", "")).isEmpty();
    }

    @Test
    public void aSecondaryRateLimitWaitsForRetryAfter() throws Exception {
        github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        github.inject("GET", "/releases/tags/", 1, Fault.status(403, Map.of("Retry-After", "7"),
                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}"));
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts(WHEEL));

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(github.requests("GET", "/releases/tags/v0.17.0$")).hasSize(2);
    }

    @Test
    public void aPrimaryRateLimitWaitsUntilTheReset() throws Exception {
        github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        github.inject("GET", "/releases/\\d+/assets$", 1, Fault.status(403,
                Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 30)),
                "{\"message\":\"API rate limit exceeded\"}"));
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts(WHEEL));

        assertThat(report.succeeded()).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(31));
    }

    @Test
    public void stableClientErrorsAreNotRetried() throws Exception {
        github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        github.inject("POST", "/releases/\\d+/assets$", 1,
                Fault.status(403, Map.of(), "{\"message\":\"Resource not accessible by integration\"}"));
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts(WHEEL));

        assertThat(report.succeeded()).isFalse();
        assertThat(lines(report)).singleElement().asString().contains("HTTP 403 Resource not accessible");
        assertThat(github.requests("POST", "/assets$")).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    public void retriesAreBounded() throws Exception {
        github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        github.inject("POST", "/releases/\\d+/assets$", 100, Fault.status(502, Map.of(), "{\"message\":\"bad gateway\"}"));
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts(WHEEL));

        assertThat(report.succeeded()).isFalse();
        assertThat(lines(report)).singleElement().asString().contains("failed after 6 attempts");
        assertThat(github.requests("POST", "/assets$")).hasSize(6);
        assertThat(sleeps).hasSize(5);
    }

    @Test
    public void anAssetWithADifferentDigestIsAnErrorByDefaultAndSkippedWhenAsked() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        github.addAsset(release.id(), WHEEL, 5, "ab".repeat(32), "uploaded");
        PublishReport failed = publish(PublishOptions.of(repository, TAG), artifacts(WHEEL));
        assertThat(failed.succeeded()).isFalse();
        assertThat(lines(failed)).containsExactly(WHEEL + ": error: already on the release with different content"
                + " (digest sha256:" + "ab".repeat(32) + " on the release, " + artifacts(WHEEL).get(0).digest()
                + " locally); pass --on-existing replace to replace it");
        assertThat(github.requests("POST", "")).isEmpty();
        assertThat(github.requests("DELETE", "")).isEmpty();

        PublishReport skipped = publish(PublishOptions.of(repository, TAG).withOnExisting(OnExisting.SKIP),
                artifacts(WHEEL));
        assertThat(skipped.succeeded()).isTrue();
        assertThat(lines(skipped)).singleElement().asString().startsWith(WHEEL + ": skipped (differs): digest");
    }

    @Test
    public void withoutDigestsTheSizeDecides() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        github.reportDigests(false);
        file(WHEEL, "wheel");
        github.addAsset(release.id(), WHEEL, 5, "ab".repeat(32), "uploaded");
        github.addAsset(release.id(), EXE, 4, "ab".repeat(32), "uploaded");
        file(EXE, "installer");
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts(WHEEL, EXE));
        assertThat(lines(report)).containsExactly(WHEEL + ": skipped (identical)",
                EXE + ": error: already on the release with different content (size 4 on the release, 9 locally);"
                        + " pass --on-existing replace to replace it");
    }

    @Test
    public void replacingUploadsUnderATemporaryNameThenSwapsAndDeletesTheOldCopy() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        Asset old = github.addAsset(release.id(), WHEEL, 5, "ab".repeat(32), "uploaded");
        file(WHEEL, "wheel");
        Artifact wheel = artifacts(WHEEL).get(0);
        PublishReport report = publish(PublishOptions.of(repository, TAG).withOnExisting(OnExisting.REPLACE),
                List.of(wheel));

        assertThat(report.succeeded()).isTrue();
        assertThat(lines(report)).containsExactly(WHEEL + ": replaced");
        List<RecordedRequest> writes = github.requests().stream()
                .filter(r -> !r.method().equals("GET")).toList();
        String temp = WHEEL + ".new-" + wheel.sha256().substring(0, 12);
        assertThat(writes).extracting(RecordedRequest::method).containsExactly("POST", "PATCH", "PATCH", "DELETE");
        assertThat(writes.get(0).queryParameter("name")).isEqualTo(temp);
        assertThat(writes.get(1).path()).endsWith("/releases/assets/" + old.id());
        assertThat(writes.get(3).path()).endsWith("/releases/assets/" + old.id());
        assertThat(github.assets(release.id())).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo(WHEEL);
            assertThat(a.sha256()).isEqualTo(wheel.sha256());
        });
    }

    @Test
    public void aFailureInTheMiddleOfAReplaceLeavesTheOldAssetUnderItsName() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        Asset old = github.addAsset(release.id(), WHEEL, 5, "ab".repeat(32), "uploaded");
        file(WHEEL, "wheel");
        // The first rename (old copy aside) works; moving the new copy into place is refused.
        github.inject("PATCH", "/releases/assets/", 1, Fault.before(s -> {}));
        github.inject("PATCH", "/releases/assets/", 1, Fault.status(403, Map.of(), "{\"message\":\"Forbidden\"}"));
        PublishReport report = publish(PublishOptions.of(repository, TAG).withOnExisting(OnExisting.REPLACE),
                artifacts(WHEEL));

        assertThat(report.succeeded()).isFalse();
        assertThat(lines(report)).singleElement().asString().startsWith(WHEEL + ": error: could not rename the new")
                .endsWith("the old asset is back under its name");
        assertThat(github.assets(release.id())).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(old.id());
            assertThat(a.name()).isEqualTo(WHEEL);
        });
    }

    @Test
    public void aReplaceInterruptedBetweenTheRenamesIsFinishedByTheNextRun() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        Artifact wheel = artifacts(WHEEL).get(0);
        Asset aside = github.addAsset(release.id(), WHEEL + ".old-7", 5, "ab".repeat(32), "uploaded");
        Asset fresh = github.addAsset(release.id(), WHEEL + ".new-" + wheel.sha256().substring(0, 12), wheel.size(),
                wheel.sha256(), "uploaded");
        PublishReport report = publish(PublishOptions.of(repository, TAG), List.of(wheel));

        assertThat(report.succeeded()).isTrue();
        assertThat(github.requests("POST", "")).isEmpty();
        assertThat(github.requests("DELETE", "/releases/assets/" + aside.id() + "$")).hasSize(1);
        assertThat(github.assets(release.id())).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(fresh.id());
            assertThat(a.name()).isEqualTo(WHEEL);
        });
    }

    @Test
    public void assetListsArePaginated() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        Artifact wheel = artifacts(WHEEL).get(0);
        for (int i = 0; i < 130; i++) {
            github.addAsset(release.id(), "other-" + i + ".bin", 1, "cd".repeat(32), "uploaded");
        }
        github.addAsset(release.id(), WHEEL, wheel.size(), wheel.sha256(), "uploaded");
        PublishReport report = publish(PublishOptions.of(repository, TAG), List.of(wheel));

        assertThat(lines(report)).containsExactly(WHEEL + ": skipped (identical)");
        List<RecordedRequest> pages = github.requests("GET", "/releases/\\d+/assets$");
        assertThat(pages).extracting(r -> r.queryParameter("page")).containsExactly(null, "2");
        assertThat(github.requests("POST", "")).isEmpty();
    }

    @Test
    public void theAssetLimitIsCheckedBeforeUploading() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        for (int i = 0; i < 999; i++) {
            github.addAsset(release.id(), "other-" + i + ".bin", 1, "cd".repeat(32), "uploaded");
        }
        file(WHEEL, "wheel");
        file(EXE, "installer");
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts("*"));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.problems()).singleElement().asString()
                .contains("the release has 999 assets and 2 more would exceed GitHub's limit of 1000");
        assertThat(github.requests("POST", "")).isEmpty();
    }

    @Test
    public void aFileOverTwoGibibytesIsRefusedBeforeAnyRequest() throws Exception {
        Path big = tmp.getRoot().toPath().resolve("kolibri-pi-image-0.17.0.zip");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(ReleasePublisher.MAX_ASSET_BYTES + 1); // sparse: no disk used
        }
        Artifact artifact = new Artifact(big, big.getFileName().toString(), Files.size(big), "00".repeat(32),
                io.jenkins.plugins.installerpipeline.artifact.ArtifactNames.parse(big.getFileName().toString())
                        .name().orElseThrow());
        PublishReport report = publish(PublishOptions.of(repository, TAG), List.of(artifact));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.problems()).singleElement().asString().startsWith("kolibri-pi-image-0.17.0.zip: error: 2147483649"
                + " bytes is over GitHub's limit of 2 GiB");
        assertThat(github.requests()).isEmpty();
    }

    @Test
    public void versionsMustMatchTheTagUnlessAllowed() throws Exception {
        github.addRelease(TAG, false, false);
        file("kolibri-0.16.9.pex", "pex");
        PublishReport refused = publish(PublishOptions.of(repository, TAG), artifacts("*"));
        assertThat(refused.problems()).singleElement().asString().startsWith("kolibri-0.16.9.pex: error: version 0.16.9")
                .contains("--allow-version-mismatch");
        assertThat(github.requests()).isEmpty();

        PublishReport allowed = publish(PublishOptions.of(repository, TAG).withVersionMismatchAllowed(), artifacts("*"));
        assertThat(allowed.succeeded()).isTrue();
    }

    @Test
    public void aMissingReleaseIsAClearErrorUnlessCreationIsAsked() throws Exception {
        file(WHEEL, "wheel");
        PublishReport report = publish(PublishOptions.of(repository, TAG), artifacts(WHEEL));
        assertThat(report.problems()).containsExactly(
                "error: learningequality/kolibri has no release with tag 'v0.17.0'; create it, or pass --create");
        assertThat(github.requests("POST", "")).isEmpty();
    }

    @Test
    public void aDraftIsCreatedFilledAndPublishedOnlyAtTheEnd() throws Exception {
        file(WHEEL, "wheel");
        file(EXE, "installer");
        PublishReport report = publish(PublishOptions.of(repository, "v0.17.0-beta1").withCreate(true, true)
                .withPublish().withVersionMismatchAllowed(), artifacts("*"));

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(report.published()).isTrue();
        List<RecordedRequest> writes = github.requests().stream().filter(r -> !r.method().equals("GET")).toList();
        assertThat(writes).extracting(RecordedRequest::method).containsExactly("POST", "POST", "POST", "PATCH");
        assertThat(writes.get(0).path()).endsWith("/repos/learningequality/kolibri/releases");
        Release release = github.release("v0.17.0-beta1").orElseThrow();
        assertThat(release.draft()).isFalse();
        assertThat(release.prerelease()).isTrue();
        assertThat(github.assets(release.id())).hasSize(2);
    }

    @Test
    public void anExistingDraftIsReusedAndNotPublishedWhenAnAssetFails() throws Exception {
        Release draft = github.addRelease(TAG, true, false);
        file(WHEEL, "wheel");
        file(EXE, "installer");
        github.inject("POST", "/releases/\\d+/assets$", 1, Fault.status(422, Map.of(),
                "{\"message\":\"Validation Failed\",\"errors\":[{\"code\":\"custom\",\"message\":\"bad name\"}]}"));
        PublishReport report = publish(PublishOptions.of(repository, TAG).withCreate(true, false).withPublish(),
                artifacts("*"));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.published()).isFalse();
        assertThat(report.problems()).containsExactly(
                "error: the draft release was not published because not every asset is on it");
        assertThat(github.requests("POST", "/releases$")).isEmpty();
        assertThat(github.requests("PATCH", "/releases/\\d+$")).isEmpty();
        assertThat(github.release(TAG).orElseThrow().draft()).isTrue();
        assertThat(github.assets(draft.id())).extracting(Asset::name).containsExactly(EXE);
    }

    @Test
    public void theTokenNeverAppearsInMessages() throws Exception {
        file(WHEEL, "wheel");
        PublishReport wrongToken = new ReleasePublisher(new GitHubAccess(github.apiUrl(), "ghp_wrong_" + TOKEN),
                RetryPolicy.defaults(), sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC), new Random(1), log::add)
                .publish(PublishOptions.of(repository, TAG), artifacts(WHEEL));
        assertThat(wrongToken.succeeded()).isFalse();
        assertThat(String.join("\n", wrongToken.problems())).doesNotContain(TOKEN).contains("401");
        assertThat(new GitHubAccess(github.apiUrl(), TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(log).noneMatch(l -> l.contains(TOKEN));
    }

    @Test
    public void aHostThatDoesNotResolveOrRefusesFailsAtOnceWithoutRetrying() throws Exception {
        file(WHEEL, "wheel");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        for (String api : List.of("http://github.invalid/api/v3", "http://127.0.0.1:" + closedPort + "/api/v3")) {
            long start = System.nanoTime();
            PublishReport report = new ReleasePublisher(new GitHubAccess(java.net.URI.create(api), TOKEN),
                    RetryPolicy.defaults(), sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC), new Random(1), log::add)
                    .publish(PublishOptions.of(repository, TAG), artifacts(WHEEL));
            assertNoToken(report);
            assertThat(report.succeeded()).isFalse();
            assertThat(report.problems()).containsExactly(api.contains("invalid")
                    ? "error: cannot reach github.invalid: unknown host"
                    : "error: cannot reach 127.0.0.1:" + closedPort + ": connection refused");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(sleeps).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    public void aDryRunSaysWhatWouldHappenAndChangesNothing() throws Exception {
        Release release = github.addRelease(TAG, false, false);
        file(WHEEL, "wheel");
        file(EXE, "installer");
        file("kolibri-0.17.0.pex", "pex");
        Artifact exe = artifacts(EXE).get(0);
        github.addAsset(release.id(), WHEEL, 5, "ab".repeat(32), "uploaded");
        github.addAsset(release.id(), EXE, exe.size(), exe.sha256(), "uploaded");
        github.addAsset(release.id(), "kolibri-0.17.0.pex", 0, null, "starter");
        PublishReport report = publisher().dryRun(PublishOptions.of(repository, TAG)
                .withOnExisting(OnExisting.REPLACE), artifacts("*"));
        assertNoToken(report);

        assertThat(report.succeeded()).isTrue();
        assertThat(lines(report)).containsExactly(
                WHEEL + ": would be replaced: digest sha256:" + "ab".repeat(32) + " on the release, "
                        + artifacts(WHEEL).get(0).digest() + " locally",
                EXE + ": would be skipped (identical)",
                "kolibri-0.17.0.pex: would be uploaded: after deleting the unfinished upload left on the release"
                        + " (state starter)");
        assertThat(github.requests()).allMatch(r -> r.method().equals("GET"));
        assertThat(github.assets(release.id())).hasSize(3);

        PublishReport failing = publisher().dryRun(PublishOptions.of(repository, TAG), artifacts(WHEEL));
        assertThat(failing.succeeded()).isFalse();
        assertThat(lines(failing)).singleElement().asString().startsWith(WHEEL + ": error: already on the release");
    }

    @Test
    public void aDryRunOfAMissingReleaseSaysItWouldBeCreatedAndPublished() throws Exception {
        file(WHEEL, "wheel");
        PublishReport report = publisher().dryRun(PublishOptions.of(repository, TAG).withCreate(true, false)
                .withPublish(), artifacts(WHEEL));

        assertThat(report.succeeded()).isTrue();
        assertThat(report.notes()).containsExactly("release v0.17.0: would be created as a draft",
                "release v0.17.0: the draft would be published once every asset is on it");
        assertThat(lines(report)).containsExactly(WHEEL + ": would be uploaded");
        assertThat(github.requests()).allMatch(r -> r.method().equals("GET"));
        assertThat(github.release(TAG)).isEmpty();
    }

    @Test
    public void aDraftIsFoundOnALaterPageOfTheReleases() throws Exception {
        for (int i = 0; i < 120; i++) {
            github.addRelease("v0.0." + i, false, false);
        }
        Release draft = github.addRelease(TAG, true, false);
        file(WHEEL, "wheel");
        PublishReport report = publish(PublishOptions.of(repository, TAG).withCreate(true, false), artifacts(WHEEL));

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(github.requests("GET", "/releases$")).extracting(r -> r.queryParameter("page"))
                .containsExactly(null, "2");
        assertThat(github.requests("POST", "/releases$")).isEmpty();
        assertThat(github.assets(draft.id())).extracting(Asset::name).containsExactly(WHEEL);
    }

    private static int indexOf(List<RecordedRequest> requests, String method, String pathPart) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).method().equals(method) && requests.get(i).path().contains(pathPart)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<RecordedRequest> requests, String method, String pathPart) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).method().equals(method) && requests.get(i).path().contains(pathPart)) {
                return i;
            }
        }
        return -1;
    }
}
