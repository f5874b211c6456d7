package io.jenkins.plugins.installerpipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Queue;
import hudson.model.Result;
import io.jenkins.plugins.installerpipeline.artifact.HandOff;
import io.jenkins.plugins.installerpipeline.artifact.HandedArtifact;
import io.jenkins.plugins.installerpipeline.artifact.Sha256;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerScheduler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** The artifact hand-off: installer builds get exactly the files the package build (or a dependency) archived. */
public class FetchUpstreamArtifactsStepTest {

    private static final String WHEEL = "kolibri-0.17.0-py2.py3-none-any.whl";
    private static final String WHEEL_TEXT = "the wheel the package build made";
    private static final String DEB = "kolibri_0.17.0-0ubuntu1_all.deb";
    private static final String DEB_TEXT = "the debian package";

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private static String sha(String text) throws Exception {
        return Sha256.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A build that archives one file at dist/NAME. */
    private WorkflowRun archiving(String job, String name, String text) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, job);
        p.setDefinition(new CpsFlowDefinition("node {\n"
                + "  writeFile file: 'dist/" + name + "', text: '" + text + "'\n"
                + "  archiveArtifacts 'dist/*'\n"
                + "}", true));
        return r.buildAndAssertSuccess(p);
    }

    private static InstallerMetadataAction.Builder metadata(WorkflowRun up, String trigger) {
        return InstallerMetadataAction.builder(up.getParent().getFullName(), up.getExternalizableId(), trigger)
                .commit("0123abcd").branch("release-v0.17.x").releaseTag("v0.17.0");
    }

    private WorkflowRun child(String job, String script, WorkflowRun up, InstallerMetadataAction metadata)
            throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, job);
        p.setDefinition(new CpsFlowDefinition(script, true));
        Queue.Item item = InstallerScheduler.schedule(p, up, metadata);
        return r.waitForCompletion((WorkflowRun) item.getFuture().waitForStart());
    }

    @Test
    public void theWindowsJobGetsTheWheelWithAVerifiedChecksum() throws Exception {
        WorkflowRun up = archiving("kolibri", WHEEL, WHEEL_TEXT);
        String json = HandOff.toJson(List.of(new HandedArtifact(WHEEL, "dist/" + WHEEL, "", WHEEL_TEXT.length(),
                sha(WHEEL_TEXT))));
        WorkflowRun b = child("kolibri-windows", "node {\n"
                + "  def got = fetchUpstreamArtifacts includes: '*.whl'\n"
                + "  echo \"got ${got[0].path} ${got[0].sha256}\"\n"
                + "  echo \"content: ${readFile('dist/" + WHEEL + "')}\"\n"
                + "}", up, metadata(up, "kolibri-windows").artifactsJson(json).build());
        r.assertBuildStatusSuccess(b);
        r.assertLogContains("got dist/" + WHEEL + " " + sha(WHEEL_TEXT), b);
        r.assertLogContains("content: " + WHEEL_TEXT, b);
        r.assertLogContains("SHA-256 " + sha(WHEEL_TEXT) + " verified", b);
    }

    @Test
    public void aTamperedArtifactFailsNamingTheFileAndBothChecksums() throws Exception {
        WorkflowRun up = archiving("kolibri", WHEEL, "something else than was promised");
        String promised = sha(WHEEL_TEXT);
        String json = HandOff.toJson(List.of(new HandedArtifact(WHEEL, "dist/" + WHEEL, "", WHEEL_TEXT.length(),
                promised)));
        WorkflowRun b = child("kolibri-windows", "node {\n"
                + "  fetchUpstreamArtifacts()\n"
                + "  echo 'should not get here'\n"
                + "}", up, metadata(up, "kolibri-windows").artifactsJson(json).build());
        r.assertBuildStatus(Result.FAILURE, b);
        r.assertLogContains("dist/" + WHEEL + ": checksum mismatch: expected SHA-256 " + promised
                + " (from INSTALLER_ARTIFACTS), got " + sha("something else than was promised"), b);
        r.assertLogNotContains("should not get here", b);
    }

    @Test
    public void thePiJobGetsTheDebianBuildsPackage() throws Exception {
        WorkflowRun up = archiving("kolibri", WHEEL, WHEEL_TEXT);
        WorkflowRun debian = archiving("kolibri-debian", DEB, DEB_TEXT);
        WorkflowRun b = child("kolibri-raspbian", "node {\n"
                + "  fetchUpstreamArtifacts from: 'kolibri-debian', includes: '*.deb'\n"
                + "  echo \"content: ${readFile('dist/" + DEB + "')}\"\n"
                + "}", up, metadata(up, "kolibri-raspbian")
                .dependencyBuilds(Map.of("kolibri-debian", debian.getExternalizableId())).build());
        r.assertBuildStatusSuccess(b);
        r.assertLogContains("content: " + DEB_TEXT, b);
        r.assertLogContains("SHA-256 " + sha(DEB_TEXT) + " verified", b);
    }

    @Test
    public void aBuildStartedByHandSaysThereIsNoUpstream() throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "kolibri-windows");
        p.setDefinition(new CpsFlowDefinition("node { fetchUpstreamArtifacts() }", true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("kolibri-windows was not started by an orchestration", b);
    }

    @Test
    public void anUnknownDependencyIsNamed() throws Exception {
        WorkflowRun up = archiving("kolibri", WHEEL, WHEEL_TEXT);
        WorkflowRun b = child("kolibri-raspbian", "node { fetchUpstreamArtifacts from: 'kolibri-debain' }", up,
                metadata(up, "kolibri-raspbian").build());
        r.assertBuildStatus(Result.FAILURE, b);
        r.assertLogContains("'kolibri-debain' is not 'upstream' nor a dependency of this build (dependencies: none)",
                b);
    }

    @Test
    public void onAnAgentTheFileLandsInTheAgentsWorkspaceVerifiedThere() throws Exception {
        hudson.slaves.DumbSlave agent = io.jenkins.plugins.installerpipeline.testing.Agents.online(r, "windows");
        WorkflowRun up = archiving("kolibri", WHEEL, WHEEL_TEXT);
        String json = HandOff.toJson(List.of(new HandedArtifact(WHEEL, "dist/" + WHEEL, "", WHEEL_TEXT.length(),
                sha(WHEEL_TEXT))));
        WorkflowRun b = child("kolibri-windows", "node('windows') {\n"
                + "  fetchUpstreamArtifacts includes: '*.whl'\n"
                + "  echo \"content: ${readFile('dist/" + WHEEL + "')} at ${pwd()}\"\n"
                + "}", up, metadata(up, "kolibri-windows").artifactsJson(json).build());
        r.assertBuildStatusSuccess(b);
        r.assertLogContains("content: " + WHEEL_TEXT + " at " + agent.getRemoteFS(), b);
        r.assertLogContains("SHA-256 " + sha(WHEEL_TEXT) + " verified", b);
        assertThat(agent.getWorkspaceFor(r.jenkins.getItemByFullName("kolibri-windows", WorkflowJob.class))
                .child("dist/" + WHEEL).readToString()).isEqualTo(WHEEL_TEXT);
    }
}
