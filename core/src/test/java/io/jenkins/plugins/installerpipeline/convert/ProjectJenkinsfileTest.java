package io.jenkins.plugins.installerpipeline.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/** The project's own CI definition ({@code Jenkinsfile} at the root) parses as Groovy, like the generated ones. */
public class ProjectJenkinsfileTest {

    @Test
    public void projectJenkinsfileParses() throws IOException {
        String jenkinsfile = Files.readString(Path.of("..", "Jenkinsfile"), StandardCharsets.UTF_8);
        assertThat(GroovySyntax.problems("Jenkinsfile", jenkinsfile)).isEmpty();
        assertThat(jenkinsfile).contains("values '21', '25'", "-Pjenkins", "junit testResults:",
                "plugin/target/*.hpi", "cli/target/installer-pipeline.jar");
    }
}
