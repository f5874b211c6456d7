package io.jenkins.plugins.installerpipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Cause;
import hudson.model.CauseAction;
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

/** The gate is the stock input step, so it survives a controller restart and can be approved afterwards. */
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
}
