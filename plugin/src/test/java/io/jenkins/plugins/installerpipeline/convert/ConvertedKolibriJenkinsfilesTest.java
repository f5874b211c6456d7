package io.jenkins.plugins.installerpipeline.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import hudson.model.Result;
import hudson.model.TaskListener;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.branch.BranchProperty;
import jenkins.branch.BranchSource;
import jenkins.branch.DefaultBranchPropertyStrategy;
import jenkins.branch.NoTriggerBranchProperty;
import jenkins.branch.NoTriggerMultiBranchQueueDecisionHandler.SuppressionStrategy;
import jenkins.model.Jenkins;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMDiscoverTags;
import jenkins.scm.impl.mock.MockSCMSource;
import org.jenkinsci.plugins.workflow.cps.nodes.StepAtomNode;
import org.jenkinsci.plugins.workflow.cps.nodes.StepStartNode;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockFolder;

/**
 * The Jenkinsfiles {@code convert} writes for the shipped Kolibri examples, run on Jenkins: each example, with its
 * build commands replaced by stand-ins that make small files with real names, is converted by the engine and
 * committed with its definition to a repository; the package and the five installers are multibranch projects on
 * those repositories, as the user guide sets them up. A release tag builds and publishes everything; an ordinary
 * branch leaves the installers at their gates.
 *
 * <p>The scripted form runs here. The declarative form needs Pipeline: Declarative ({@code pipeline-model-definition})
 * and Pipeline: Stage Step ({@code pipeline-stage-step}); where they are missing that test is skipped, saying so,
 * and the scripted Jenkinsfiles get a stand-in {@code stage} (a script method that echoes the stage name and runs
 * its body).
 */
public class ConvertedKolibriJenkinsfilesTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private static final List<String> INSTALLERS = List.of("kolibri-android-installer", "kolibri-debian",
            "kolibri-windows", "kolibri-macos", "kolibri-raspbian-image");

    /** Each example's build commands and what runs instead: files with real names, checking their inputs. */
    private static final Map<String, Map<String, String>> STAND_INS = Map.of(
            "package.yml", Map.of(
                    "make dist", "mkdir -p dist && echo wheel > dist/kolibri-0.18.0-py2.py3-none-any.whl"
                            + " && echo sdist > dist/kolibri-0.18.0.tar.gz",
                    "make pex", "echo pex > dist/kolibri-0.18.0.pex",
                    "make upload-release-artifacts", "echo PUBLISHING the release assets"),
            "kolibri-android-installer.yml", Map.of(
                    "make setup", "test -f dist/kolibri-0.18.0.tar.gz",
                    "make kolibri.apk", "echo apk > dist/kolibri-0.18.0-release.apk"),
            "kolibri-debian.yml", Map.of(
                    "make deb", "test -f dist/kolibri-0.18.0.tar.gz && echo deb > dist/kolibri_0.18.0-0ubuntu1_all.deb"),
            "kolibri-windows.yml", Map.of(
                    "make installer", "test -f dist/kolibri-0.18.0-py2.py3-none-any.whl"
                            + " && echo exe > dist/kolibri-0.18.0-windows-setup-unsigned.exe",
                    "make sign-installer", "cp dist/kolibri-0.18.0-windows-setup-unsigned.exe"
                            + " dist/kolibri-0.18.0-windows-setup-signed.exe"),
            "kolibri-macos.yml", Map.of(
                    "make pyinstaller", "test -f dist/kolibri-0.18.0-py2.py3-none-any.whl",
                    "make dmg", "echo dmg > dist/kolibri-0.18.0.dmg"),
            "kolibri-raspbian-image.yml", Map.of(
                    "./build-docker.sh", "test -f dist/kolibri_0.18.0-0ubuntu1_all.deb",
                    "./compress-image.sh", "echo image > dist/kolibri-pi-image-0.18.0.zip"));

    private MockSCMController scm;
    private MockFolder folder;

    @Before
    public void agents() throws IOException {
        // One agent with every Buildkite queue the examples use as a label, and room for the whole orchestration.
        r.jenkins.setLabelString("linux android mac windows windows-signing pi-gen");
        r.jenkins.setNumExecutors(8);
        scm = MockSCMController.create();
    }

    @After
    public void closeScm() {
        scm.close();
    }

    private static boolean has(String stepFunction) {
        return StepDescriptor.all().stream().anyMatch(d -> d.getFunctionName().equals(stepFunction));
    }

    /** An example with its commands replaced; fails when a command to replace is no longer in the example. */
    private static String standIn(String example) throws IOException {
        String yaml = null;
        for (String base : List.of("../examples/kolibri/", "examples/kolibri/")) {
            Path p = Path.of(base, example);
            if (Files.isRegularFile(p)) {
                yaml = Files.readString(p, StandardCharsets.UTF_8);
            }
        }
        assertThat(yaml).as("examples/kolibri/" + example).isNotNull();
        for (Map.Entry<String, String> e : STAND_INS.get(example).entrySet()) {
            assertThat(yaml).as("%s still runs %s", example, e.getKey()).contains("- " + e.getKey() + "\n");
            yaml = yaml.replace("- " + e.getKey() + "\n", "- " + e.getValue() + "\n");
        }
        return yaml;
    }

    /**
     * Commits an example and its converted Jenkinsfile to a repository and makes the multibranch project of that name
     * in folder {@code ci}, building only when asked (as the user guide suppresses automatic triggering).
     */
    private WorkflowMultiBranchProject project(String name, String example, JenkinsfileStyle style) throws Exception {
        String yaml = standIn(example);
        ConversionResult converted = JenkinsfileConverter.convert(".buildkite/pipeline.yml", yaml,
                ConvertOptions.defaults().withStyle(style));
        assertThat(converted.diagnostics().errors()).as(example).isEmpty();
        String jenkinsfile = converted.jenkinsfile().orElseThrow();
        if (style == JenkinsfileStyle.SCRIPTED && !has("stage")) {
            // This Jenkins lacks Pipeline: Stage Step; a script method stands in for it and marks each stage.
            jenkinsfile = "def stage(String name, Closure body) { echo \"STAGE ${name}\"; body() }\n" + jenkinsfile;
        }
        scm.createRepository(name);
        scm.setPrimaryBranch(name, "master");
        scm.addFile(name, "master", "pipeline", ".buildkite/pipeline.yml", yaml.getBytes(StandardCharsets.UTF_8));
        scm.addFile(name, "master", "Jenkinsfile", "Jenkinsfile", jenkinsfile.getBytes(StandardCharsets.UTF_8));
        if (folder == null) {
            folder = r.createFolder("ci");
        }
        WorkflowMultiBranchProject project = folder.createProject(WorkflowMultiBranchProject.class, name);
        NoTriggerBranchProperty manual = new NoTriggerBranchProperty();
        manual.setStrategy(SuppressionStrategy.INDEXING);
        project.getSourcesList().add(new BranchSource(
                new MockSCMSource(scm, name, new MockSCMDiscoverBranches(), new MockSCMDiscoverTags()),
                new DefaultBranchPropertyStrategy(new BranchProperty[] {manual})));
        return project;
    }

    /** The package and installer projects, indexed; the package repository also has the release tag. */
    private WorkflowMultiBranchProject orchestration(JenkinsfileStyle style) throws Exception {
        List<WorkflowMultiBranchProject> projects = new ArrayList<>();
        for (String slug : INSTALLERS) {
            projects.add(project(slug, slug + ".yml", style));
        }
        WorkflowMultiBranchProject kolibri = project("kolibri", "package.yml", style);
        scm.createTag("kolibri", "master", "v0.18.0");
        projects.add(kolibri);
        for (WorkflowMultiBranchProject p : projects) {
            p.scheduleBuild2(0).getFuture().get();
        }
        r.waitUntilNoActivity();
        for (WorkflowMultiBranchProject p : projects) {
            assertThat(p.getItem("master")).as(p.getFullName()).isNotNull();
            assertThat(p.getItem("master").getLastBuild()).as("%s built on indexing", p.getFullName()).isNull();
        }
        return kolibri;
    }

    private WorkflowJob installer(String slug) {
        return ((WorkflowMultiBranchProject) folder.getItem(slug)).getItem("master");
    }

    private static void await(String what, java.util.function.Supplier<Boolean> condition) throws InterruptedException {
        Await.await(what, Duration.ofMinutes(3), condition);
    }

    private static boolean pausedAtGate(WorkflowRun run) {
        try {
            InputAction input = run == null ? null : run.getAction(InputAction.class);
            return input != null && !input.getExecutions().isEmpty();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private static String log(WorkflowRun run) throws IOException {
        return run.getLog();
    }

    @Test
    public void aReleaseTagBuildsEveryInstallerThenPublishesAndHoldsNoExecutorWhileTriggering() throws Exception {
        WorkflowMultiBranchProject kolibri = orchestration(JenkinsfileStyle.SCRIPTED);
        WorkflowJob tag = kolibri.getItem("v0.18.0");
        assertThat(tag).as("the tag job").isNotNull();

        WorkflowRun release = r.buildAndAssertSuccess(tag);
        String log = log(release);
        // The stages in the plan's order; the release upload only on a tag, after the triggers.
        assertThat(log).containsSubsequence("STAGE Read pipeline definition", "STAGE Build Python packages",
                "STAGE Trigger installers", "STAGE Upload Release Artifacts", "PUBLISHING the release assets");
        assertThat(release.getArtifacts()).extracting(a -> a.relativePath).containsExactlyInAnyOrder(
                "dist/kolibri-0.18.0-py2.py3-none-any.whl", "dist/kolibri-0.18.0.tar.gz", "dist/kolibri-0.18.0.pex");
        assertTriggersRanOutsideAnyNode(release);

        for (String slug : INSTALLERS) {
            WorkflowJob job = installer(slug);
            await(slug + " started", () -> job.getLastBuild() != null);
            WorkflowRun child = r.assertBuildStatusSuccess(r.waitForCompletion(job.getLastBuild()));
            r.assertLogContains("blockUnlessTag: not waiting: condition build.env(\"LE_KOLIBRI_RELEASE\") == \"false\" is false", child);
            // The values with ${...} in package.yml, interpolated by the engine for the tag build.
            Map<String, String> env = child.getEnvironment(TaskListener.NULL);
            assertThat(env).as(slug).containsEntry("LE_KOLIBRI_RELEASE", "v0.18.0")
                    .containsEntry("LE_TRIGGERED_FROM_BUILD_ID", "ci/kolibri/v0.18.0#1");
            assertThat(child.getArtifacts()).as(slug).isNotEmpty();
        }
        // The Pi image ran after the Debian build had finished, and built from its .deb (its stand-in checks).
        WorkflowRun debian = installer("kolibri-debian").getLastBuild();
        WorkflowRun pi = installer("kolibri-raspbian-image").getLastBuild();
        assertThat(pi.getStartTimeInMillis()).isGreaterThanOrEqualTo(debian.getStartTimeInMillis() + debian.getDuration());
        r.assertLogContains("fetchUpstreamArtifacts: dist/kolibri_0.18.0-0ubuntu1_all.deb", pi);
        // Windows: the unsigned installer reached the signing stage through stash/unstash.
        assertThat(installer("kolibri-windows").getLastBuild().getArtifacts()).extracting(a -> a.relativePath)
                .containsExactlyInAnyOrder("dist/kolibri-0.18.0-windows-setup-unsigned.exe",
                        "dist/kolibri-0.18.0-windows-setup-signed.exe");
    }

    @Test
    public void aBranchBuildLeavesTheInstallersAtTheirGatesAndAnApprovedOneRuns() throws Exception {
        WorkflowMultiBranchProject kolibri = orchestration(JenkinsfileStyle.SCRIPTED);

        WorkflowRun branch = r.buildAndAssertSuccess(kolibri.getItem("master"));
        assertThat(log(branch)).contains("STAGE Trigger installers").doesNotContain("PUBLISHING");
        for (String slug : INSTALLERS) {
            WorkflowJob job = installer(slug);
            await(slug + " paused at its gate", () -> pausedAtGate(job.getLastBuild()));
            assertThat(job.getLastBuild().getEnvironment(TaskListener.NULL))
                    .containsEntry("LE_KOLIBRI_RELEASE", "false");
        }
        WorkflowRun windows = installer("kolibri-windows").getLastBuild();
        windows.getAction(InputAction.class).getExecution("ReleaseGate").proceed((Map<String, Object>) null);
        r.assertBuildStatusSuccess(r.waitForCompletion(windows));
        assertThat(log(windows)).containsSubsequence("STAGE :windows: Build unsigned installer",
                "STAGE :windows: :lock: Sign installer");
        assertThat(windows.getArtifacts()).extracting(a -> a.relativePath)
                .contains("dist/kolibri-0.18.0-windows-setup-signed.exe");
        // Stopped last to first: the Pi image, which needs the Debian build, fails at once (naming it) when the
        // Debian build is aborted first.
        List<String> lastFirst = new java.util.ArrayList<>(INSTALLERS);
        java.util.Collections.reverse(lastFirst);
        for (String slug : lastFirst) {
            WorkflowRun child = installer(slug).getLastBuild();
            if (child.isBuilding()) {
                child.doStop();
                r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(child));
            }
        }
    }

    @Test
    public void declarativeJenkinsfilesRunWhereDeclarativePipelineIsInstalled() throws Exception {
        assumeTrue("Pipeline: Declarative (pipeline-model-definition) and Pipeline: Stage Step (pipeline-stage-step)"
                + " are not installed in this Jenkins", Jenkins.get().getPlugin("pipeline-model-definition") != null
                && has("stage"));
        WorkflowMultiBranchProject kolibri = orchestration(JenkinsfileStyle.DECLARATIVE);
        WorkflowRun release = r.buildAndAssertSuccess(kolibri.getItem("v0.18.0"));
        assertTriggersRanOutsideAnyNode(release);
        for (String slug : INSTALLERS) {
            WorkflowJob job = installer(slug);
            await(slug + " started", () -> job.getLastBuild() != null);
            r.assertBuildStatusSuccess(r.waitForCompletion(job.getLastBuild()));
        }
    }

    /** triggerInstallers held no executor: no {@code node} block encloses it (readPipelineDefinition needed one). */
    private static void assertTriggersRanOutsideAnyNode(WorkflowRun run) {
        Map<String, List<String>> enclosing = new LinkedHashMap<>();
        for (FlowNode node : new DepthFirstScanner().allNodes(run.getExecution())) {
            if (node instanceof StepAtomNode atom && atom.getDescriptor() != null) {
                String function = atom.getDescriptor().getFunctionName();
                if (function.equals("triggerInstallers") || function.equals("readPipelineDefinition")) {
                    List<String> blocks = new ArrayList<>();
                    for (BlockStartNode block : node.iterateEnclosingBlocks()) {
                        if (block instanceof StepStartNode start && start.getDescriptor() != null) {
                            blocks.add(start.getDescriptor().getFunctionName());
                        }
                    }
                    enclosing.put(function, blocks);
                }
            }
        }
        assertThat(enclosing.get("readPipelineDefinition")).as("readPipelineDefinition runs on a node").contains("node");
        assertThat(enclosing.get("triggerInstallers")).as("triggerInstallers runs outside any node").isNotNull()
                .doesNotContain("node");
    }

    @Test
    public void theExamplesConvertWithoutErrors() throws IOException {
        // What the runs above rely on: every example converts; the only warnings are the documented ones.
        for (String example : STAND_INS.keySet()) {
            ConversionResult result = JenkinsfileConverter.convert(".buildkite/pipeline.yml", standIn(example),
                    ConvertOptions.defaults().withStyle(JenkinsfileStyle.SCRIPTED));
            assertThat(result.diagnostics().errors()).as(example).isEmpty();
            assertThat(result.diagnostics().warnings()).extracting(Diagnostic::message).as(example)
                    .allMatch(m -> m.contains("waits for the trigger steps") || m.contains("names Windows")
                            || m.contains("downloads 'dist/*' from this build"));
        }
    }
}
