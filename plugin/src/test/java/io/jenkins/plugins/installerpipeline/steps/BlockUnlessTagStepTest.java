package io.jenkins.plugins.installerpipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Failure;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import io.jenkins.plugins.installerpipeline.testing.Gates;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;

/**
 * {@code blockUnlessTag} in real Pipeline builds: who stops at the gate, and that the gate is the stock input step.
 * Builds call the gate outside {@code node}, as users are told to.
 */
public class BlockUnlessTagStepTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private WorkflowJob installer(String name, String gate) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(gate + "\necho 'installer built'", true));
        return p;
    }

    private WorkflowRun upstreamBuild() throws Exception {
        WorkflowJob upstream = r.createProject(WorkflowJob.class, "kolibri");
        upstream.setDefinition(new CpsFlowDefinition("echo 'package built'", true));
        return r.buildAndAssertSuccess(upstream);
    }

    /** An installer build triggered by a package build (as SYSTEM, before any user exists), paused at its gate. */
    private WorkflowRun pausedAtGate(String name, String gate) throws Exception {
        WorkflowRun up;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            up = upstreamBuild();
        }
        WorkflowJob p = installer(name, gate);
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UpstreamCause(up))).waitForStart();
        r.waitForMessage("Build " + name + "?", b);
        return b;
    }

    @Test
    public void buildStartedDirectlyGoesOnWithoutGate() throws Exception {
        WorkflowJob p = installer("kolibri-windows", "blockUnlessTag()");

        WorkflowRun b = r.buildAndAssertSuccess(p);

        r.assertLogContains("blockUnlessTag: not waiting: no orchestration started this build", b);
        r.assertLogContains("so whoever started it already asked for it", b);
        r.assertLogContains("installer built", b);
        assertThat(b.getAction(InputAction.class)).isNull();
    }

    @Test
    public void triggeredBuildPausesAtStockInputUntilApproved() throws Exception {
        WorkflowRun up = upstreamBuild();
        WorkflowJob p = installer("kolibri-windows", "blockUnlessTag()");

        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UpstreamCause(up))).waitForStart();
        r.waitForMessage("Build kolibri-windows?", b);

        InputStepExecution gate = b.getAction(InputAction.class).getExecution(BlockUnlessTagStep.DEFAULT_ID);
        assertThat(gate).isNotNull();
        assertThat(gate.getInput().getMessage()).isEqualTo("Build kolibri-windows?");
        r.assertLogNotContains("installer built", b);

        gate.proceed((Map<String, Object>) null);

        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        r.assertLogContains("installer built", b);
    }

    @Test
    public void pausedGateHoldsNoExecutor() throws Exception {
        WorkflowRun up = upstreamBuild();
        r.jenkins.setNumExecutors(0); // no executor anywhere: a gate that needed one would never be reached
        WorkflowJob p = installer("kolibri-android", "blockUnlessTag()");

        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UpstreamCause(up))).waitForStart();

        r.waitForMessage("Build kolibri-android?", b);
        b.getAction(InputAction.class).getExecution(BlockUnlessTagStep.DEFAULT_ID).proceed((Map<String, Object>) null);
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
    }

    @Test
    public void releaseMetadataSkipsTheGate() throws Exception {
        WorkflowRun up = upstreamBuild();
        WorkflowJob p = installer("kolibri-debian", "blockUnlessTag()");
        InstallerMetadataAction metadata = InstallerMetadataAction
                .builder(up.getParent().getFullName(), up.getExternalizableId(), "kolibri-debian")
                .releaseTag("v0.18.0")
                .env(Map.of("LE_KOLIBRI_RELEASE", "v0.18.0"))
                .build();

        WorkflowRun b = r.assertBuildStatusSuccess(
                p.scheduleBuild2(0, new CauseAction(new Cause.UpstreamCause(up)), metadata));

        r.assertLogContains("blockUnlessTag: not waiting: this build is for release v0.18.0, so it does not wait for approval", b);
    }

    @Test
    public void submitterRestrictionRefusesAnotherUser() throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("tester", "releaser"));
        WorkflowRun b = pausedAtGate("kolibri-mac", "blockUnlessTag(submitter: 'releaser')");
        InputStepExecution gate = b.getAction(InputAction.class).getExecution(BlockUnlessTagStep.DEFAULT_ID);

        try (ACLContext ignored = ACL.as2(User.getById("tester", true).impersonate2())) {
            assertThatThrownBy(gate::preSubmissionCheck).isInstanceOf(Failure.class).hasMessageContaining("releaser");
        }
        try (ACLContext ignored = ACL.as2(User.getById("releaser", true).impersonate2())) {
            gate.preSubmissionCheck();
            gate.proceed((Map<String, Object>) null);
        }
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
    }

    @Test
    public void approvalThroughTheInputUrlsNeedsACrumbAndTheSubmittersPermission() throws Exception {
        Gates.testers(r, "tester", "releaser");
        WorkflowRun b = pausedAtGate("kolibri-windows", "blockUnlessTag(submitter: 'releaser')");
        String proceed = b.getUrl() + "input/" + BlockUnlessTagStep.DEFAULT_ID + "/proceedEmpty";

        // A tester who is not the submitter: the input step refuses, the gate stays open.
        JenkinsRule.WebClient tester = r.createWebClient().withJavaScriptEnabled(false)
                .withThrowExceptionOnFailingStatusCode(false).login("tester");
        Page refused = tester.getPage(new WebRequest(tester.createCrumbedUrl(proceed), HttpMethod.POST));
        assertThat(refused.getWebResponse().getContentAsString()).contains("You need to be releaser to submit this");
        // The submitter without a crumb: Jenkins's CSRF protection refuses the POST.
        JenkinsRule.WebClient releaser = r.createWebClient().withJavaScriptEnabled(false)
                .withThrowExceptionOnFailingStatusCode(false).login("releaser");
        Page noCrumb = releaser.getPage(new WebRequest(new java.net.URL(r.getURL(), proceed), HttpMethod.POST));
        assertThat(noCrumb.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(Gates.gate(b)).as("still open").isNotNull();
        r.assertLogNotContains("installer built", b);

        // The submitter, with a crumb, as the console's Proceed link posts it.
        releaser.getPage(new WebRequest(releaser.createCrumbedUrl(proceed), HttpMethod.POST));
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        r.assertLogContains("Approved by releaser", b);
        assertThat(b.getAction(ApproverAction.class).getUserId()).isEqualTo("releaser");
    }

    @Test
    public void anIdThatCannotBePartOfTheGatesUrlFailsNamingIt() throws Exception {
        WorkflowRun up = upstreamBuild();
        WorkflowJob p = installer("kolibri-windows", "blockUnlessTag(id: 'release gate')");
        WorkflowRun b = r.assertBuildStatus(hudson.model.Result.FAILURE,
                p.scheduleBuild2(0, new CauseAction(new Cause.UpstreamCause(up))));
        r.assertLogContains("blockUnlessTag: id 'release gate' cannot be part of the gate's URL", b);
        assertThat(r.jenkins.getDescriptorByType(BlockUnlessTagStep.DescriptorImpl.class).doCheckId("release gate").kind)
                .isEqualTo(hudson.util.FormValidation.Kind.ERROR);
        assertThat(r.jenkins.getDescriptorByType(BlockUnlessTagStep.DescriptorImpl.class).doCheckId("Build-Pi").kind)
                .isEqualTo(hudson.util.FormValidation.Kind.OK);
    }

    @Test
    public void gateNobodyOpensEndsAbortedWithTimeoutMessage() throws Exception {
        WorkflowRun up = upstreamBuild();
        WorkflowJob p = installer("kolibri-windows", "blockUnlessTag(timeout: 1)");
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UpstreamCause(up))).waitForStart();
        r.waitForMessage("Build kolibri-windows?", b); // printed once the input is registered
        r.assertLogContains("blockUnlessTag: the gate closes by itself after 1 minute", b);
        // Run the expiry now rather than waiting a minute: the same code the timer calls.
        io.jenkins.plugins.installerpipeline.jenkins.GateTimeoutsTestAccess.expire(b);
        r.assertBuildStatus(hudson.model.Result.ABORTED, r.waitForCompletion(b));
        r.assertLogContains("Gate ReleaseGate timed out after 1 minute without approval: the build is aborted", b);
        r.assertLogNotContains("installer built", b);
    }

    @Test
    public void conditionDecidesInsteadOfTheKolibriRule() throws Exception {
        WorkflowJob p = installer("kolibri-windows", "blockUnlessTag(condition: 'build.source == \"ui\" || build.source == \"api\"')");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Build kolibri-windows?", b);
        r.assertLogContains("blockUnlessTag: condition build.source == \"ui\" || build.source == \"api\" is true", b);
        b.getAction(InputAction.class).getExecution(BlockUnlessTagStep.DEFAULT_ID).proceed((Map<String, Object>) null);
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
    }

    @Test
    public void invalidConditionFailsTheStepNamingIt() throws Exception {
        WorkflowJob p = installer("kolibri-windows", "blockUnlessTag(condition: 'build.tag ==')");
        WorkflowRun b = r.buildAndAssertStatus(hudson.model.Result.FAILURE, p);
        r.assertLogContains("blockUnlessTag: condition 'build.tag ==' is invalid", b);
        r.assertLogNotContains("installer built", b);
    }
}
