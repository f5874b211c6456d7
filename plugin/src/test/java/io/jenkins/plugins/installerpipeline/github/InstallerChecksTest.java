package io.jenkins.plugins.installerpipeline.github;

import static io.jenkins.plugins.installerpipeline.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Queue;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.installerpipeline.checks.InstallerCheck;
import io.jenkins.plugins.installerpipeline.checks.InstallerPhase;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerBuild;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerScheduler;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerState;
import io.jenkins.plugins.installerpipeline.release.testing.FakeGitHub;
import io.jenkins.plugins.installerpipeline.steps.BlockUnlessTagStep;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHubBuilder;

/**
 * GitHub sees one {@code installer/<slug>} status per installer build as it goes: paused at the gate, approved and
 * building, finished. Statuses go to the engine's fake GitHub through the commit-status publisher (the same code the
 * fallback uses); the Checks API mapping is checked on its details.
 */
public class InstallerChecksTest {

    private static final String TOKEN = "ghp_ChecksTestToken0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    /** Status bodies POSTed to the fake server, answered 201 as GitHub does. */
    private static List<JsonNode> recordStatuses(FakeGitHub github) {
        List<JsonNode> statuses = new CopyOnWriteArrayList<>();
        github.inject("POST", "/statuses/", 1000, (ex, server) -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode json = JSON.readTree(body);
            statuses.add(json);
            byte[] answer = ("{\"id\":" + statuses.size() + ",\"state\":\"" + json.path("state").asText()
                    + "\",\"context\":\"" + json.path("context").asText() + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(201, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
            return true;
        });
        return statuses;
    }

    private static JsonNode last(List<JsonNode> statuses) {
        return statuses.get(statuses.size() - 1);
    }

    @Test
    public void statusesFollowAPausedApprovedAndFinishedInstaller() throws Exception {
        try (FakeGitHub github = FakeGitHub.start("learningequality", "kolibri", TOKEN)) {
            List<JsonNode> statuses = recordStatuses(github);
            GHRepository repository = new GitHubBuilder().withEndpoint(github.apiUrl().toString())
                    .withAppInstallationToken(TOKEN).build().getRepository("learningequality/kolibri");
            CheckPublisher publisher = CommitStatusPublisher.to(repository, "0123abcd");

            WorkflowJob kolibri = r.createProject(WorkflowJob.class, "kolibri");
            kolibri.setDefinition(new CpsFlowDefinition("semaphore 'installers'", true));
            WorkflowJob windows = r.createProject(WorkflowJob.class, "kolibri-windows");
            windows.setDefinition(new CpsFlowDefinition("blockUnlessTag()\nsemaphore 'build'", true));

            WorkflowRun up = kolibri.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("installers/1", up);
            InstallerRunsAction record = InstallerRunsAction.getOrCreate(up);
            InstallerBuild entry = record.add("kolibri-windows", "Windows installer", "kolibri-windows",
                    InstallerState.QUEUED);
            Queue.Item item = InstallerScheduler.schedule(windows, up, InstallerMetadataAction.builder("kolibri",
                    up.getExternalizableId(), "kolibri-windows").commit("0123abcd").build());
            record.queued(entry, item.getId());
            record.save();

            // Not from a GitHub Branch Source: the automatic path says once why it skips.
            r.waitForMessage("Installer checks on GitHub skipped:", up);
            r.assertLogContains("commit statuses cannot be set: the package build does not come from a GitHub"
                    + " Branch Source", up);

            // Paused at the gate (not a release, triggered): pending, linking the approval page.
            WorkflowRun child = (WorkflowRun) item.getFuture().waitForStart();
            await("the installer is paused at its gate",
                    () -> record.latest("kolibri-windows").orElseThrow().getState() == InstallerState.PAUSED_AT_GATE);
            InstallerChecks.update(up, publisher);
            JsonNode paused = last(statuses);
            assertThat(paused.path("context").asText()).isEqualTo("installer/kolibri-windows");
            assertThat(paused.path("state").asText()).isEqualTo("pending");
            assertThat(paused.path("target_url").asText()).endsWith("/job/kolibri-windows/1/input/");
            assertThat(paused.path("description").asText()).isEqualTo("kolibri-windows #1: awaiting approval");
            assertThat(github.requests("POST", "/statuses/0123abcd")).hasSize(1);

            // Nothing changed: nothing sent again.
            InstallerChecks.update(up, publisher);
            assertThat(statuses).hasSize(1);

            // Approved and building.
            child.getAction(InputAction.class).getExecution(BlockUnlessTagStep.DEFAULT_ID)
                    .proceed((Map<String, Object>) null);
            SemaphoreStep.waitForStart("build/1", child);
            await("the installer is building",
                    () -> record.latest("kolibri-windows").orElseThrow().getState() == InstallerState.RUNNING);
            InstallerChecks.update(up, publisher);
            assertThat(last(statuses).path("state").asText()).isEqualTo("pending");
            assertThat(last(statuses).path("description").asText()).isEqualTo("kolibri-windows #1: building");
            assertThat(last(statuses).path("target_url").asText()).endsWith("/job/kolibri-windows/1/");

            // Finished.
            SemaphoreStep.success("build/1", null);
            r.assertBuildStatusSuccess(r.waitForCompletion(child));
            await("the installer has succeeded",
                    () -> record.latest("kolibri-windows").orElseThrow().getState() == InstallerState.SUCCEEDED);
            InstallerChecks.update(up, publisher);
            assertThat(last(statuses).path("state").asText()).isEqualTo("success");
            assertThat(last(statuses).path("context").asText()).isEqualTo("installer/kolibri-windows");
            assertThat(statuses).hasSize(3);

            SemaphoreStep.success("installers/1", null);
            r.assertBuildStatusSuccess(r.waitForCompletion(up));
        }
    }

    @Test
    public void checksApiDetailsCarryTheEnginesStatusAndConclusion() {
        InstallerCheck paused = InstallerCheck.of("kolibri-windows", InstallerPhase.PAUSED_AT_GATE, "",
                "kolibri-windows #3", Optional.of("https://ci/job/kolibri-windows/3/"), List.of());
        ChecksDetails details = ChecksApiPublisher.details(paused);
        assertThat(details.getName()).contains("installer/kolibri-windows");
        // In progress while it waits: a completed check run can never go back to in progress on GitHub.
        assertThat(details.getStatus()).isEqualTo(ChecksStatus.IN_PROGRESS);
        assertThat(details.getConclusion()).isEqualTo(ChecksConclusion.NONE);
        assertThat(details.getDetailsURL()).contains("https://ci/job/kolibri-windows/3/input/");

        ChecksDetails running = ChecksApiPublisher.details(InstallerCheck.of("kolibri-windows",
                InstallerPhase.RUNNING, "", "kolibri-windows #3", Optional.empty(), List.of()));
        assertThat(running.getStatus()).isEqualTo(ChecksStatus.IN_PROGRESS);
        assertThat(running.getConclusion()).isEqualTo(ChecksConclusion.NONE);
    }

    /** A checks implementation that, like github-checks, reports a failed publish only on the listener it is given. */
    @TestExtension("aChecksPublishThatSaysItFailedIsNotRecordedAsSentAndIsTriedAgain")
    public static final class FlakyChecks extends ChecksPublisherFactory {
        static volatile boolean failing = true;
        static final List<ChecksDetails> PUBLISHED = new CopyOnWriteArrayList<>();

        @Override
        protected Optional<ChecksPublisher> createPublisher(Run<?, ?> run, TaskListener listener) {
            return Optional.of(new ChecksPublisher() {
                @Override
                public void publish(ChecksDetails details) {
                    if (failing) {
                        listener.getLogger().println("[GitHub Checks] Failed Publishing GitHub checks: "
                                + "java.io.IOException: 502 Bad Gateway");
                    } else {
                        PUBLISHED.add(details);
                        listener.getLogger().println("[GitHub Checks] GitHub check has been published.");
                    }
                }
            });
        }
    }

    @Test
    public void aChecksPublishThatSaysItFailedIsNotRecordedAsSentAndIsTriedAgain() throws Exception {
        WorkflowJob kolibri = r.createProject(WorkflowJob.class, "kolibri");
        kolibri.setDefinition(new CpsFlowDefinition("semaphore 'installers'", true));
        WorkflowJob windows = r.createProject(WorkflowJob.class, "kolibri-windows");
        windows.setDefinition(new CpsFlowDefinition("semaphore 'build'", true));
        WorkflowRun up = kolibri.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("installers/1", up);
        InstallerRunsAction record = InstallerRunsAction.getOrCreate(up);
        InstallerBuild entry = record.add("kolibri-windows", "Windows installer", "kolibri-windows", InstallerState.QUEUED);
        Queue.Item item = InstallerScheduler.schedule(windows, up,
                InstallerMetadataAction.builder("kolibri", up.getExternalizableId(), "kolibri-windows").build());
        record.queued(entry, item.getId());
        record.save();
        WorkflowRun child = (WorkflowRun) item.getFuture().waitForStart();
        SemaphoreStep.waitForStart("build/1", child);
        await("the installer is running",
                () -> record.latest("kolibri-windows").orElseThrow().getState() == InstallerState.RUNNING);

        InstallerChecks.update(up);
        assertThat(InstallerChecksAction.getOrCreate(up).lastPublished("installer/kolibri-windows"))
                .as("a publish that failed is not recorded as sent").isEmpty();
        assertThat(FlakyChecks.PUBLISHED).isEmpty();

        FlakyChecks.failing = false;
        InstallerChecks.update(up);
        assertThat(InstallerChecksAction.getOrCreate(up).lastPublished("installer/kolibri-windows")).isPresent();
        assertThat(FlakyChecks.PUBLISHED).extracting(ChecksDetails::getStatus).contains(ChecksStatus.IN_PROGRESS);

        SemaphoreStep.success("build/1", null);
        SemaphoreStep.success("installers/1", null);
        r.assertBuildStatusSuccess(r.waitForCompletion(child));
        r.assertBuildStatusSuccess(r.waitForCompletion(up));
    }
}
