package io.jenkins.plugins.installerpipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction;
import java.nio.charset.StandardCharsets;
import jenkins.branch.BranchProperty;
import jenkins.branch.BranchSource;
import jenkins.branch.DefaultBranchPropertyStrategy;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMDiscoverTags;
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

/** Multibranch targets: the trigger's branch (NameEncoder-encoded) or the primary branch; tag jobs are releases. */
public class MultibranchTargetTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private static final String JENKINSFILE = "blockUnlessTag()\necho \"upstream=${env.INSTALLER_UPSTREAM_BUILD} "
            + "release=[${env.INSTALLER_RELEASE_TAG}]\"";

    @Test
    public void triggerBuildsThePrimaryBranchOrTheNamedBranchOfAMultibranchInstaller() throws Exception {
        try (MockSCMController c = MockSCMController.create()) {
            c.createRepository("kolibri-debian");
            c.setPrimaryBranch("kolibri-debian", "master");
            c.addFile("kolibri-debian", "master", "installer", "Jenkinsfile", JENKINSFILE.getBytes(StandardCharsets.UTF_8));
            // A branch with the Jenkinsfile (createBranch would make an empty one, and a branch without a Jenkinsfile
            // gets no job).
            c.cloneBranch("kolibri-debian", "master", "release/v0.18.x");
            c.createTag("kolibri-debian", "master", "v0.18.0");
            MockFolder ci = r.createFolder("ci");
            WorkflowMultiBranchProject debian = ci.createProject(WorkflowMultiBranchProject.class, "kolibri-debian");
            debian.getSourcesList().add(new BranchSource(
                    new MockSCMSource(c, "kolibri-debian", new MockSCMDiscoverBranches(), new MockSCMDiscoverTags()),
                    new DefaultBranchPropertyStrategy(new BranchProperty[0])));
            debian.scheduleBuild2(0).getFuture().get();
            r.waitUntilNoActivity(); // branch indexing builds every branch once: started directly, so no gate

            WorkflowJob master = debian.getItem("master");
            WorkflowJob releaseBranch = debian.getItem("release%2Fv0.18.x");
            assertThat(master).isNotNull();
            assertThat(releaseBranch).as("branch jobs are named by NameEncoder").isNotNull();
            WorkflowJob tag = debian.getItem("v0.18.0");
            if (tag != null && tag.getLastBuild() != null) { // tag jobs build on indexing only when configured to
                r.assertLogContains("this build is for release v0.18.0", tag.getLastBuild());
            }

            WorkflowJob up = ci.createProject(WorkflowJob.class, "kolibri");
            up.setDefinition(new CpsFlowDefinition("triggerInstallers installers: ["
                    + "[job: 'kolibri-debian', key: 'primary'],"
                    + "[job: 'kolibri-debian', key: 'named', branch: 'release/v0.18.x']]", true));
            WorkflowRun b = r.buildAndAssertSuccess(up);

            assertThat(b.getAction(io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction.class).getBuilds())
                    .extracting(io.jenkins.plugins.installerpipeline.jenkins.InstallerBuild::getJobFullName)
                    .containsExactly("ci/kolibri-debian/master", "ci/kolibri-debian/release%2Fv0.18.x");
            KolibriFixture.await("master built for the orchestration", () -> master.getLastBuild() != null
                    && InstallerMetadataAction.of(master.getLastBuild()).isPresent());
            KolibriFixture.await("the named branch built for the orchestration", () -> releaseBranch.getLastBuild() != null
                    && InstallerMetadataAction.of(releaseBranch.getLastBuild()).isPresent());
            assertThat(InstallerMetadataAction.of(master.getLastBuild()).orElseThrow().getTriggerKey()).isEqualTo("primary");
            assertThat(InstallerMetadataAction.of(releaseBranch.getLastBuild()).orElseThrow().getTriggerKey()).isEqualTo("named");
            for (WorkflowJob j : new WorkflowJob[] {master, releaseBranch}) {
                WorkflowRun child = j.getLastBuild();
                r.waitForMessage("Build ", child); // paused at its gate: triggered, not a release
                child.doStop();
                r.waitForCompletion(child);
            }
        }
    }
}
