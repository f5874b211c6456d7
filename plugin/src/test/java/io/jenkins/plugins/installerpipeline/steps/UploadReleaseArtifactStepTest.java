package io.jenkins.plugins.installerpipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.installerpipeline.jenkins.ReleaseAssetsAction;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub.Fault;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** {@code uploadReleaseArtifact} against the engine's fake GitHub (the engine's own tests cover the HTTP details). */
public class UploadReleaseArtifactStepTest {

    private static final String TOKEN = "ghp_PluginTestToken0123456789abcdef";
    private static final String TAG = "v0.17.0";
    private static final String WHEEL = "kolibri-0.17.0-py2.py3-none-any.whl";
    private static final String SDIST = "kolibri-0.17.0.tar.gz";

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private FakeGitHub github;

    @Before
    public void startGitHub() throws Exception {
        github = FakeGitHub.start("learningequality", "kolibri", TOKEN);
        github.addRelease(TAG, false, false);
    }

    @After
    public void stopGitHub() {
        github.close();
    }

    private void secretText(String id, String token) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials()
                .add(new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "GitHub token", Secret.fromString(token)));
        SystemCredentialsProvider.getInstance().save();
    }

    /** A job that writes the two package files and uploads them with the given extra arguments. */
    private WorkflowJob packageJob(String name, String arguments) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  writeFile file: 'dist/" + WHEEL + "', text: 'the wheel'\n"
                + "  writeFile file: 'dist/" + SDIST + "', text: 'the source'\n"
                + "  def assets = uploadReleaseArtifact files: 'dist/*.whl, dist/*.tar.gz', repository:"
                + " 'learningequality/kolibri', apiUrl: '" + github.apiUrl() + "'" + arguments + "\n"
                + "  echo \"returned ${assets.collect { it.name + '=' + it.result }.join(' ')}\"\n"
                + "}", true));
        return job;
    }

    private long releaseId() {
        return github.release(TAG).orElseThrow().id();
    }

    @Test
    public void releaseBuildUploadsEveryAssetOnceAndAReRunSkipsThem() throws Exception {
        secretText("gh", TOKEN);
        WorkflowJob job = packageJob("kolibri", ", credentialsId: 'gh', tag: '" + TAG + "'");

        WorkflowRun first = r.buildAndAssertSuccess(job);
        assertThat(github.assets(releaseId())).extracting(FakeGitHub.Asset::name).containsExactlyInAnyOrder(WHEEL,
                SDIST);
        assertThat(github.requests("POST", "/releases/\\d+/assets")).hasSize(2);
        r.assertLogContains(WHEEL + ": uploaded (9 bytes, SHA-256 ", first);
        // the engine orders assets by name
        r.assertLogContains("returned " + WHEEL + "=uploaded " + SDIST + "=uploaded", first);
        List<ReleaseAssetsAction.Asset> recorded = first.getAction(ReleaseAssetsAction.class).getAssets();
        assertThat(recorded).extracting(ReleaseAssetsAction.Asset::getResult).containsOnly("uploaded");
        assertThat(recorded).extracting(ReleaseAssetsAction.Asset::getSha256).allMatch(s -> s.matches("[0-9a-f]{64}"));

        github.clearRequests();
        WorkflowRun second = r.buildAndAssertSuccess(job);
        assertThat(github.requests("POST", "/releases/\\d+/assets")).isEmpty();
        assertThat(github.assets(releaseId())).hasSize(2);
        r.assertLogContains(WHEEL + ": skipped (identical)", second);

        // The build page lists the assets.
        // The page needs no JavaScript (the test Jenkins here has no JavaScript bundles).
        String page = r.createWebClient().withJavaScriptEnabled(false).getPage(second).asNormalizedText();
        assertThat(page).contains("Release assets").contains(WHEEL).contains("skipped (identical)");
        r.assertLogNotContains(TOKEN, first);
        r.assertLogNotContains(TOKEN, second);
    }

    @Test
    public void notAReleaseBuildUploadsNothingAndSucceeds() throws Exception {
        secretText("gh", TOKEN);
        WorkflowRun b = r.buildAndAssertSuccess(packageJob("kolibri-develop", ", credentialsId: 'gh'"));
        r.assertLogContains("uploadReleaseArtifact: Not a release build (no tag): nothing uploaded", b);
        r.assertLogNotContains(WHEEL + "=", b);
        assertThat(github.requests()).isEmpty();
        assertThat(b.getAction(ReleaseAssetsAction.class)).isNull();
    }

    @Test
    public void usernameWithPasswordCredentialsUseThePasswordAsToken() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "gh-userpass", "GitHub PAT", "x-access-token", TOKEN));
        SystemCredentialsProvider.getInstance().save();
        WorkflowRun b = r.buildAndAssertSuccess(packageJob("kolibri",
                ", credentialsId: 'gh-userpass', tag: '" + TAG + "'"));
        assertThat(github.assets(releaseId())).hasSize(2);
        assertThat(github.requests("GET", "/repos/learningequality/kolibri$").get(0).headers())
                .containsEntry("authorization", "Bearer " + TOKEN);
        r.assertLogNotContains(TOKEN, b);
    }

    @Test
    public void theTokenIsMaskedEvenWhenGitHubEchoesIt() throws Exception {
        String wrong = "ghp_WrongToken_ThatMustNeverBeShown_42";
        secretText("gh-wrong", wrong);
        // A (hostile or buggy) server that quotes the credentials back in its error.
        github.inject("GET", "/repos/learningequality/kolibri$", 100, Fault.status(404, Map.of(),
                "{\"message\":\"Not Found for token " + wrong + "\"}"));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, packageJob("kolibri",
                ", credentialsId: 'gh-wrong', tag: '" + TAG + "'"));
        r.assertLogContains("uploadReleaseArtifact", b);
        r.assertLogNotContains(wrong, b);
        assertThat(github.assets(releaseId())).isEmpty();
    }

    @Test
    public void missingCredentialsNameTheId() throws Exception {
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, packageJob("kolibri",
                ", credentialsId: 'nope', tag: '" + TAG + "'"));
        r.assertLogContains("No credentials with id 'nope'", b);
        assertThat(github.requests()).isEmpty();
    }

    @Test
    public void onAnAgentTheAssetsGoFromTheAgentAndADraftIsPublished() throws Exception {
        // github-api on an agent fails (remoting does not resolve its multi-release classes; its PATCH needs
        // reflection Java 17 refuses): every GitHub call must work from the agent's JVM.
        io.jenkins.plugins.installerpipeline.testing.Agents.online(r, "agent");
        secretText("gh", TOKEN);
        github.addRelease("v0.18.0", true, false);
        WorkflowJob job = r.createProject(WorkflowJob.class, "kolibri");
        String wheel = "kolibri-0.18.0-py2.py3-none-any.whl";
        job.setDefinition(new CpsFlowDefinition("node('agent') {\n"
                + "  writeFile file: 'dist/" + wheel + "', text: 'the wheel'\n"
                + "  echo \"on ${env.NODE_NAME} in ${pwd()}\"\n"
                + "  uploadReleaseArtifact files: 'dist/*.whl', repository: 'learningequality/kolibri', apiUrl: '"
                + github.apiUrl() + "', credentialsId: 'gh', tag: 'v0.18.0', publish: true\n"
                + "}", true));

        WorkflowRun b = r.buildAndAssertSuccess(job);

        r.assertLogContains("on agent-agent in ", b);
        long id = github.release("v0.18.0").orElseThrow().id();
        assertThat(github.assets(id)).extracting(FakeGitHub.Asset::name).containsExactly(wheel);
        assertThat(github.release("v0.18.0").orElseThrow().draft()).as("published").isFalse();
        assertThat(github.requests("PATCH", "/releases/" + id + "$")).isNotEmpty();
        r.assertLogNotContains(TOKEN, b);
    }
}
