package io.jenkins.plugins.installerpipeline.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Document;

/**
 * The project's own Pipeline scripts parse as Groovy, like the generated ones: the CI definition ({@code Jenkinsfile}
 * at the root) and the job scripts of the demo Jenkins home ({@code work/jobs}).
 */
public class ProjectPipelinesTest {

    private static final Path ROOT = Path.of("..");

    @Test
    public void projectJenkinsfileParses() throws IOException {
        String jenkinsfile = Files.readString(ROOT.resolve("Jenkinsfile"), StandardCharsets.UTF_8);
        assertThat(GroovySyntax.problems("Jenkinsfile", jenkinsfile)).isEmpty();
        assertThat(jenkinsfile).contains("values '21', '25'", "-Pjenkins", "junit testResults:",
                "plugin/target/*.hpi", "cli/target/installer-pipeline.jar");
    }

    @Test
    public void demoJobsAreTheKolibriFolderWithSixParsingPipelines() throws Exception {
        Path folder = ROOT.resolve("work/jobs/kolibri");
        assertThat(folder.resolve("config.xml")).exists();
        List<Path> jobs;
        try (Stream<Path> dirs = Files.list(folder.resolve("jobs"))) {
            jobs = dirs.sorted().toList();
        }
        assertThat(jobs).extracting(p -> p.getFileName().toString()).containsExactly("kolibri-android-installer",
                "kolibri-debian", "kolibri-macos", "kolibri-python-package", "kolibri-raspbian-image", "kolibri-windows");
        for (Path job : jobs) {
            Document config = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(job.resolve("config.xml").toFile());
            assertThat(config.getDocumentElement().getTagName()).isEqualTo("flow-definition");
            assertThat(config.getElementsByTagName("sandbox").item(0).getTextContent()).isEqualTo("true");
            String script = config.getElementsByTagName("script").item(0).getTextContent();
            assertThat(GroovySyntax.problems(job.getFileName().toString(), script)).as(job.toString()).isEmpty();
            if (job.getFileName().toString().equals("kolibri-python-package")) {
                assertThat(script).contains("triggerInstallers definition: '.buildkite/pipeline.yml'",
                        "kolibri-0.17.0-py2.py3-none-any.whl");
            } else {
                assertThat(script).contains("blockUnlessTag message:", "fetchUpstreamArtifacts", "archiveArtifacts");
            }
        }
    }
}
