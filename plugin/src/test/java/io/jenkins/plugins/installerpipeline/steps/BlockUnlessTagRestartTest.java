package io.jenkins.plugins.installerpipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Cause;
import hudson.model.CauseAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerState;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsSessionRule;
import io.jenkins.plugins.installerpipeline.testing.Gates;

/**
 * The gate is the stock input step, so it survives a controller restart and can be approved afterwards; an approval
 * given before a dependency finished is kept across a restart.
 */
public class BlockUnlessTagRestartTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Test
    public void gateCanBeApprovedAfterRestart() throws Throwable {
        sessions.then(r -> {
            WorkflowJob upstream = r.createProject(WorkflowJob.class, "kolibri");
            upstream.setDefinition(new CpsFlowDefinition("echo 'package built'", true));
            WorkflowRun up = r.buildAndAssertSuccess(upstream);
            WorkflowJob p = r.createProject(WorkflowJob.class, "kolibri-windows");
            p.setDefinition(new CpsFlowDefinition("blockUnlessTag()\necho 'installer built'", true));
            WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UpstreamCause(up))).waitForStart();
            r.waitForMessage("Build kolibri-windows?", b);
        });
        sessions.then(r -> {
            WorkflowRun b = r.jenkins.getItemByFullName("kolibri-windows", WorkflowJob.class).getBuildByNumber(1);
            InputStepExecution gate = b.getAction(InputAction.class).getExecution(BlockUnlessTagStep.DEFAULT_ID);
            assertThat(gate).isNotNull();
            gate.proceed((Map<String, Object>) null);
            r.assertBuildStatusSuccess(r.waitForCompletion(b));
            r.assertLogContains("installer built", b);
        });
    }

    @Test
    public void approvalBeforeTheDependencyFinishedSurvivesRestart() throws Throwable {
        sessions.then(r -> {
            Gates.testers(r, "alice", "bob");
            KolibriFixture k = new KolibriFixture(r);
            WorkflowRun up = r.buildAndAssertSuccess(k.kolibri);
            InstallerRunsAction record = up.getAction(InstallerRunsAction.class);
            KolibriFixture.await("every installer paused at its gate", () -> record.getBuilds().size() == 5
                    && record.getBuilds().stream().allMatch(b -> b.getState() == InstallerState.PAUSED_AT_GATE));
            WorkflowRun pi = k.installer("kolibri-raspbian-image").getBuildByNumber(1);
            Gates.approve(pi, "alice");
            r.waitForMessage("blockUnlessTag: approved by alice; waiting for ci/kolibri-debian #1 to finish", pi);
        });
        sessions.then(r -> {
            WorkflowRun pi = r.jenkins.getItemByFullName("ci/kolibri-raspbian-image", WorkflowJob.class).getBuildByNumber(1);
            WorkflowRun debian = r.jenkins.getItemByFullName("ci/kolibri-debian", WorkflowJob.class).getBuildByNumber(1);
            // The approval is kept: the gate is not offered again, and the build still waits for Debian.
            assertThat(pi.getAction(InputAction.class).getExecutions()).isEmpty();
            Thread.sleep(2000);
            assertThat(pi.isBuilding()).isTrue();
            r.assertLogNotContains("installer built", pi);

            Gates.approve(debian, "bob");
            r.assertBuildStatusSuccess(r.waitForCompletion(debian));
            r.assertBuildStatusSuccess(r.waitForCompletion(pi));
            r.assertLogContains("blockUnlessTag: every build this one needs has finished successfully", pi);
            r.assertLogContains("installer built", pi);
            for (String slug : KolibriFixture.INSTALLERS) {
                WorkflowRun child = r.jenkins.getItemByFullName("ci/" + slug, WorkflowJob.class).getBuildByNumber(1);
                if (child != null && child.isBuilding()) {
                    child.doStop();
                    r.waitForCompletion(child);
                }
            }
        });
    }

    @Test
    public void aGatesTimeoutIsKeptAcrossARestart() throws Throwable {
        sessions.then(r -> {
            WorkflowJob upstream = r.createProject(WorkflowJob.class, "kolibri");
            upstream.setDefinition(new CpsFlowDefinition("echo 'package built'", true));
            WorkflowRun up = r.buildAndAssertSuccess(upstream);
            WorkflowJob p = r.createProject(WorkflowJob.class, "kolibri-windows");
            p.setDefinition(new CpsFlowDefinition("blockUnlessTag(timeout: 60)\necho 'installer built'", true));
            WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UpstreamCause(up))).waitForStart();
            r.waitForMessage("Build kolibri-windows?", b);
            // As if the hour had nearly passed when Jenkins stopped: the gate closes a few seconds after the restart.
            b.replaceAction(new io.jenkins.plugins.installerpipeline.jenkins.GateAction(BlockUnlessTagStep.DEFAULT_ID,
                    System.currentTimeMillis() + 5_000, 60));
            b.save();
        });
        sessions.then(r -> {
            WorkflowRun b = r.jenkins.getItemByFullName("kolibri-windows", WorkflowJob.class).getBuildByNumber(1);
            r.assertBuildStatus(hudson.model.Result.ABORTED, r.waitForCompletion(b));
            r.assertLogContains("Gate ReleaseGate timed out after 60 minutes without approval: the build is aborted", b);
            r.assertLogNotContains("installer built", b);
        });
    }
}
