package io.jenkins.plugins.installerpipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerState;
import io.jenkins.plugins.installerpipeline.testing.Await;
import hudson.model.Result;
import hudson.model.User;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.job.properties.DisableConcurrentBuildsJobProperty;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockFolder;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;

/** What {@code triggerInstallers} and {@code readPipelineDefinition} refuse, before anything is scheduled. */
public class TriggerInstallersStepTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private static final String INVALID = "steps:\n  - trigger: kolibri-debian\n    build:\n      env: [not, a, map]\n";

    private WorkflowJob job(MockFolder folder, String name, String script) throws Exception {
        WorkflowJob p = folder.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    @Test
    public void unknownJobFailsNamingSlugJobTriedAndSimilarNames() throws Exception {
        MockFolder ci = r.createFolder("ci");
        WorkflowJob debian = job(ci, "kolibri-debian", "echo 'deb'");
        WorkflowJob up = job(ci, "kolibri", "triggerInstallers installers: [[job: 'kolibri-debain']]");

        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, up);

        r.assertLogContains("trigger kolibri-debain: job ci/kolibri-debain does not exist; similar jobs: ci/kolibri-debian", b);
        assertThat(debian.getBuilds()).isEmpty();
    }

    @Test
    public void jobsMapNamesTheTargetAbsolutely() throws Exception {
        MockFolder installers = r.createFolder("installers");
        WorkflowJob debian = job(installers, "debian", "echo \"release=${env.LE_KOLIBRI_RELEASE}\"");
        MockFolder ci = r.createFolder("ci");
        WorkflowJob up = job(ci, "kolibri", "def builds = triggerInstallers installers: [[job: 'kolibri-debian', "
                + "env: [LE_KOLIBRI_RELEASE: 'false']]], jobs: ['kolibri-debian': '/installers/debian'], wait: true\n"
                + "echo \"RESULT ${builds[0].job} ${builds[0].state}\"");

        WorkflowRun b = r.buildAndAssertSuccess(up);

        r.assertLogContains("RESULT installers/debian succeeded", b);
        r.assertLogContains("release=false", debian.getBuildByNumber(1));
    }

    @Test
    public void invalidDefinitionFailsWithFileLineColumn() throws Exception {
        MockFolder ci = r.createFolder("ci");
        WorkflowJob debian = job(ci, "kolibri-debian", "echo 'deb'");
        WorkflowJob up = job(ci, "kolibri", "node { triggerInstallers definition: '.buildkite/pipeline.yml' }");
        KolibriFixture.write(r, up, ".buildkite/pipeline.yml", INVALID);

        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, up);

        r.assertLogContains(".buildkite/pipeline.yml:4:12: error: build env must be a mapping of names to values, not a list", b);
        r.assertLogContains("triggerInstallers: 1 error in .buildkite/pipeline.yml", b);
        assertThat(debian.getBuilds()).isEmpty();
    }

    @Test
    public void readPipelineDefinitionReturnsThePlanOrFailsWithDiagnostics() throws Exception {
        MockFolder ci = r.createFolder("ci");
        WorkflowJob good = job(ci, "good", "node { def plan = readPipelineDefinition(file: 'package.yml')\n"
                + "echo \"LAYERS ${plan.layers.size()} FIRST ${plan.steps[0].key} TYPE ${plan.steps[0].type}\" }");
        KolibriFixture.write(r, good, "package.yml", KolibriFixture.example("package.yml"));
        WorkflowRun ok = r.buildAndAssertSuccess(good);
        r.assertLogContains("FIRST python-packages TYPE command", ok);

        WorkflowJob bad = job(ci, "bad", "node { readPipelineDefinition(file: '.buildkite/pipeline.yml') }");
        KolibriFixture.write(r, bad, ".buildkite/pipeline.yml", INVALID);
        WorkflowRun failed = r.buildAndAssertStatus(Result.FAILURE, bad);
        r.assertLogContains(".buildkite/pipeline.yml:4:12: error:", failed);
        r.assertLogContains("readPipelineDefinition: 1 error in .buildkite/pipeline.yml", failed);
    }

    @Test
    public void userWithoutBuildPermissionOnATargetCannotTriggerIt() throws Exception {
        MockFolder ci = r.createFolder("ci");
        WorkflowJob windows = job(ci, "kolibri-windows", "echo 'win'");
        WorkflowJob debian = job(ci, "kolibri-debian", "echo 'deb'");
        WorkflowJob up = job(ci, "kolibri",
                "triggerInstallers installers: [[job: 'kolibri-debian'], [job: 'kolibri-windows']]");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("dev")
                .grant(Item.BUILD).onItems(up, debian).to("dev"));
        // Without a queue item authenticator builds run as SYSTEM and every check passes.
        QueueItemAuthenticatorConfiguration.get().getAuthenticators()
                .add(new MockQueueItemAuthenticator().authenticate(up.getFullName(), User.getById("dev", true).impersonate2()));

        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, up);

        r.assertLogContains("trigger kolibri-windows: job ci/kolibri-windows may not be built by dev", b);
        assertThat(debian.getBuilds()).as("nothing is scheduled when one target is refused").isEmpty();
        assertThat(windows.getBuilds()).isEmpty();
    }

    @Test
    public void waitDoesNotWaitForAnAsyncTrigger() throws Exception {
        MockFolder ci = r.createFolder("ci");
        WorkflowJob windows = job(ci, "kolibri-windows", "blockUnlessTag()");
        job(ci, "kolibri-debian", "echo 'deb'");
        WorkflowJob up = job(ci, "kolibri", "def builds = triggerInstallers installers: ["
                + "[job: 'kolibri-windows', async: true, env: [LE_KOLIBRI_RELEASE: 'false']], [job: 'kolibri-debian']], "
                + "wait: true\necho \"STATES ${builds[0].state} ${builds[1].state}\"");

        WorkflowRun b = r.buildAndAssertSuccess(up);

        // async: started is enough (it may not have reached its gate yet when Debian finishes)
        assertThat(JenkinsRule.getLog(b)).containsPattern("STATES (running|paused_at_gate) succeeded");
        WorkflowRun paused = windows.getBuildByNumber(1);
        paused.doStop();
        r.waitForCompletion(paused);
    }

    @Test
    public void aChildTheQueueBlocksIsShownWithWhyAndDoesNotHoldUpThePackageBuild() throws Exception {
        MockFolder ci = r.createFolder("ci");
        // The converter suggests disableConcurrentBuilds: a second build waits while the first waits at its gate.
        WorkflowJob windows = job(ci, "kolibri-windows", "blockUnlessTag()\necho 'windows built'");
        windows.addProperty(new DisableConcurrentBuildsJobProperty());
        WorkflowJob up = job(ci, "kolibri", "def builds = triggerInstallers installers: [[job: 'kolibri-windows', "
                + "env: [LE_KOLIBRI_RELEASE: 'false']]]\necho \"RETURNED ${builds[0].state}\"");

        r.buildAndAssertSuccess(up);
        KolibriFixture.await("the first Windows build starts", () -> windows.getBuildByNumber(1) != null);
        WorkflowRun first = windows.getBuildByNumber(1);
        r.waitForMessage("Build kolibri-windows?", first);

        WorkflowRun second = r.buildAndAssertSuccess(up);
        r.assertLogContains("RETURNED ", second);
        InstallerRunsAction record =
                second.getAction(InstallerRunsAction.class);
        KolibriFixture.await("the record says the queue blocks it, and why", () -> record.getBuilds().get(0).getState()
                == InstallerState.BLOCKED_IN_QUEUE);
        assertThat(record.getBuilds().get(0).getDetail()).contains("already in progress");
        assertThat(windows.getBuildByNumber(2)).isNull();

        first.doStop();
        r.waitForCompletion(first);
        KolibriFixture.await("the second build starts", () -> windows.getBuildByNumber(2) != null);
        KolibriFixture.await("and the record follows it", () -> record.getBuilds().get(0).getState()
                == InstallerState.PAUSED_AT_GATE);
        WorkflowRun next = windows.getBuildByNumber(2);
        next.doStop();
        r.waitForCompletion(next);
    }

    @Test
    public void withoutANodeTheDefinitionMustComeFromTheBuildsRevision() throws Exception {
        MockFolder ci = r.createFolder("ci");
        WorkflowJob up = job(ci, "kolibri", "triggerInstallers definition: '.buildkite/pipeline.yml'");
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, up);
        r.assertLogContains("triggerInstallers: reading .buildkite/pipeline.yml needs a workspace: call it inside node"
                + " (or in a multibranch project, where it is read from the build's revision without one)", b);
    }

    @Test
    public void stoppingAWaitingPackageBuildStopsItsInstallersAndThoseNotStartedNeverStart() throws Exception {
        MockFolder ci = r.createFolder("ci");
        WorkflowJob debian = job(ci, "kolibri-debian", "blockUnlessTag()\necho 'deb built'");
        WorkflowJob pi = job(ci, "kolibri-raspbian-image", "echo 'pi built'");
        WorkflowJob up = job(ci, "kolibri", "triggerInstallers installers: ["
                + "[job: 'kolibri-debian', key: 'deb', env: [LE_KOLIBRI_RELEASE: 'false']],"
                + "[job: 'kolibri-raspbian-image', dependsOn: [[key: 'deb']], async: false]], wait: true");
        // Debian waits at its gate: the Pi trigger (Buildkite counts a paused build as passed) would start; make it
        // wait for a Debian that never pauses by stopping the package build while Debian is still queued instead.
        debian.setQuietPeriod(3600);
        WorkflowRun b = up.scheduleBuild2(0).waitForStart();
        Await.await("Debian is queued",
                () -> r.jenkins.getQueue().getItems(debian).size() == 1);
        r.waitForMessage("starts after deb", b);

        b.doStop();

        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        InstallerRunsAction record =
                b.getAction(InstallerRunsAction.class);
        KolibriFixture.await("the queued Debian build is cancelled and the Pi never starts", () ->
                record.getBuilds().stream().allMatch(e -> e.getState()
                        == InstallerState.ABORTED));
        assertThat(r.jenkins.getQueue().getItems(debian)).isEmpty();
        assertThat(pi.getBuilds()).isEmpty();
        assertThat(debian.getBuilds()).isEmpty();
        assertThat(record.latest("kolibri-raspbian-image").orElseThrow().getDetail())
                .isEqualTo("not started: the package build was stopped");
    }

    @Test
    public void aPackageBuildAbortedAfterTheStepReturnedStartsNoWaitingInstaller() throws Exception {
        MockFolder ci = r.createFolder("ci");
        WorkflowJob debian = job(ci, "kolibri-debian", "semaphore 'deb'");
        WorkflowJob pi = job(ci, "kolibri-raspbian-image", "echo 'pi built'");
        WorkflowJob up = job(ci, "kolibri", "triggerInstallers installers: [[job: 'kolibri-debian', key: 'deb'],"
                + " [job: 'kolibri-raspbian-image', dependsOn: ['deb']]]\nsemaphore 'after'");
        WorkflowRun b = up.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("after/1", b);
        KolibriFixture.await("Debian runs", () -> debian.getBuildByNumber(1) != null);
        SemaphoreStep.waitForStart("deb/1", debian.getBuildByNumber(1));

        b.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        InstallerRunsAction record =
                b.getAction(InstallerRunsAction.class);
        KolibriFixture.await("the Pi is marked as never to start", () -> record.latest("kolibri-raspbian-image")
                .orElseThrow().getState() == InstallerState.ABORTED);
        assertThat(record.latest("kolibri-raspbian-image").orElseThrow().getDetail())
                .isEqualTo("not started: the package build was stopped");

        // Debian (already running, not waited for) goes on; its end does not start the Pi.
        SemaphoreStep.success("deb/1", null);
        r.assertBuildStatusSuccess(r.waitForCompletion(debian.getBuildByNumber(1)));
        Thread.sleep(2000);
        assertThat(pi.getBuilds()).isEmpty();
    }
}
