package io.jenkins.plugins.installerpipeline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import org.junit.Test;

public class ReleaseUploadsTest {

    private static final String DEFINITION = "steps:\n"
            + "  - label: Upload Release Artifacts\n"
            + "    key: by-label\n"
            + "    if: build.tag != null\n"
            + "    command: make upload\n"
            + "  - key: by-gh\n"
            + "    command:\n"
            + "      - gh release upload $BUILDKITE_TAG dist/*\n"
            + "  - key: by-cli\n"
            + "    command: java -jar installer-pipeline.jar publish --repository a/b --tag v1 'dist/*'\n"
            + "  - key: to-buildkite\n"
            + "    command: buildkite-agent artifact upload 'build/release/*.apk'\n"
            + "  - key: build\n"
            + "    label: Build the release\n"
            + "    command: make release\n"
            + "  - trigger: upload-release-artifacts\n";

    @Test
    public void stepsThatNameAReleaseUploadAreFoundIncludedOrNot() {
        Plan plan = Planner.plan("p.yml", DEFINITION, BuildContext.empty()).plan().orElseThrow();
        assertThat(ReleaseUploads.in(plan)).extracting(PlannedStep::key)
                .containsExactly("by-label", "by-gh", "by-cli");
        assertThat(plan.step("by-label").orElseThrow().included()).isFalse();
    }
}
