package io.jenkins.plugins.installerpipeline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.context.BuildSource;
import io.jenkins.plugins.installerpipeline.context.PullRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/**
 * The shipped Kolibri pipelines planned for a release tag, a branch and a pull request: the package pipeline, and
 * every installer pipeline it triggers planned with the context its trigger gives it. Each scenario is compared
 * with a golden file under {@code src/test/resources/golden}; the rules that matter most are also asserted directly.
 * Regenerate the golden files after an intended change with {@code -Dgolden.update=true}.
 */
public class KolibriPlanGoldenTest {

    static final Path EXAMPLES = Path.of("..", "examples", "kolibri");
    private static final List<String> INSTALLERS = List.of("kolibri-android-installer", "kolibri-debian",
            "kolibri-windows", "kolibri-macos", "kolibri-raspbian-image");

    private static BuildContext.Builder packageBuild() {
        return BuildContext.builder()
                .pipelineSlug("kolibri")
                .organizationSlug("learningequality")
                .commit("3f1c2a7d9e8b4c6a5f0e1d2c3b4a59687766554433")
                .message("Release v0.17.0")
                .id("01938d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e")
                .number(4242)
                .jobId("01938d4e-aaaa-bbbb-cccc-1f2a3b4c5d6e")
                .source(BuildSource.WEBHOOK);
    }

    static final BuildContext TAG = packageBuild().tag("v0.17.0").branch("v0.17.0").build();
    static final BuildContext BRANCH = packageBuild().branch("release-v0.17.x").message("Fix the Windows service").build();
    static final BuildContext PULL_REQUEST = packageBuild().branch("fix-pi-image").message("Fix the Pi image")
            .pullRequest(new PullRequest("13001", Optional.of("develop"),
                    Optional.of("https://github.com/someone/kolibri.git"), Optional.of(false)))
            .build();

    static Orchestration orchestrate(BuildContext context) throws IOException {
        Orchestration.Result result = Orchestration.of(plan("package.yml", context), context,
                ChildDefinition.lookup(Optional.of(EXAMPLES), Map.of()));
        assertThat(result.diagnostics().all()).isEmpty();
        return result.orchestration().orElseThrow();
    }

    static Plan plan(String file, BuildContext context) throws IOException {
        String text = Files.readString(EXAMPLES.resolve(file), StandardCharsets.UTF_8);
        PlanResult result = Planner.plan(EXAMPLES.resolve(file).toString(), text, context);
        assertThat(result.diagnostics().all()).as(file).isEmpty();
        return result.plan().orElseThrow();
    }

    private static void assertGolden(String name, Orchestration orchestration) throws IOException {
        String actual = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(orchestration.toMap())
                .replace("\r\n", "\n") + "\n";
        Path golden = Path.of("src", "test", "resources", "golden", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("plan differs from %s (regenerate with -Dgolden.update=true if intended)", golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    private static Map<String, String> env(Orchestration o, String slug) {
        return o.pipeline().includedTriggers().stream()
                .filter(t -> t.trigger().orElseThrow().pipeline().equals(slug))
                .findFirst().orElseThrow().trigger().orElseThrow().env();
    }

    @Test
    public void releaseTagBuildsEverythingWithoutGatesAndUploads() throws IOException {
        Orchestration release = orchestrate(TAG);
        assertThat(release.triggered()).containsOnlyKeys(INSTALLERS);
        for (String slug : INSTALLERS) {
            assertThat(env(release, slug)).as(slug)
                    .containsEntry("LE_KOLIBRI_RELEASE", "v0.17.0")
                    .containsEntry("LE_TRIGGERED_FROM_BUILD_ID", "01938d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e")
                    .containsEntry("LE_TRIGGERED_FROM_JOB_ID", "01938d4e-aaaa-bbbb-cccc-1f2a3b4c5d6e");
            assertThat(release.triggered().get(slug).hasApprovalGate()).as(slug + " has no gate on a release").isFalse();
        }
        assertThat(release.pipeline().step("upload-release").orElseThrow().included()).isTrue();
        assertGolden("kolibri-tag.json", release);
    }

    @Test
    public void branchBuildStopsEveryInstallerAtItsGateAndDoesNotUpload() throws IOException {
        Orchestration branch = orchestrate(BRANCH);
        for (String slug : INSTALLERS) {
            assertThat(env(branch, slug)).as(slug).containsEntry("LE_KOLIBRI_RELEASE", "false");
            assertThat(branch.triggered().get(slug).hasApprovalGate()).as(slug + " waits at its gate").isTrue();
        }
        PlannedStep upload = branch.pipeline().step("upload-release").orElseThrow();
        assertThat(upload.included()).isFalse();
        assertThat(upload.reason()).contains("if: build.tag != null is false");
        assertGolden("kolibri-branch.json", branch);
    }

    @Test
    public void pullRequestBuildStopsEveryInstallerAtItsGate() throws IOException {
        Orchestration pr = orchestrate(PULL_REQUEST);
        for (String slug : INSTALLERS) {
            assertThat(env(pr, slug)).as(slug).containsEntry("LE_KOLIBRI_RELEASE", "false");
            assertThat(pr.triggered().get(slug).hasApprovalGate()).as(slug).isTrue();
        }
        assertThat(pr.pipeline().step("upload-release").orElseThrow().included()).isFalse();
        assertGolden("kolibri-pull-request.json", pr);
    }

    @Test
    public void thePiImageIsTriggeredOnlyAfterTheDebianBuild() throws IOException {
        Plan plan = orchestrate(TAG).pipeline();
        List<List<String>> layers = plan.layers();
        int debian = indexOfLayer(layers, "deb-build");
        PlannedStep pi = plan.includedTriggers().stream()
                .filter(t -> t.trigger().orElseThrow().pipeline().equals("kolibri-raspbian-image")).findFirst().orElseThrow();
        assertThat(pi.dependsOn()).extracting(PlannedDependency::key).containsExactly("deb-build");
        assertThat(indexOfLayer(layers, pi.key())).isEqualTo(debian + 1);
        // Android, Debian, Windows and macOS start together.
        List<String> together = layers.get(debian);
        assertThat(together).hasSize(4).contains("deb-build");
    }

    @Test
    public void aPersonStartingAnInstallerDirectlyGetsNoGate() throws IOException {
        BuildContext byHand = BuildContext.builder().branch("main").source(BuildSource.UI).build();
        for (String slug : INSTALLERS) {
            assertThat(plan(slug + ".yml", byHand).hasApprovalGate()).as(slug).isFalse();
        }
    }

    private static int indexOfLayer(List<List<String>> layers, String key) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).contains(key)) {
                return i;
            }
        }
        throw new AssertionError(key + " is in no layer: " + layers);
    }
}
