package io.jenkins.plugins.installerpipeline.demo;

import static io.jenkins.plugins.installerpipeline.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.ParametersAction;
import hudson.model.StringParameterValue;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerState;
import io.jenkins.plugins.installerpipeline.testing.Gates;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The demo Jenkins of the README ({@code work/}: the {@code kolibri} folder with the package job and the five installer
 * jobs, whose stand-in builds make small files with real names), loaded as it is into a Jenkins: a tag build runs
 * everything and the Raspberry Pi image starts after Debian with its {@code .deb}; a branch build leaves five builds
 * at their gates, and approving one runs it.
 */
public class DemoJenkinsTest {

    private static final List<String> INSTALLERS = List.of("kolibri-android-installer", "kolibri-debian",
            "kolibri-windows", "kolibri-macos", "kolibri-raspbian-image");

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    /** The demo folder, copied from work/jobs into this Jenkins and loaded. */
    private WorkflowJob loadDemo() throws Exception {
        File jobs = new File("../work/jobs");
        assertThat(jobs).as("the demo jobs (tests run in plugin/)").isDirectory();
        new FilePath(jobs).copyRecursiveTo(new FilePath(new File(r.jenkins.getRootDir(), "jobs")));
        r.jenkins.reload();
        r.jenkins.setNumExecutors(6);
        WorkflowJob pkg = r.jenkins.getItemByFullName("kolibri/kolibri-python-package", WorkflowJob.class);
        assertThat(pkg).isNotNull();
        for (String slug : INSTALLERS) {
            assertThat(installer(slug)).as(slug).isNotNull();
        }
        return pkg;
    }

    private WorkflowJob installer(String slug) {
        return r.jenkins.getItemByFullName("kolibri/" + slug, WorkflowJob.class);
    }

    private static void awaitLong(String what, java.util.function.Supplier<Boolean> condition) throws InterruptedException {
        io.jenkins.plugins.installerpipeline.testing.Await.await(what, Duration.ofMinutes(3), condition);
    }

    @Test
    public void aTagBuildRunsEveryInstallerAndThePiAfterDebian() throws Exception {
        WorkflowJob pkg = loadDemo();
        WorkflowRun up = r.assertBuildStatusSuccess(pkg.scheduleBuild2(0,
                new ParametersAction(new StringParameterValue("TAG_NAME", "v0.17.0"))));
        for (String slug : INSTALLERS) {
            WorkflowJob job = installer(slug);
            awaitLong(slug + " starts", () -> job.getBuildByNumber(1) != null);
            WorkflowRun b = r.assertBuildStatusSuccess(r.waitForCompletion(job.getBuildByNumber(1)));
            r.assertLogContains("blockUnlessTag: not waiting: this build is for release v0.17.0", b);
            assertThat(b.getArtifacts()).as(slug + " archived its installer").isNotEmpty();
        }
        WorkflowRun debian = installer("kolibri-debian").getBuildByNumber(1);
        WorkflowRun pi = installer("kolibri-raspbian-image").getBuildByNumber(1);
        assertThat(pi.getStartTimeInMillis()).isGreaterThanOrEqualTo(debian.getStartTimeInMillis() + debian.getDuration());
        r.assertLogContains("fetchUpstreamArtifacts: dist/kolibri_0.17.0-0ubuntu1_all.deb from", pi);
        InstallerRunsAction record = up.getAction(InstallerRunsAction.class);
        awaitLong("the package build's record shows every installer succeeded", () -> record.getBuilds().size() == 5
                && record.getBuilds().stream().allMatch(b -> b.getState() == InstallerState.SUCCEEDED));
    }

    @Test
    public void aBranchBuildLeavesFiveBuildsAtTheirGatesAndApprovingOneRunsIt() throws Exception {
        WorkflowJob pkg = loadDemo();
        Gates.testers(r, "tester");
        WorkflowRun up = r.buildAndAssertSuccess(pkg);
        InstallerRunsAction record = up.getAction(InstallerRunsAction.class);
        awaitLong("every installer waits at its gate", () -> record.getBuilds().size() == 5
                && record.getBuilds().stream().allMatch(b -> b.getState() == InstallerState.PAUSED_AT_GATE));
        for (String slug : INSTALLERS) {
            WorkflowRun b = installer(slug).getBuildByNumber(1);
            assertThat(Gates.gate(b)).as(slug).isNotNull();
            assertThat(b.getExecutor()).isNotNull();
        }
        assertThat(r.jenkins.toComputer().countBusy()).as("paused builds hold no executor").isZero();

        WorkflowRun windows = installer("kolibri-windows").getBuildByNumber(1);
        Gates.approve(windows, "tester");
        r.assertBuildStatusSuccess(r.waitForCompletion(windows));
        r.assertLogContains("Approved by tester", windows);
        assertThat(windows.getArtifacts()).extracting(a -> a.getFileName()).isNotEmpty();
        await("the record shows Windows succeeded", () -> record.latest("kolibri-windows").orElseThrow().getState()
                == InstallerState.SUCCEEDED);

        for (String slug : INSTALLERS) {
            WorkflowRun b = installer(slug).getBuildByNumber(1);
            if (b.isBuilding()) {
                b.doStop();
                r.waitForCompletion(b);
            }
        }
    }
}
