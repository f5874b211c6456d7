package io.jenkins.plugins.installerpipeline.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

public class TargetNamesTest {

    @Test
    public void aSlugNamesOnlyAJobInTheTriggeringProjectsFolder() {
        assertThat(TargetNames.slugProblem("kolibri-debian")).isEmpty();
        for (String slug : java.util.List.of("../admin", "other-team/release", "..", ".", "a\\b", " ")) {
            assertThat(TargetNames.slugProblem(slug)).as(slug).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("trigger " + slug + ": a pipeline slug names a job in the same folder as the package job")
                    .endsWith("map the slug in the step's jobs (jobs: ['" + slug + "': 'folder/job'])"));
        }
    }

    @Test
    public void aSlugResolvesBesideTheTriggeringProject() {
        assertThat(TargetNames.beside("ci/kolibri", "kolibri-debian")).isEqualTo("ci/kolibri-debian");
        assertThat(TargetNames.beside("a/b/kolibri", "kolibri-debian")).isEqualTo("a/b/kolibri-debian");
        assertThat(TargetNames.beside("kolibri", "kolibri-debian")).isEqualTo("kolibri-debian");
    }

    @Test
    public void jobsMapNamesAreFullNamesWithAnOptionalLeadingSlash() {
        assertThat(TargetNames.absolute("/installers/debian")).isEqualTo("installers/debian");
        assertThat(TargetNames.absolute(" installers/debian ")).isEqualTo("installers/debian");
    }

    @Test
    public void similarNamesSuggestTyposAndJobsInOtherFoldersClosestFirst() {
        List<String> existing = List.of("ci/kolibri", "ci/kolibri-debian", "ci/kolibri-debain", "other/kolibri-debian",
                "ci/kolibri-windows", "ci/unrelated");
        assertThat(TargetNames.similar("ci/kolibri-debain2", existing, 5))
                .startsWith("ci/kolibri-debain")
                .contains("ci/kolibri-debian")
                .doesNotContain("ci/unrelated", "ci/kolibri-windows");
        assertThat(TargetNames.similar("ci/kolibri-debian-pkg", existing, 5)).contains("ci/kolibri-debian");
        assertThat(TargetNames.similar("ci/kolibri-debian", existing, 5)).first().isEqualTo("other/kolibri-debian");
        assertThat(TargetNames.similar("zzz", existing, 5)).isEmpty();
    }

    @Test
    public void similarNamesAreCappedAndNeverTheNameTried() {
        List<String> existing = List.of("a1", "a2", "a3", "a4", "a");
        assertThat(TargetNames.similar("a", existing, 3)).hasSize(3).doesNotContain("a");
    }

    @Test
    public void problemNamesSlugJobTriedAndSimilarJobs() {
        assertThat(TargetNames.problem("kolibri-debian", "ci/kolibri-debian", "does not exist", List.of("ci/kolibri-debain")))
                .isEqualTo("trigger kolibri-debian: job ci/kolibri-debian does not exist; similar jobs: ci/kolibri-debain"
                        + " (map the slug to a job with jobs: ['kolibri-debian': 'folder/job'])");
    }
}
