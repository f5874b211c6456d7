package io.jenkins.plugins.installerpipeline.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.installerpipeline.interpolation.Interpolator;
import org.junit.Test;

/** A preview shows the values Buildkite sets when the build runs as placeholders, never as empty strings. */
public class RunTimePlaceholdersTest {

    private static String expand(String text, BuildContext context) {
        return Interpolator.interpolate(text, context).text().orElseThrow();
    }

    @Test
    public void aPreviewShowsEveryUnknownRunTimeValueAsAPlaceholder() {
        BuildContext preview = BuildContext.builder().runTimePlaceholders(true).tag("v0.17.0").build();
        assertThat(preview.runTimePlaceholders()).containsOnly(
                entry("BUILDKITE_BUILD_ID", "<build id, set when the build runs>"),
                entry("BUILDKITE_BUILD_NUMBER", "<build number, set when the build runs>"),
                entry("BUILDKITE_BUILD_URL", "<build URL, set when the build runs>"),
                entry("BUILDKITE_JOB_ID", "<job id, set when the build runs>"),
                entry("BUILDKITE_COMMIT", "<commit, set when the build runs>"),
                entry("BUILDKITE_MESSAGE", "<build message, set when the build runs>"));
        assertThat(expand("${BUILDKITE_BUILD_ID}/${BUILDKITE_TAG}", preview))
                .isEqualTo("<build id, set when the build runs>/v0.17.0");
        assertThat(expand("${BUILDKITE_MESSAGE:-none}", preview)).isEqualTo("<build message, set when the build runs>");
        assertThat(expand("${BUILDKITE_COMMIT:0:7}", preview)).as("part of an unknown value is unknown")
                .isEqualTo("<commit, set when the build runs>");
    }

    @Test
    public void valuesGivenAreNotPlaceholders() {
        BuildContext preview = BuildContext.builder().runTimePlaceholders(true).id("0193-abc").number(42)
                .jobId("job-1").buildUrl("https://ci/42").commit("3f1c2a7").message("Release").build();
        assertThat(preview.runTimePlaceholders()).isEmpty();
        assertThat(expand("${BUILDKITE_BUILD_ID} ${BUILDKITE_JOB_ID} ${BUILDKITE_COMMIT:0:4}", preview))
                .isEqualTo("0193-abc job-1 3f1c");
    }

    @Test
    public void conditionsAndRunningBuildsSeeNoPlaceholders() {
        BuildContext preview = BuildContext.builder().runTimePlaceholders(true).build();
        assertThat(preview.environment()).doesNotContainKeys("BUILDKITE_BUILD_ID", "BUILDKITE_MESSAGE");
        BuildContext running = BuildContext.builder().build();
        assertThat(running.runTimePlaceholders()).isEmpty();
        assertThat(expand("[${BUILDKITE_BUILD_ID}]", running)).isEqualTo("[]");
    }
}
