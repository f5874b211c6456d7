package io.jenkins.plugins.installerpipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerState;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsSessionRule;
import org.jvnet.hudson.test.MockFolder;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;

/** {@code triggerInstallers(wait: true)} reattaches to its children after a controller restart. */
public class TriggerInstallersRestartTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Test
    public void waitingStepReattachesAndCompletesWhenTheApprovedChildFinishes() throws Throwable {
        sessions.then(r -> {
            MockFolder ci = r.createFolder("ci");
            WorkflowJob windows = ci.createProject(WorkflowJob.class, "kolibri-windows");
            windows.setDefinition(new CpsFlowDefinition("blockUnlessTag()\necho 'installer built'", true));
            WorkflowJob up = ci.createProject(WorkflowJob.class, "kolibri");
            up.setDefinition(new CpsFlowDefinition("def builds = triggerInstallers installers: [[job: 'kolibri-windows', "
                    + "env: [LE_KOLIBRI_RELEASE: 'false']]], wait: true\necho \"RESULT ${builds[0].state}\"", true));
            WorkflowRun upstream = up.scheduleBuild2(0).waitForStart();
            KolibriFixture.await("the child starts", () -> windows.getBuildByNumber(1) != null);
            r.waitForMessage("Build kolibri-windows?", windows.getBuildByNumber(1));
            KolibriFixture.await("the record shows the gate", () -> upstream.getAction(InstallerRunsAction.class)
                    .getBuilds().get(0).getState() == InstallerState.PAUSED_AT_GATE);
        });
        sessions.then(r -> {
            WorkflowRun child = r.jenkins.getItemByFullName("ci/kolibri-windows", WorkflowJob.class).getBuildByNumber(1);
            WorkflowRun upstream = r.jenkins.getItemByFullName("ci/kolibri", WorkflowJob.class).getBuildByNumber(1);
            assertThat(upstream.isBuilding()).isTrue();
            child.getAction(InputAction.class).getExecution(BlockUnlessTagStep.DEFAULT_ID).proceed((Map<String, Object>) null);
            r.assertBuildStatusSuccess(r.waitForCompletion(child));
            r.assertBuildStatusSuccess(r.waitForCompletion(upstream));
            r.assertLogContains("RESULT succeeded", upstream);
        });
    }

    @Test
    public void aTriggerWaitingForItsDependencyIsStartedAfterARestart() throws Throwable {
        sessions.then(r -> {
            MockFolder ci = r.createFolder("ci");
            ci.createProject(WorkflowJob.class, "kolibri-debian").setDefinition(new CpsFlowDefinition(
                    "semaphore 'deb'\nnode { writeFile file: 'dist/k.deb', text: 'deb'\narchiveArtifacts 'dist/*' }", true));
            ci.createProject(WorkflowJob.class, "kolibri-raspbian-image").setDefinition(new CpsFlowDefinition(
                    "node { fetchUpstreamArtifacts from: 'deb-build'\necho \"PI GOT ${readFile('dist/k.deb')}\" }", true));
            WorkflowJob up = ci.createProject(WorkflowJob.class, "kolibri");
            up.setDefinition(new CpsFlowDefinition("def builds = triggerInstallers installers: ["
                    + "[job: 'kolibri-debian', key: 'deb-build'], [job: 'kolibri-raspbian-image', dependsOn: ['deb-build']]],"
                    + " wait: true\necho \"RESULT ${builds.collect { it.state }}\"", true));
            WorkflowRun upstream = up.scheduleBuild2(0).waitForStart();
            KolibriFixture.await("Debian starts", () -> r.jenkins.getItemByFullName("ci/kolibri-debian", WorkflowJob.class)
                    .getBuildByNumber(1) != null);
            SemaphoreStep.waitForStart("deb/1", r.jenkins.getItemByFullName("ci/kolibri-debian", WorkflowJob.class)
                    .getBuildByNumber(1));
            KolibriFixture.await("the Pi waits for Debian in the record", () -> {
                InstallerRunsAction record = upstream.getAction(InstallerRunsAction.class);
                return record != null && record.getBuilds().size() == 2
                        && record.getBuilds().get(1).getState() == InstallerState.WAITING_FOR_DEPENDENCY;
            });
        });
        sessions.then(r -> {
            WorkflowRun upstream = r.jenkins.getItemByFullName("ci/kolibri", WorkflowJob.class).getBuildByNumber(1);
            WorkflowJob pi = r.jenkins.getItemByFullName("ci/kolibri-raspbian-image", WorkflowJob.class);
            assertThat(pi.getBuilds()).as("not started before Debian finished").isEmpty();
            SemaphoreStep.success("deb/1", null);
            r.assertBuildStatusSuccess(r.waitForCompletion(upstream));
            r.assertLogContains("RESULT [succeeded, succeeded]", upstream);
            r.assertLogContains("PI GOT deb", pi.getBuildByNumber(1));
        });
    }

    @Test
    public void aRecordThatMissedAnInstallersEndIsCaughtUpWhenJenkinsStarts() throws Throwable {
        sessions.then(r -> {
            MockFolder ci = r.createFolder("ci");
            ci.createProject(WorkflowJob.class, "kolibri-debian").setDefinition(new CpsFlowDefinition("semaphore 'deb'", true));
            ci.createProject(WorkflowJob.class, "kolibri-raspbian-image").setDefinition(new CpsFlowDefinition(
                    "echo \"PI AFTER ${env.INSTALLER_UPSTREAM_BUILD}\"", true));
            WorkflowJob up = ci.createProject(WorkflowJob.class, "kolibri");
            // Without wait: the package build is over long before its installers.
            up.setDefinition(new CpsFlowDefinition("triggerInstallers installers: [[job: 'kolibri-debian', key: 'deb-build'],"
                    + " [job: 'kolibri-raspbian-image', dependsOn: ['deb-build']]]", true));
            WorkflowRun upstream = r.buildAndAssertSuccess(up);
            WorkflowJob debianJob = r.jenkins.getItemByFullName("ci/kolibri-debian", WorkflowJob.class);
            KolibriFixture.await("Debian starts", () -> debianJob.getBuildByNumber(1) != null);
            WorkflowRun debian = debianJob.getBuildByNumber(1);
            SemaphoreStep.waitForStart("deb/1", debian);
            KolibriFixture.await("the record shows Debian running", () -> upstream.getAction(InstallerRunsAction.class)
                    .getBuilds().get(0).getState() == InstallerState.RUNNING);
            // Debian's end is lost (as when Jenkins stops while it is recorded): it finishes unseen by the plugin.
            io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction metadata =
                    debian.getAction(io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction.class);
            debian.removeAction(metadata);
            SemaphoreStep.success("deb/1", null);
            r.assertBuildStatusSuccess(r.waitForCompletion(debian));
            debian.addAction(metadata);
            debian.save();
            Thread.sleep(1000);
            assertThat(upstream.getAction(InstallerRunsAction.class).getBuilds()).extracting(b -> b.getState())
                    .containsExactly(InstallerState.RUNNING, InstallerState.WAITING_FOR_DEPENDENCY);
        });
        sessions.then(r -> {
            WorkflowRun upstream = r.jenkins.getItemByFullName("ci/kolibri", WorkflowJob.class).getBuildByNumber(1);
            WorkflowJob pi = r.jenkins.getItemByFullName("ci/kolibri-raspbian-image", WorkflowJob.class);
            KolibriFixture.await("the Pi is started once the record has caught up", () -> pi.getBuildByNumber(1) != null);
            r.assertBuildStatusSuccess(r.waitForCompletion(pi.getBuildByNumber(1)));
            r.assertLogContains("PI AFTER ci/kolibri#1", pi.getBuildByNumber(1));
            KolibriFixture.await("and the record says so", () -> upstream.getAction(InstallerRunsAction.class)
                    .getBuilds().stream().allMatch(b -> b.getState() == InstallerState.SUCCEEDED));
        });
    }
}
