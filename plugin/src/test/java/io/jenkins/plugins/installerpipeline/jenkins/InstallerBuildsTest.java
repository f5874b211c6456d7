package io.jenkins.plugins.installerpipeline.jenkins;

import static io.jenkins.plugins.installerpipeline.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.ParametersDefinitionProperty;
import hudson.model.Queue;
import hudson.model.StringParameterDefinition;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Scheduling installer builds with the package's metadata, and the upstream record the listeners keep current:
 * what the engine-backed {@code triggerInstallers} step will rely on.
 */
public class InstallerBuildsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private WorkflowRun upstreamBuild() throws Exception {
        WorkflowJob upstream = r.createProject(WorkflowJob.class, "kolibri");
        upstream.setDefinition(new CpsFlowDefinition("echo 'package built'", true));
        return r.buildAndAssertSuccess(upstream);
    }

    private static InstallerMetadataAction.Builder metadata(WorkflowRun up, String trigger) {
        return InstallerMetadataAction.builder(up.getParent().getFullName(), up.getExternalizableId(), trigger)
                .commit("0123abcd")
                .branch("develop")
                .message("Bump version")
                .env(Map.of("LE_KOLIBRI_RELEASE", "false", "LE_TRIGGERED_FROM_BUILD_ID", up.getExternalizableId()));
    }

    @SuppressWarnings("unchecked")
    private static WorkflowRun started(Queue.Item item) throws Exception {
        return (WorkflowRun) item.getFuture().waitForStart();
    }

    @Test
    public void childSeesMetadataInEnvAndDeclaredParameterOnly() throws Exception {
        WorkflowRun up = upstreamBuild();
        WorkflowJob child = r.createProject(WorkflowJob.class, "kolibri-debian");
        child.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("LE_KOLIBRI_RELEASE", "unset")));
        child.setDefinition(new CpsFlowDefinition(
                "echo \"commit=${env.INSTALLER_COMMIT} tag=[${env.INSTALLER_RELEASE_TAG}] upstream=${env.INSTALLER_UPSTREAM_BUILD}"
                        + " release=${env.LE_KOLIBRI_RELEASE} param=${params.LE_KOLIBRI_RELEASE}"
                        + " undeclared=${params.LE_TRIGGERED_FROM_BUILD_ID}\"", true));

        WorkflowRun b = started(InstallerScheduler.schedule(child, up, metadata(up, "kolibri-debian").build()));

        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        r.assertLogContains("commit=0123abcd tag=[] upstream=kolibri#1 release=false param=false undeclared=null", b);
    }

    @Test
    public void twoTriggersOfOneJobAreNeverMerged() throws Exception {
        WorkflowRun up = upstreamBuild();
        WorkflowJob child = r.createProject(WorkflowJob.class, "kolibri-windows");
        child.setDefinition(new CpsFlowDefinition("echo 'built'", true));
        child.setQuietPeriod(3600);

        Queue.Item first = InstallerScheduler.schedule(child, up, metadata(up, "windows").build());
        Queue.Item second = InstallerScheduler.schedule(child, up, metadata(up, "windows").build());

        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(r.jenkins.getQueue().getItems(child)).hasSize(2);
        r.jenkins.getQueue().clear();
    }

    @Test
    public void recordFollowsChildThroughGateAndSchedulesDependentWhenPaused() throws Exception {
        WorkflowRun up = upstreamBuild();
        WorkflowJob debian = r.createProject(WorkflowJob.class, "kolibri-debian");
        debian.setDefinition(new CpsFlowDefinition("blockUnlessTag()\necho 'deb built'", true));
        WorkflowJob pi = r.createProject(WorkflowJob.class, "kolibri-raspbian-image");
        pi.setDefinition(new CpsFlowDefinition("echo \"needs ${env.INSTALLER_UPSTREAM_BUILD}\"", true));

        InstallerRunsAction record = InstallerRunsAction.getOrCreate(up);
        InstallerBuild debianEntry = record.add("kolibri-debian", "Debian", debian.getFullName(), InstallerState.QUEUED);
        record.addWaiting("kolibri-raspbian-image", "Raspberry Pi", pi.getFullName(), List.of("kolibri-debian"),
                List.of(), metadata(up, "kolibri-raspbian-image").build());
        Queue.Item item = InstallerScheduler.schedule(debian, up, metadata(up, "kolibri-debian").build());
        record.queued(debianEntry, item.getId());
        record.save();

        WorkflowRun debianBuild = started(item);
        r.waitForMessage("Build kolibri-debian?", debianBuild);
        await("Debian is paused at its gate",
                () -> record.latest("kolibri-debian").orElseThrow().getState() == InstallerState.PAUSED_AT_GATE);
        await("the Pi build is scheduled",
                () -> record.latest("kolibri-raspbian-image").orElseThrow().getState() != InstallerState.WAITING_FOR_DEPENDENCY);

        WorkflowRun piBuild = r.waitForCompletion(startedBuildOf(pi));
        r.assertBuildStatusSuccess(piBuild);
        assertThat(InstallerMetadataAction.of(piBuild).orElseThrow().getDependencyBuilds())
                .containsEntry("kolibri-debian", "kolibri-debian#1");

        debianBuild.getAction(InputAction.class).getExecution("ReleaseGate").proceed((Map<String, Object>) null);
        r.assertBuildStatusSuccess(r.waitForCompletion(debianBuild));
        await("Debian succeeded", () -> record.latest("kolibri-debian").orElseThrow().getState() == InstallerState.SUCCEEDED);
        assertThat(record.latest("kolibri-debian").orElseThrow().getBuildNumber()).contains(1);
    }

    @Test
    public void allowFailureSchedulesTheDependantAfterAFailedDependencyAndItsGateDoesNotFail() throws Exception {
        WorkflowRun up = upstreamBuild();
        WorkflowJob debian = r.createProject(WorkflowJob.class, "kolibri-debian");
        debian.setDefinition(new CpsFlowDefinition("error 'deb broken'", true));
        WorkflowJob pi = r.createProject(WorkflowJob.class, "kolibri-raspbian-image");
        pi.setDefinition(new CpsFlowDefinition("blockUnlessTag(release: true)\necho 'pi built'", true));
        WorkflowJob windows = r.createProject(WorkflowJob.class, "kolibri-windows");
        windows.setDefinition(new CpsFlowDefinition("echo 'windows built'", true));

        InstallerRunsAction record = InstallerRunsAction.getOrCreate(up);
        InstallerBuild debianEntry = record.add("kolibri-debian", "Debian", debian.getFullName(), InstallerState.QUEUED);
        record.addWaiting("kolibri-raspbian-image", "Raspberry Pi", pi.getFullName(), List.of("kolibri-debian"),
                List.of("kolibri-debian"), metadata(up, "kolibri-raspbian-image").build());
        record.addWaiting("kolibri-windows", "Windows", windows.getFullName(), List.of("kolibri-debian"),
                List.of(), metadata(up, "kolibri-windows").build());
        Queue.Item item = InstallerScheduler.schedule(debian, up, metadata(up, "kolibri-debian").build());
        record.queued(debianEntry, item.getId());
        record.save();

        r.assertBuildStatus(hudson.model.Result.FAILURE, r.waitForCompletion(started(item)));
        WorkflowRun piBuild = r.waitForCompletion(startedBuildOf(pi));
        r.assertBuildStatusSuccess(piBuild);
        InstallerMetadataAction piMetadata = InstallerMetadataAction.of(piBuild).orElseThrow();
        assertThat(piMetadata.getDependencyBuilds()).containsEntry("kolibri-debian", "kolibri-debian#1");
        assertThat(piMetadata.getDependenciesAllowedToFail()).containsExactly("kolibri-debian");
        assertThat(InstallerDependencies.status(piBuild)).isInstanceOf(InstallerDependencies.Status.Satisfied.class);
        // Without allow_failure the dependant is not started, and the record says why.
        await("Windows is marked not started",
                () -> record.latest("kolibri-windows").orElseThrow().getState() == InstallerState.ABORTED);
        assertThat(record.latest("kolibri-windows").orElseThrow().getDetail()).isEqualTo("not started: Debian #1 failed");
        assertThat(windows.getLastBuild()).isNull();
    }

    @Test
    public void metaDataReachesTheChildAsJsonAndIsRecorded() throws Exception {
        WorkflowRun up = upstreamBuild();
        WorkflowJob child = r.createProject(WorkflowJob.class, "kolibri-windows");
        child.setDefinition(new CpsFlowDefinition("echo \"META ${env.INSTALLER_META_DATA}\"", true));
        Map<String, String> metaData = new java.util.LinkedHashMap<>();
        metaData.put("channel", "beta");
        metaData.put("notes", "say \"hi\"");

        WorkflowRun b = started(InstallerScheduler.schedule(child, up,
                metadata(up, "kolibri-windows").metaData(metaData).build()));

        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        r.assertLogContains("META {\"channel\":\"beta\",\"notes\":\"say \\\"hi\\\"\"}", b);
        assertThat(InstallerMetadataAction.of(b).orElseThrow().getMetaData()).containsExactlyEntriesOf(metaData);
        // a re-run keeps it
        assertThat(InstallerMetadataAction.of(b).orElseThrow().copy().getMetaData()).containsExactlyEntriesOf(metaData);
    }

    private static WorkflowRun startedBuildOf(WorkflowJob job) throws InterruptedException {
        await(job.getFullName() + " starts", () -> job.getLastBuild() != null);
        return job.getLastBuild();
    }
}
