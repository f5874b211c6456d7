package io.jenkins.plugins.installerpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub.Release;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

public class ReleaseCommandsTest {

    private static final String TOKEN = "ghp_cliSecretToken42";
    private static final String WHEEL = "kolibri-0.17.0-py2.py3-none-any.whl";
    private static final String DEB = "kolibri_0.17.0-0ubuntu1_all.deb";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private FakeGitHub github;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path dist;

    @Before
    public void setUp() throws Exception {
        github = FakeGitHub.start("learningequality", "kolibri", TOKEN);
        dist = tmp.newFolder("dist").toPath();
        Files.writeString(dist.resolve(WHEEL), "wheel");
        Files.writeString(dist.resolve(DEB), "debian");
    }

    @After
    public void tearDown() {
        github.close();
    }

    private int run(CommandLine cl, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private int publish(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "publish";
        System.arraycopy(args, 0, all, 1, args.length);
        // Same command, but reading the token from a test environment.
        CommandLine sub = Main.configure(new CommandLine(new PublishCommand(env::get)));
        int code = run(sub, args);
        assertThat(out.toString() + err.toString()).doesNotContain(TOKEN);
        return code;
    }

    @Test
    public void manifestPrintsJsonAndSha256sums() throws Exception {
        assertThat(run(Main.commandLine(), "manifest", dist + "/*")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("artifacts")).hasSize(2);
        assertThat(json.get("artifacts").get(0).get("name").asText()).isEqualTo(WHEEL);
        assertThat(json.get("artifacts").get(0).get("label").asText()).isEqualTo("Whl file");
        assertThat(json.get("artifacts").get(1).get("kind").asText()).isEqualTo("debian-package");

        assertThat(run(Main.commandLine(), "manifest", "--sha256sums", dist + "/*.deb")).isZero();
        assertThat(out.toString()).matches("[0-9a-f]{64}  " + DEB.replace(".", "\\.") + "\n");
    }

    @Test
    public void manifestNamesTheBadFile() throws Exception {
        Files.writeString(dist.resolve("kolibri-latest-py3-none-any.whl"), "");
        assertThat(run(Main.commandLine(), "manifest", dist + "/*.whl")).isEqualTo(1);
        assertThat(err.toString()).contains("kolibri-latest-py3-none-any.whl: error: wheel name")
                .doesNotContain(":1:1:");
        assertThat(out.toString()).isEmpty();
        assertThat(run(Main.commandLine(), "manifest")).isEqualTo(2);
    }

    @Test
    public void aFileThatDoesNotExistIsAnUnreadableFile() throws Exception {
        String missing = dist + "/kolibri-0.17.0.pex";
        assertThat(run(Main.commandLine(), "manifest", dist + "/*.whl", missing)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(missing + ": error: cannot read file: no such file\n");
        assertThat(out.toString()).isEmpty();
        assertThat(run(Main.commandLine(), "manifest", dist + "/*.exe")).as("a pattern without a match").isEqualTo(1);
        assertThat(err.toString()).contains("pattern '" + dist + "/*.exe' matches no files");
    }

    @Test
    public void publishPrintsOneLinePerAssetAndIsIdempotent() throws Exception {
        Release release = github.addRelease("v0.17.0", false, false);
        String[] args = {"--repository", "learningequality/kolibri", "--tag", "v0.17.0",
            "--api-url", github.apiUrl().toString(), dist + "/*"};
        assertThat(publish(Map.of("GITHUB_TOKEN", TOKEN), args)).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo(WHEEL + ": uploaded\n" + DEB + ": uploaded\n");
        assertThat(github.assets(release.id())).hasSize(2);

        assertThat(publish(Map.of("GITHUB_TOKEN", TOKEN), args)).isZero();
        assertThat(out.toString()).isEqualTo(WHEEL + ": skipped (identical)\n" + DEB + ": skipped (identical)\n");
        assertThat(github.requests("POST", "/assets$")).hasSize(2);
    }

    @Test
    public void publishCreatesAndPublishesADraftWithATokenFromTheNamedVariable() throws Exception {
        assertThat(publish(Map.of("RELEASE_TOKEN", TOKEN), "--repository", "learningequality/kolibri",
                "--tag", "v0.17.0", "--api-url", github.apiUrl().toString(), "--token-env", "RELEASE_TOKEN",
                "--create", "--draft", "--publish", dist + "/*")).as(err.toString()).isZero();
        assertThat(github.release("v0.17.0").orElseThrow().draft()).isFalse();
        assertThat(err.toString()).contains("published ");
    }

    @Test
    public void anUnreachableHostFailsAtOnceWithOneLine() throws Exception {
        long start = System.nanoTime();
        assertThat(publish(Map.of("GITHUB_TOKEN", TOKEN), "--repository", "learningequality/kolibri", "--tag",
                "v0.17.0", "--api-url", "https://github.invalid/api/v3", dist + "/*")).isEqualTo(1);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("error: cannot reach github.invalid: unknown host\n");
    }

    @Test
    public void aDryRunPrintsWhatWouldHappenAndUploadsNothing() throws Exception {
        Release release = github.addRelease("v0.17.0", false, false);
        github.addAsset(release.id(), WHEEL, 5, "ab".repeat(32), "uploaded");
        assertThat(publish(Map.of("GITHUB_TOKEN", TOKEN), "--repository", "learningequality/kolibri", "--tag",
                "v0.17.0", "--api-url", github.apiUrl().toString(), "--on-existing", "replace", "--dry-run",
                dist + "/*")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith(WHEEL + ": would be replaced: digest sha256:abab")
                .endsWith("\n" + DEB + ": would be uploaded\n");
        assertThat(github.requests()).allMatch(r -> r.method().equals("GET"));
        assertThat(github.assets(release.id())).hasSize(1);
    }

    @Test
    public void failuresExitOneAndUsageErrorsTwo() throws Exception {
        github.addRelease("v0.18.0", false, false);
        String api = github.apiUrl().toString();
        assertThat(publish(Map.of("GITHUB_TOKEN", TOKEN), "--repository", "learningequality/kolibri", "--tag",
                "v0.18.0", "--api-url", api, dist + "/*")).isEqualTo(1);
        assertThat(err.toString()).contains(WHEEL + ": error: version 0.17.0 in the file name does not match"
                + " release tag 'v0.18.0'");
        assertThat(github.requests()).isEmpty();

        assertThat(publish(Map.of(), "--repository", "learningequality/kolibri", "--tag", "v0.18.0",
                "--api-url", api, dist + "/*")).isEqualTo(2);
        assertThat(err.toString()).contains("environment variable GITHUB_TOKEN is not set");
        assertThat(publish(Map.of("GITHUB_TOKEN", TOKEN), "--repository", "kolibri", "--tag", "v0.18.0",
                dist + "/*")).isEqualTo(2);
        assertThat(err.toString()).contains("--repository must be OWNER/NAME, not 'kolibri'");
        assertThat(publish(Map.of("GITHUB_TOKEN", TOKEN), "--repository", "a/b", "--tag", "v1",
                "--on-existing", "overwrite", dist + "/*")).isEqualTo(2);
        assertThat(err.toString()).contains("expected skip, replace or fail, not 'overwrite'");
        assertThat(run(Main.commandLine(), "publish", "--tag", "v1")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required options");
    }
}
