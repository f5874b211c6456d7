package io.jenkins.plugins.installerpipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import java.nio.charset.StandardCharsets;
import jenkins.branch.BranchSource;
import jenkins.scm.impl.mock.MockChangeRequestFlags;
import jenkins.scm.impl.mock.MockRepositoryFlags;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMDiscoverChangeRequests;
import jenkins.scm.impl.mock.MockSCMSource;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockFolder;

/**
 * A pipeline definition decides which jobs start and with what environment, so a pull request its source does not
 * trust (from a fork) must not decide it: the definition of an untrusted revision is read from the trusted revision,
 * and a pull request that changes it starts nothing. Slugs reach only jobs beside the package job, and a trigger may
 * not hand an installer build variables that choose what it runs ({@code PATH}, {@code LD_PRELOAD}, ...).
 */
public class UntrustedDefinitionTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private static final String DEFINITION = """
            steps:
              - label: ":debian: Debian package"
                trigger: kolibri-debian
                build:
                  env:
                    LE_KOLIBRI_RELEASE: "${BUILDKITE_TAG:-false}"
            """;

    /** What an attacker's pull request would like the package build to do instead. */
    private static final String HOSTILE = """
            steps:
              - trigger: kolibri-debian
                build:
                  env:
                    LE_KOLIBRI_RELEASE: "v0.18.0"
                    SIGNING_KEY_ID: "attacker"
            """;

    /** The package project: a multibranch project whose Jenkinsfile triggers outside node (no workspace at all). */
    private WorkflowMultiBranchProject packageProject(MockSCMController c, MockFolder ci) throws Exception {
        c.createRepository("kolibri", MockRepositoryFlags.TRUST_AWARE);
        c.addFile("kolibri", "master", "package build", "Jenkinsfile",
                "triggerInstallers definition: '.buildkite/pipeline.yml'\n".getBytes(StandardCharsets.UTF_8));
        c.addFile("kolibri", "master", "installers", ".buildkite/pipeline.yml", DEFINITION.getBytes(StandardCharsets.UTF_8));
        WorkflowMultiBranchProject kolibri = ci.createProject(WorkflowMultiBranchProject.class, "kolibri");
        kolibri.getSourcesList().add(new BranchSource(new MockSCMSource(c, "kolibri", new MockSCMDiscoverBranches(),
                new MockSCMDiscoverChangeRequests())));
        return kolibri;
    }

    /** The folder ci with the Debian installer job (it echoes the release value it got) and the package project. */
    private WorkflowMultiBranchProject packageAndDebian(MockSCMController c) throws Exception {
        MockFolder ci = r.createFolder("ci");
        WorkflowJob debian = ci.createProject(WorkflowJob.class, "kolibri-debian");
        debian.setDefinition(new CpsFlowDefinition("echo \"release=${env.LE_KOLIBRI_RELEASE}\"", true));
        return packageProject(c, ci);
    }

    /** An untrusted pull request (from a fork) against master that commits one file. */
    private static void untrustedPullRequest(MockSCMController c, String path, String content) throws Exception {
        Integer pr = c.openChangeRequest("kolibri", "master", MockChangeRequestFlags.UNTRUSTED);
        c.addFile("kolibri", "change-request/" + pr, "a pull request", path, content.getBytes(StandardCharsets.UTF_8));
    }

    private static WorkflowJob changeRequestJob(WorkflowMultiBranchProject project) {
        return project.getItems().stream().filter(j -> j.getName().startsWith("CR-")).findFirst().orElseThrow();
    }

    private WorkflowRun firstBuild(WorkflowJob job) throws Exception {
        KolibriFixture.await(job.getFullName() + " builds", () -> job.getBuildByNumber(1) != null);
        return r.waitForCompletion(job.getBuildByNumber(1));
    }

    @Test
    public void untrustedPullRequestThatChangesTheDefinitionStartsNothing() throws Exception {
        try (MockSCMController c = MockSCMController.create()) {
            WorkflowMultiBranchProject kolibri = packageAndDebian(c);
            WorkflowJob debian = r.jenkins.getItemByFullName("ci/kolibri-debian", WorkflowJob.class);
            untrustedPullRequest(c, ".buildkite/pipeline.yml", HOSTILE);

            kolibri.scheduleBuild2(0).getFuture().get();
            WorkflowRun master = r.assertBuildStatusSuccess(firstBuild(kolibri.getItem("master")));
            WorkflowRun untrusted = r.assertBuildStatus(Result.FAILURE, firstBuild(changeRequestJob(kolibri)));

            r.assertLogContains("triggerInstallers: .buildkite/pipeline.yml from master at", master);
            r.assertLogContains("changes .buildkite/pipeline.yml, and its author is not trusted, so the change is not"
                    + " used", untrusted);
            r.waitUntilNoActivity();
            assertThat(debian.getBuilds()).as("only the master build started the installer").hasSize(1);
            r.assertLogContains("release=false", debian.getBuildByNumber(1));
        }
    }

    @Test
    public void untrustedPullRequestThatLeavesTheDefinitionAloneUsesTheTrustedOne() throws Exception {
        try (MockSCMController c = MockSCMController.create()) {
            WorkflowMultiBranchProject kolibri = packageAndDebian(c);
            WorkflowJob debian = r.jenkins.getItemByFullName("ci/kolibri-debian", WorkflowJob.class);
            untrustedPullRequest(c, "kolibri/core.py", "fixed");

            kolibri.scheduleBuild2(0).getFuture().get();
            WorkflowRun untrusted = r.assertBuildStatusSuccess(firstBuild(changeRequestJob(kolibri)));

            r.assertLogContains("triggerInstallers: .buildkite/pipeline.yml from the trusted revision master at", untrusted);
            r.assertLogContains("is not trusted; it does not change the file", untrusted);
            r.waitUntilNoActivity();
            assertThat(debian.getBuilds()).as("master and the pull request each started it").hasSize(2);
        }
    }

    @Test
    public void aSlugThatReachesOutsideThePackageJobsFolderStartsNothing() throws Exception {
        MockFolder ops = r.createFolder("ops");
        WorkflowJob deploy = ops.createProject(WorkflowJob.class, "deploy-production");
        deploy.setDefinition(new CpsFlowDefinition("echo 'deployed'", true));
        MockFolder ci = r.createFolder("ci");
        WorkflowJob debian = ci.createProject(WorkflowJob.class, "kolibri-debian");
        debian.setDefinition(new CpsFlowDefinition("echo 'deb'", true));
        WorkflowJob up = ci.createProject(WorkflowJob.class, "kolibri");
        up.setDefinition(new CpsFlowDefinition("node { triggerInstallers definition: 'pipeline.yml' }", true));
        KolibriFixture.write(r, up, "pipeline.yml",
                "steps:\n  - trigger: kolibri-debian\n  - trigger: ../ops/deploy-production\n  - trigger: ops/deploy-production\n");

        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, up);

        r.assertLogContains("trigger ../ops/deploy-production: a pipeline slug names a job in the same folder as the"
                + " package job, and '../ops/deploy-production' would reach outside it", b);
        r.assertLogContains("trigger ops/deploy-production: a pipeline slug names a job in the same folder", b);
        r.assertLogContains("2 problems with pipeline slugs in pipeline.yml (listed above); nothing was started", b);
        assertThat(deploy.getBuilds()).isEmpty();
        assertThat(debian.getBuilds()).isEmpty();

        // The Jenkinsfile (trusted) may still send a slug anywhere, by name.
        up.setDefinition(new CpsFlowDefinition("node { triggerInstallers definition: 'pipeline.yml', "
                + "jobs: ['ops/deploy-production': 'ops/deploy-production', '../ops/deploy-production': 'ops/deploy-production'] }", true));
        r.buildAndAssertSuccess(up);
        KolibriFixture.await("the mapped job was started", () -> deploy.getBuilds().size() == 2);
    }

    @Test
    public void aTriggerThatSetsLdPreloadOrPathStartsNothing() throws Exception {
        MockFolder ci = r.createFolder("ci");
        WorkflowJob debian = ci.createProject(WorkflowJob.class, "kolibri-debian");
        debian.setDefinition(new CpsFlowDefinition("echo 'deb'", true));
        WorkflowJob windows = ci.createProject(WorkflowJob.class, "kolibri-windows");
        windows.setDefinition(new CpsFlowDefinition("echo 'win'", true));
        WorkflowJob up = ci.createProject(WorkflowJob.class, "kolibri");
        up.setDefinition(new CpsFlowDefinition("node { triggerInstallers definition: 'pipeline.yml' }", true));
        KolibriFixture.write(r, up, "pipeline.yml", """
                steps:
                  - trigger: kolibri-windows
                  - label: Debian
                    trigger: kolibri-debian
                    build:
                      env:
                        LE_KOLIBRI_RELEASE: "false"
                        LD_PRELOAD: /tmp/evil.so
                """);

        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, up);

        r.assertLogContains("trigger Debian: build.env sets LD_PRELOAD, which a trigger may not hand to an installer"
                + " build", b);
        assertThat(debian.getBuilds()).isEmpty();
        assertThat(windows.getBuilds()).as("nothing is started when one trigger is refused").isEmpty();

        // The same from an inline installers list.
        up.setDefinition(new CpsFlowDefinition(
                "triggerInstallers installers: [[job: 'kolibri-debian', env: [PATH: '/tmp/bin']]]", true));
        WorkflowRun inline = r.buildAndAssertStatus(Result.FAILURE, up);
        r.assertLogContains("build.env sets PATH, which a trigger may not hand to an installer build", inline);
        assertThat(debian.getBuilds()).isEmpty();
    }
}
