package io.jenkins.plugins.installerpipeline.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.artifact.Sha256;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What the Jenkins step runs on the agent: results per asset with links, promised checksums, the token masked. */
public class PublishRunTest {

    private static final String TOKEN = "ghp_PublishRunToken0123456789";
    private static final String TAG = "v0.17.0";
    private static final String WHEEL = "kolibri-0.17.0-py2.py3-none-any.whl";
    private static final String EXE = "kolibri-0.17.0-windows-setup-unsigned.exe";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private FakeGitHub github;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Before
    public void start() throws Exception {
        github = FakeGitHub.start("learningequality", "kolibri", TOKEN);
        github.addRelease(TAG, false, false);
        Files.writeString(tmp.getRoot().toPath().resolve(WHEEL), "the wheel");
        Files.writeString(tmp.getRoot().toPath().resolve(EXE), "the installer");
    }

    @After
    public void stop() {
        github.close();
    }

    private PublishRun.Result run(String token, Map<String, String> expected) {
        return PublishRun.run(List.of(WHEEL, tmp.getRoot().toPath().resolve(EXE).toString()), tmp.getRoot().toPath(),
                expected, PublishOptions.of(new RepositoryName("learningequality", "kolibri"), TAG),
                new GitHubAccess(github.apiUrl(), token), log::add);
    }

    private static String sha(Path p) throws Exception {
        return Sha256.of(p);
    }

    @Test
    public void reportsEachAssetWithSizeChecksumAndDownloadLink() throws Exception {
        PublishRun.Result result = run(TOKEN, Map.of());
        assertThat(result.succeeded()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.releaseUrl()).endsWith("/learningequality/kolibri/releases/tag/" + TAG);
        assertThat(result.assets()).extracting(PublishRun.AssetResult::name).containsExactly(WHEEL, EXE);
        PublishRun.AssetResult wheel = result.assets().get(0);
        assertThat(wheel.size()).isEqualTo(9);
        assertThat(wheel.sha256()).isEqualTo(sha(tmp.getRoot().toPath().resolve(WHEEL)));
        assertThat(wheel.result()).isEqualTo("uploaded");
        assertThat(wheel.line()).isEqualTo(WHEEL + ": uploaded");
        assertThat(wheel.url()).endsWith("/learningequality/kolibri/releases/download/" + TAG + "/" + WHEEL);
        assertThat(wheel.failed()).isFalse();

        PublishRun.Result again = run(TOKEN, Map.of());
        assertThat(again.assets()).extracting(PublishRun.AssetResult::result).containsOnly("skipped (identical)");
    }

    @Test
    public void aPromisedChecksumThatDiffersStopsTheRunBeforeAnyRequest() throws Exception {
        String promised = "0".repeat(64);
        PublishRun.Result result = run(TOKEN, Map.of(EXE, promised));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).containsExactly(EXE + ": error: checksum mismatch: expected SHA-256 " + promised
                + " (recorded when its build finished), the copy to upload has "
                + sha(tmp.getRoot().toPath().resolve(EXE)));
        assertThat(github.requests()).isEmpty();
    }

    @Test
    public void theTokenIsMaskedWhenTheServerEchoesIt() {
        github.inject("GET", "/repos/learningequality/kolibri$", 1, Fault.status(404, Map.of(),
                "{\"message\":\"Not Found: no repository for " + TOKEN + "\"}"));
        PublishRun.Result result = run(TOKEN, Map.of());
        assertThat(result.succeeded()).isFalse();
        assertThat(String.join("\n", result.problems())).isNotEmpty().doesNotContain(TOKEN)
                .contains("no repository for " + Redaction.MASK);
        assertThat(String.join("\n", log)).doesNotContain(TOKEN);
    }

    @Test
    public void aWrongTokenFailsWithoutShowingIt() {
        String wrong = "ghp_WrongToken_NeverShown_0123";
        PublishRun.Result result = run(wrong, Map.of());
        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).isNotEmpty();
        assertThat(String.join("\n", result.problems()) + String.join("\n", log)).doesNotContain(wrong);
        assertThat(github.assets(github.release(TAG).orElseThrow().id())).isEmpty();
    }

    @Test
    public void noFilesIsAProblemNotAnException() {
        PublishRun.Result result = PublishRun.run(List.of(), tmp.getRoot().toPath(), Map.of(),
                PublishOptions.of(new RepositoryName("learningequality", "kolibri"), TAG),
                new GitHubAccess(github.apiUrl(), TOKEN), log::add);
        assertThat(result.problems()).containsExactly("error: nothing to upload");
    }
}
