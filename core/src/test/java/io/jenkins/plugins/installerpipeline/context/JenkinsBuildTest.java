package io.jenkins.plugins.installerpipeline.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/** The rules that turn a Jenkins build's facts into the engine's build context. */
public class JenkinsBuildTest {

    private static JenkinsBuild build(Optional<String> tag, Optional<String> branch, Optional<String> changeId,
            Optional<String> changeBranch, List<StartCause> causes, Optional<TriggerMetadata> trigger) {
        return new JenkinsBuild("kolibri/kolibri/" + branch.orElse("x"), "kolibri", 42,
                Optional.of("https://ci.example.org/job/kolibri/42/"), Optional.of("17"),
                tag, branch, changeId, changeBranch, changeId.map(id -> "develop"),
                changeId.map(id -> "https://github.com/learningequality/kolibri/pull/" + id),
                Optional.of("abc123"), Optional.of("Fix things"), Optional.of("https://github.com/learningequality/kolibri.git"),
                Optional.of("develop"), causes, Map.of("PATH", "/usr/bin", "BUILDKITE_TAG", "forged"), trigger);
    }

    private static TriggerMetadata metadata(String tag) {
        return new TriggerMetadata("kolibri/kolibri/develop", "kolibri/kolibri/develop#7",
                Optional.of("https://ci.example.org/job/kolibri/job/develop/7/"), Optional.ofNullable(tag),
                Optional.of("def456"), Optional.of("develop"), Optional.of("Upstream message"),
                Map.of("LE_KOLIBRI_RELEASE", tag == null ? "false" : tag, "INSTALLER_COMMIT", "forged"), "[]");
    }

    @Test
    public void aTagBuildHasItsTagAndTheTagAsBranch() {
        BuildContext c = build(Optional.of("v0.17.0"), Optional.of("v0.17.0"), Optional.empty(), Optional.empty(),
                List.of(StartCause.SCM), Optional.empty()).toBuildContext();
        assertThat(c.tag()).contains("v0.17.0");
        assertThat(c.branch()).contains("v0.17.0");
        assertThat(c.source()).contains(BuildSource.WEBHOOK);
        assertThat(c.environment()).containsEntry("BUILDKITE_TAG", "v0.17.0");
    }

    @Test
    public void aPullRequestBuildUsesTheHeadBranchAndCarriesThePullRequest() {
        BuildContext c = build(Optional.empty(), Optional.of("PR-12"), Optional.of("12"), Optional.of("fix-pi"),
                List.of(StartCause.SCM), Optional.empty()).toBuildContext();
        assertThat(c.branch()).contains("fix-pi");
        assertThat(c.pullRequest()).map(PullRequest::id).contains("12");
        assertThat(c.pullRequest()).flatMap(PullRequest::baseBranch).contains("develop");
        assertThat(c.environment()).containsEntry("BUILDKITE_PULL_REQUEST", "12");
        assertThat(c.tag()).isEmpty();
        assertThat(c.environment()).as("the build environment cannot claim a tag").doesNotContainKey("BUILDKITE_TAG");
    }

    @Test
    public void idsAndUrlFollowTheBuildkiteVariables() {
        BuildContext c = build(Optional.empty(), Optional.of("develop"), Optional.empty(), Optional.empty(),
                List.of(StartCause.USER), Optional.empty()).toBuildContext();
        assertThat(c.environment())
                .containsEntry("BUILDKITE_BUILD_ID", "kolibri/kolibri/develop#42")
                .containsEntry("BUILDKITE_JOB_ID", "kolibri/kolibri/develop#42:17")
                .containsEntry("BUILDKITE_BUILD_NUMBER", "42")
                .containsEntry("BUILDKITE_BUILD_URL", "https://ci.example.org/job/kolibri/42/")
                .containsEntry("BUILDKITE_PIPELINE_SLUG", "kolibri")
                .containsEntry("BUILDKITE_COMMIT", "abc123")
                .containsEntry("PATH", "/usr/bin");
        assertThat(c.source()).contains(BuildSource.UI);
    }

    @Test
    public void causesMapToBuildkiteSources() {
        assertThat(source(StartCause.TIMER)).isEqualTo(BuildSource.SCHEDULE);
        assertThat(source(StartCause.REMOTE)).isEqualTo(BuildSource.API);
        assertThat(source(StartCause.OTHER)).isEqualTo(BuildSource.API);
        assertThat(source()).isEqualTo(BuildSource.API);
        assertThat(source(StartCause.USER, StartCause.UPSTREAM)).as("upstream wins").isEqualTo(BuildSource.TRIGGER_JOB);
    }

    private static BuildSource source(StartCause... causes) {
        return build(Optional.empty(), Optional.of("b"), Optional.empty(), Optional.empty(), List.of(causes),
                Optional.empty()).source();
    }

    @Test
    public void aTriggeredBuildTakesTheReleaseTagAndMetadataFromItsOrchestration() {
        JenkinsBuild installer = new JenkinsBuild("installers/kolibri-windows", "kolibri-windows", 3, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(StartCause.UPSTREAM), Map.of(), Optional.of(metadata("v0.17.0")));
        BuildContext c = installer.toBuildContext();
        assertThat(c.tag()).contains("v0.17.0");
        assertThat(c.commit()).contains("def456");
        assertThat(c.branch()).contains("develop");
        assertThat(c.message()).contains("Upstream message");
        assertThat(c.source()).contains(BuildSource.TRIGGER_JOB);
        assertThat(c.environment())
                .containsEntry("LE_KOLIBRI_RELEASE", "v0.17.0")
                .containsEntry("INSTALLER_RELEASE_TAG", "v0.17.0")
                .containsEntry("INSTALLER_UPSTREAM_BUILD", "kolibri/kolibri/develop#7")
                .containsEntry("INSTALLER_COMMIT", "def456");
    }

    @Test
    public void aTriggeredBuildsMessageIsTheTriggersEvenWhenItHasItsOwnCommit() {
        JenkinsBuild installer = new JenkinsBuild("installers/kolibri-windows", "kolibri-windows", 3, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("main"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("0ca1"), Optional.of("Bump NSIS"), Optional.empty(),
                Optional.empty(), List.of(StartCause.UPSTREAM), Map.of(), Optional.of(metadata(null)));
        BuildContext c = installer.toBuildContext();
        assertThat(c.message()).contains("Upstream message");
        assertThat(c.commit()).as("the installer's own checkout").contains("0ca1");
        assertThat(build(Optional.empty(), Optional.of("develop"), Optional.empty(), Optional.empty(),
                List.of(StartCause.USER), Optional.empty()).toBuildContext().message()).contains("Fix things");
    }

    @Test
    public void anOrdinaryOrchestrationHandsNoTag() {
        TriggerMetadata ordinary = metadata(null);
        assertThat(ordinary.environment()).containsEntry("INSTALLER_RELEASE_TAG", "")
                .containsEntry("LE_KOLIBRI_RELEASE", "false")
                .containsEntry("INSTALLER_COMMIT", "def456");
    }
}
