package io.jenkins.plugins.installerpipeline.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

public class BuildContextTest {

    @Test
    public void anEmptyContextHasOnlyTheAgentsConstants() {
        assertThat(BuildContext.empty().environment()).containsOnly(
                entry("BUILDKITE", "true"), entry("CI", "true"),
                entry("BUILDKITE_PULL_REQUEST", "false"),
                entry("BUILDKITE_PULL_REQUEST_BASE_BRANCH", ""),
                entry("BUILDKITE_PULL_REQUEST_REPO", ""));
        assertThat(BuildContext.empty().tag()).isEmpty();
    }

    @Test
    public void derivesTheBuildkiteEnvironment() {
        BuildContext context = BuildContext.builder()
                .tag("v0.16.0").branch("release-v0.16.x").commit("abc123").message("Release v0.16.0")
                .source(BuildSource.TRIGGER_JOB).id("build-uuid").number(42).jobId("job-uuid")
                .buildUrl("https://ci.example.org/job/kolibri/42/")
                .pullRequest(new PullRequest("123", Optional.of("develop"), Optional.of("git://fork"), Optional.of(false)))
                .creator(new Creator(Optional.of("Ann"), Optional.of("ann@example.org"), List.of("release", "qa")))
                .pipelineSlug("kolibri").pipelineDefaultBranch("develop").pipelineRepository("git://kolibri")
                .organizationSlug("learningequality")
                .env("LE_KOLIBRI_RELEASE", "v0.16.0")
                .build();
        assertThat(context.environment()).contains(
                entry("BUILDKITE", "true"), entry("CI", "true"),
                entry("BUILDKITE_TAG", "v0.16.0"), entry("BUILDKITE_BRANCH", "release-v0.16.x"),
                entry("BUILDKITE_COMMIT", "abc123"), entry("BUILDKITE_MESSAGE", "Release v0.16.0"),
                entry("BUILDKITE_SOURCE", "trigger_job"), entry("BUILDKITE_BUILD_ID", "build-uuid"),
                entry("BUILDKITE_BUILD_NUMBER", "42"), entry("BUILDKITE_JOB_ID", "job-uuid"),
                entry("BUILDKITE_BUILD_URL", "https://ci.example.org/job/kolibri/42/"),
                entry("BUILDKITE_PULL_REQUEST", "123"), entry("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "develop"),
                entry("BUILDKITE_PULL_REQUEST_REPO", "git://fork"), entry("BUILDKITE_PULL_REQUEST_DRAFT", "false"),
                entry("BUILDKITE_PIPELINE_SLUG", "kolibri"), entry("BUILDKITE_PIPELINE_DEFAULT_BRANCH", "develop"),
                entry("BUILDKITE_REPO", "git://kolibri"), entry("BUILDKITE_ORGANIZATION_SLUG", "learningequality"),
                entry("BUILDKITE_BUILD_CREATOR", "Ann"), entry("BUILDKITE_BUILD_CREATOR_EMAIL", "ann@example.org"),
                entry("BUILDKITE_BUILD_CREATOR_TEAMS", "release:qa"),
                entry("LE_KOLIBRI_RELEASE", "v0.16.0"));
    }

    @Test
    public void derivedValuesOverrideCallerSuppliedOnes() {
        BuildContext context = BuildContext.builder()
                .branch("develop")
                .env("BUILDKITE_BRANCH", "forged").env("BUILDKITE_PULL_REQUEST", "999").env("CI", "false")
                .env("OTHER", "kept")
                .build();
        assertThat(context.environment()).contains(entry("BUILDKITE_BRANCH", "develop"),
                entry("BUILDKITE_PULL_REQUEST", "false"), entry("CI", "true"), entry("OTHER", "kept"));
        assertThat(context.buildEnvironment()).containsEntry("BUILDKITE_BRANCH", "forged");
    }

    @Test
    public void anUnsetTagMeansNoBuildkiteTagEvenIfTheCallerSuppliesOne() {
        BuildContext context = BuildContext.builder().env("BUILDKITE_TAG", "v9.9.9").build();
        assertThat(context.environment()).doesNotContainKey("BUILDKITE_TAG");
        assertThat(BuildContext.builder().tag("  ").build().tag()).as("a blank tag is no tag").isEmpty();
        assertThat(BuildContext.builder().tag("  ").build().environment()).doesNotContainKey("BUILDKITE_TAG");
    }

    @Test
    public void unsetValuesAreAbsentNotEmpty() {
        Map<String, String> env = BuildContext.empty().environment();
        assertThat(env).doesNotContainKeys("BUILDKITE_BRANCH", "BUILDKITE_COMMIT", "BUILDKITE_MESSAGE",
                "BUILDKITE_SOURCE", "BUILDKITE_BUILD_ID", "BUILDKITE_BUILD_NUMBER", "BUILDKITE_PIPELINE_SLUG");
    }

    @Test
    public void toBuilderCopiesEverything() {
        BuildContext original = BuildContext.builder().tag("v1").branch("main").source(BuildSource.UI)
                .pullRequest(PullRequest.of("7")).env("A", "b").build();
        assertThat(original.toBuilder().build()).isEqualTo(original);
        assertThat(original.toBuilder().tag(null).build().tag()).isEmpty();
        assertThat(original.toBuilder().build().hashCode()).isEqualTo(original.hashCode());
    }

    @Test
    public void sourcesUseBuildkitesSpelling() {
        assertThat(BuildSource.TRIGGER_JOB.value()).isEqualTo("trigger_job");
        assertThat(BuildSource.fromValue("schedule")).contains(BuildSource.SCHEDULE);
        assertThat(BuildSource.fromValue("TRIGGER_JOB")).isEmpty();
    }
}
