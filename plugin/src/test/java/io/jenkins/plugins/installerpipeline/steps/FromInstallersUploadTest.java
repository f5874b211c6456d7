package io.jenkins.plugins.installerpipeline.steps;

import static io.jenkins.plugins.installerpipeline.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Queue;
import hudson.util.Secret;
import io.jenkins.plugins.installerpipeline.artifact.Sha256;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerArtifactsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerBuild;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerScheduler;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerState;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Fan-in: the package build's page lists each installer build's artifacts with SHA-256, and
 * {@code uploadReleaseArtifact(fromInstallers: true)} publishes the package's files and the installers' together.
 */
public class FromInstallersUploadTest {

    private static final String TOKEN = "ghp_FanInTestToken0123456789";
    private static final String TAG = "v0.17.0";
    private static final String WHEEL = "kolibri-0.17.0-py2.py3-none-any.whl";
    private static final String EXE = "kolibri-0.17.0-windows-setup-unsigned.exe";
    private static final String EXE_TEXT = "the windows installer";

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Test
    public void packageBuildListsAndPublishesEveryInstallersArtifacts() throws Exception {
        try (FakeGitHub github = FakeGitHub.start("learningequality", "kolibri", TOKEN)) {
            github.addRelease(TAG, false, false);
            SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                    CredentialsScope.GLOBAL, "gh", "GitHub token", Secret.fromString(TOKEN)));
            WorkflowJob kolibri = r.createProject(WorkflowJob.class, "kolibri");
            kolibri.setDefinition(new CpsFlowDefinition("node {\n"
                    + "  writeFile file: 'dist/" + WHEEL + "', text: 'the wheel'\n"
                    + "  semaphore 'installers'\n"
                    + "  uploadReleaseArtifact files: 'dist/*.whl', fromInstallers: true, credentialsId: 'gh',"
                    + " tag: '" + TAG + "', repository: 'learningequality/kolibri', apiUrl: '" + github.apiUrl()
                    + "'\n"
                    + "}", true));
            WorkflowJob windows = r.createProject(WorkflowJob.class, "kolibri-windows");
            windows.setDefinition(new CpsFlowDefinition("node {\n"
                    + "  writeFile file: 'out/" + EXE + "', text: '" + EXE_TEXT + "'\n"
                    + "  archiveArtifacts 'out/*'\n"
                    + "}", true));

            WorkflowRun up = kolibri.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("installers/1", up);
            // What triggerInstallers records (issue 6), done by hand here.
            InstallerRunsAction record = InstallerRunsAction.getOrCreate(up);
            InstallerBuild entry = record.add("kolibri-windows", "Windows installer", "kolibri-windows",
                    InstallerState.QUEUED);
            Queue.Item item = InstallerScheduler.schedule(windows, up, InstallerMetadataAction.builder("kolibri",
                    up.getExternalizableId(), "kolibri-windows").releaseTag(TAG).build());
            record.queued(entry, item.getId());
            record.save();
            WorkflowRun child = r.waitForCompletion((WorkflowRun) item.getFuture().waitForStart());
            r.assertBuildStatusSuccess(child);

            String exeSha = Sha256.of(new ByteArrayInputStream(EXE_TEXT.getBytes(StandardCharsets.UTF_8)));
            await("the installer build is recorded with its artifacts", () ->
                    record.latest("kolibri-windows").orElseThrow().getState() == InstallerState.SUCCEEDED
                            && up.getAction(InstallerArtifactsAction.class) != null
                            && up.getAction(InstallerArtifactsAction.class).find(child.getExternalizableId())
                            .isPresent());
            InstallerArtifactsAction.Child listed = up.getAction(InstallerArtifactsAction.class)
                    .find(child.getExternalizableId()).orElseThrow();
            assertThat(listed.getArtifacts()).singleElement().satisfies(a -> {
                assertThat(a.getPath()).isEqualTo("out/" + EXE);
                assertThat(a.getSize()).isEqualTo(EXE_TEXT.length());
                assertThat(a.getSha256()).isEqualTo(exeSha);
            });
            // The page needs no JavaScript (the test Jenkins here has no JavaScript bundles).
            assertThat(r.createWebClient().withJavaScriptEnabled(false).getPage(up).asNormalizedText())
                    .contains("Installer artifacts").contains(EXE).contains(exeSha);

            SemaphoreStep.success("installers/1", null);
            r.assertBuildStatusSuccess(r.waitForCompletion(up));
            long release = github.release(TAG).orElseThrow().id();
            assertThat(github.assets(release)).extracting(FakeGitHub.Asset::name).containsExactlyInAnyOrder(WHEEL,
                    EXE);
            assertThat(github.assets(release)).filteredOn(a -> a.name().equals(EXE)).extracting(FakeGitHub.Asset::sha256)
                    .containsExactly(exeSha);
            r.assertLogContains("1 artifact of kolibri-windows #1", up);
            r.assertLogContains(EXE + ": uploaded", up);
        }
    }
}
