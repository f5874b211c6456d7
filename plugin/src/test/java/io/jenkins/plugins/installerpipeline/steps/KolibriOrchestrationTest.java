package io.jenkins.plugins.installerpipeline.steps;

import static io.jenkins.plugins.installerpipeline.steps.KolibriFixture.INSTALLERS;
import static io.jenkins.plugins.installerpipeline.steps.KolibriFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.ParametersAction;
import hudson.model.StringParameterValue;
import hudson.model.TaskListener;
import io.jenkins.plugins.installerpipeline.artifact.HandOff;
import io.jenkins.plugins.installerpipeline.artifact.HandedArtifact;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerBuild;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerState;
import io.jenkins.plugins.installerpipeline.testing.Gates;
import java.util.Map;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** The Kolibri orchestration end to end, from the shipped example definitions. */
public class KolibriOrchestrationTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private static boolean allIn(InstallerRunsAction record, InstallerState state) {
        return record.getBuilds().size() == INSTALLERS.size()
                && record.getBuilds().stream().allMatch(b -> b.getState() == state);
    }

    @Test
    public void ordinaryBuildLeavesEveryInstallerPausedAtItsGateAndApprovingOneRunsIt() throws Exception {
        KolibriFixture k = new KolibriFixture(r);

        WorkflowRun up = r.buildAndAssertSuccess(k.kolibri);

        InstallerRunsAction record = up.getAction(InstallerRunsAction.class);
        assertThat(record).isNotNull();
        await("every installer paused at its gate", () -> allIn(record, InstallerState.PAUSED_AT_GATE));
        assertThat(record.getBuilds()).extracting(InstallerBuild::getJobFullName)
                .containsExactlyInAnyOrder(INSTALLERS.stream().map(s -> "ci/" + s).toArray(String[]::new));
        r.assertLogContains("triggerInstallers: 5 installer(s), 1 artifact(s) matching **", up);
        r.assertLogContains("PLAN LE_KOLIBRI_RELEASE=false LE_TRIGGERED_FROM_BUILD_ID=ci/kolibri#1", up);
        for (String slug : INSTALLERS) {
            WorkflowRun child = k.installer(slug).getBuildByNumber(1);
            r.assertLogContains("plan gate=true", child);
            r.assertLogContains("blockUnlessTag: an orchestration that is not a release started this build", child);
            r.assertLogNotContains("installer built", child);
        }
        // The Pi build was scheduled once Debian paused (a blocked build counts as passed) and names it.
        WorkflowRun pi = k.installer("kolibri-raspbian-image").getBuildByNumber(1);
        assertThat(InstallerMetadataAction.of(pi).orElseThrow().getDependencyBuilds())
                .containsEntry("deb-build", "ci/kolibri-debian#1");

        WorkflowRun android = k.installer("kolibri-android-installer").getBuildByNumber(1);
        android.getAction(InputAction.class).getExecution("ReleaseGate").proceed((Map<String, Object>) null);
        r.assertBuildStatusSuccess(r.waitForCompletion(android));
        r.assertLogContains("installer built", android);
        await("Android succeeded in the record",
                () -> record.getBuilds().stream().anyMatch(b -> b.getJobFullName().equals("ci/kolibri-android-installer")
                        && b.getState() == InstallerState.SUCCEEDED));

        // env values in the child equal the plan's values
        Map<String, String> env = android.getEnvironment(TaskListener.NULL);
        assertThat(env).containsEntry("LE_KOLIBRI_RELEASE", "false")
                .containsEntry("LE_TRIGGERED_FROM_BUILD_ID", "ci/kolibri#1")
                .containsEntry("INSTALLER_UPSTREAM_BUILD", "ci/kolibri#1")
                .containsEntry("INSTALLER_RELEASE_TAG", "");
        assertThat(env.get("LE_TRIGGERED_FROM_JOB_ID")).startsWith("ci/kolibri#1:");
        r.assertLogContains("ENV LE_KOLIBRI_RELEASE=false LE_TRIGGERED_FROM_BUILD_ID=ci/kolibri#1", android);
        assertThat(HandOff.parse(env.get("INSTALLER_ARTIFACTS")).artifacts())
                .extracting(HandedArtifact::name).containsExactly("kolibri-0.18.0-py2.py3-none-any.whl");

        for (String slug : INSTALLERS) {
            WorkflowRun child = k.installer(slug).getBuildByNumber(1);
            if (child.isBuilding()) {
                child.doStop();
                r.waitForCompletion(child);
            }
        }
    }

    @Test
    public void releaseBuildPausesNothingAndStartsThePiOnlyAfterDebianWithItsDeb() throws Exception {
        KolibriFixture k = new KolibriFixture(r, true);

        WorkflowRun up = r.assertBuildStatusSuccess(
                k.kolibri.scheduleBuild2(0, new ParametersAction(new StringParameterValue("TAG_NAME", "v0.18.0"))));
        r.assertLogContains("PLAN LE_KOLIBRI_RELEASE=v0.18.0", up);

        for (String slug : INSTALLERS) {
            WorkflowJob job = k.installer(slug);
            await(slug + " started", () -> job.getBuildByNumber(1) != null);
            WorkflowRun child = r.assertBuildStatusSuccess(r.waitForCompletion(job.getBuildByNumber(1)));
            r.assertLogContains("plan gate=false", child);
            r.assertLogContains("blockUnlessTag: not waiting: this build is for release v0.18.0", child);
            assertThat(child.getAction(InputAction.class) == null
                    || child.getAction(InputAction.class).getExecutions().isEmpty()).isTrue();
            r.assertLogContains("ENV LE_KOLIBRI_RELEASE=v0.18.0 LE_TRIGGERED_FROM_BUILD_ID=ci/kolibri#1", child);
        }
        WorkflowRun debian = k.installer("kolibri-debian").getBuildByNumber(1);
        WorkflowRun pi = k.installer("kolibri-raspbian-image").getBuildByNumber(1);
        assertThat(pi.getTimeInMillis()).isGreaterThanOrEqualTo(debian.getStartTimeInMillis() + debian.getDuration());
        InstallerMetadataAction piMetadata = InstallerMetadataAction.of(pi).orElseThrow();
        assertThat(piMetadata.getDependencyBuilds()).containsEntry("deb-build", "ci/kolibri-debian#1");
        assertThat(piMetadata.getReleaseTag()).contains("v0.18.0");
        assertThat(HandOff.parse(piMetadata.getArtifactsJson()).artifacts())
                .extracting(HandedArtifact::name).contains(KolibriFixture.DEB, "kolibri-0.18.0-py2.py3-none-any.whl");
        r.assertLogContains(KolibriFixture.DEB, pi);
        // Fetched from upstream by default, yet copied from the Debian build that archived it, checksum verified.
        r.assertLogContains("fetchUpstreamArtifacts: dist/" + KolibriFixture.DEB + " from", pi);
        r.assertLogContains("FETCHED deb", pi);

        InstallerRunsAction record = up.getAction(InstallerRunsAction.class);
        await("every installer succeeded in the record", () -> allIn(record, InstallerState.SUCCEEDED));
    }

    @Test
    public void piApprovedBeforeDebianWaitsForItThenContinues() throws Exception {
        Gates.testers(r, "alice", "bob");
        KolibriFixture k = new KolibriFixture(r);
        WorkflowRun up = r.buildAndAssertSuccess(k.kolibri);
        InstallerRunsAction record = up.getAction(InstallerRunsAction.class);
        await("every installer paused at its gate", () -> allIn(record, InstallerState.PAUSED_AT_GATE));
        WorkflowRun pi = k.installer("kolibri-raspbian-image").getBuildByNumber(1);
        WorkflowRun debian = k.installer("kolibri-debian").getBuildByNumber(1);

        // The gate says what the Pi build needs, and the console that an approval will wait for it.
        InputStepExecution piGate = Gates.gate(pi);
        assertThat(piGate.getInput().getMessage()).isEqualTo("Build kolibri-raspbian-image? (needs ci/kolibri-debian #1)");
        r.waitForMessage("blockUnlessTag: this build needs ci/kolibri-debian #1, paused at gate; after approval it"
                + " waits for that build to finish, holding no executor", pi);
        Gates.approve(pi, "alice");
        r.waitForMessage("blockUnlessTag: approved by alice; waiting for ci/kolibri-debian #1 to finish", pi);
        // The approval is Jenkins's own record; the gate is closed; the build waits in the queue for its node,
        // holding no executor, saying why.
        assertThat(pi.getAction(ApproverAction.class).getUserId()).isEqualTo("alice");
        assertThat(pi.getAction(InputAction.class).getExecutions()).isEmpty();
        KolibriFixture.await("the Pi's node block waits in the queue for Debian", () -> java.util.Arrays
                .stream(r.jenkins.getQueue().getItems()).anyMatch(i -> i.task.getOwnerExecutable() == pi
                        && i.getCauseOfBlockage() != null && i.getCauseOfBlockage().getShortDescription()
                        .equals("waiting for ci/kolibri-debian #1 to finish: this build needs it")));
        assertThat(pi.isBuilding()).isTrue();
        assertThat(pi.getExecutor()).isNotNull();
        r.assertLogNotContains("installer built", pi);
        // Every running build's thread dump still works (workflow-cps casts each step's context to its own class;
        // the support bundle's running-builds report stops at the first build where that fails).
        for (String slug : INSTALLERS) {
            WorkflowRun b = k.installer(slug).getBuildByNumber(1);
            if (b.isBuilding()) {
                assertThat(((org.jenkinsci.plugins.workflow.cps.CpsFlowExecution) b.getExecution()).getThreadDump()
                        .toString()).as(slug).contains("Thread #");
            }
        }

        Gates.approve(debian, "bob");
        r.assertBuildStatusSuccess(r.waitForCompletion(debian));
        r.assertBuildStatusSuccess(r.waitForCompletion(pi));
        r.assertLogContains("blockUnlessTag: every build this one needs has finished successfully", pi);
        r.assertLogContains("installer built", pi);

        stopAll(k);
    }

    @Test
    public void piWaitingForAnAbortedDebianFailsNamingIt() throws Exception {
        Gates.testers(r, "alice");
        KolibriFixture k = new KolibriFixture(r);
        WorkflowRun up = r.buildAndAssertSuccess(k.kolibri);
        InstallerRunsAction record = up.getAction(InstallerRunsAction.class);
        await("every installer paused at its gate", () -> allIn(record, InstallerState.PAUSED_AT_GATE));
        WorkflowRun pi = k.installer("kolibri-raspbian-image").getBuildByNumber(1);
        WorkflowRun debian = k.installer("kolibri-debian").getBuildByNumber(1);

        Gates.approve(pi, "alice");
        r.waitForMessage("blockUnlessTag: approved by alice; waiting for ci/kolibri-debian #1 to finish", pi);
        debian.doStop();
        r.assertBuildStatus(hudson.model.Result.ABORTED, r.waitForCompletion(debian));

        r.assertBuildStatus(hudson.model.Result.FAILURE, r.waitForCompletion(pi));
        r.assertLogContains("blockUnlessTag: ci/kolibri-debian #1 ended ABORTED, and this build needs it", pi);
        r.assertLogNotContains("installer built", pi);

        stopAll(k);
    }

    @Test
    public void piApprovedAfterDebianFinishedGoesOnAtOnce() throws Exception {
        KolibriFixture k = new KolibriFixture(r);
        WorkflowRun up = r.buildAndAssertSuccess(k.kolibri);
        InstallerRunsAction record = up.getAction(InstallerRunsAction.class);
        await("every installer paused at its gate", () -> allIn(record, InstallerState.PAUSED_AT_GATE));
        WorkflowRun pi = k.installer("kolibri-raspbian-image").getBuildByNumber(1);
        WorkflowRun debian = k.installer("kolibri-debian").getBuildByNumber(1);

        debian.getAction(InputAction.class).getExecution("ReleaseGate").proceed((Map<String, Object>) null);
        r.assertBuildStatusSuccess(r.waitForCompletion(debian));
        pi.getAction(InputAction.class).getExecution("ReleaseGate").proceed((Map<String, Object>) null);
        r.assertBuildStatusSuccess(r.waitForCompletion(pi));
        r.assertLogNotContains("waiting for ci/kolibri-debian", pi);
        r.assertLogContains("installer built", pi);

        stopAll(k);
    }

    private void stopAll(KolibriFixture k) throws Exception {
        for (String slug : INSTALLERS) {
            WorkflowRun child = k.installer(slug).getBuildByNumber(1);
            if (child != null && child.isBuilding()) {
                child.doStop();
                r.waitForCompletion(child);
            }
        }
    }
}
