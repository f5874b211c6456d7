package io.jenkins.plugins.installerpipeline.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The Jenkinsfiles {@code convert} generates for every shipped Kolibri example, in both syntaxes, compared with
 * golden files under {@code src/test/resources/golden/jenkinsfiles}, and each parsed with the Groovy compiler.
 * Regenerate the golden files after an intended change with {@code -Dgolden.update=true}.
 */
public class KolibriJenkinsfilesTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "kolibri");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "jenkinsfiles");

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static ConversionResult convert(Path example, JenkinsfileStyle style) throws IOException {
        // The file name as a user in the repository root would type it, so comments and warnings match the docs.
        String file = "examples/kolibri/" + example.getFileName();
        return JenkinsfileConverter.convert(file, Files.readString(example, StandardCharsets.UTF_8),
                ConvertOptions.defaults().withStyle(style));
    }

    @Test
    public void everyExampleMatchesItsGoldenJenkinsfileAndParsesAsGroovy() throws IOException {
        List<Path> examples = examples();
        assertThat(examples).hasSize(6);
        for (Path example : examples) {
            for (JenkinsfileStyle style : JenkinsfileStyle.values()) {
                ConversionResult result = convert(example, style);
                assertThat(result.diagnostics().errors()).as(example.toString()).isEmpty();
                String jenkinsfile = result.jenkinsfile().orElseThrow();
                String name = example.getFileName().toString().replace(".yml", "")
                        + "." + style.name().toLowerCase(Locale.ROOT) + ".Jenkinsfile";
                assertThat(GroovySyntax.problems(name, jenkinsfile)).as(name).isEmpty();
                Path golden = GOLDEN.resolve(name);
                if (Boolean.getBoolean("golden.update")) {
                    Files.writeString(golden, jenkinsfile, StandardCharsets.UTF_8);
                }
                assertThat(jenkinsfile).as("%s differs from %s (regenerate with -Dgolden.update=true if intended)",
                        example, golden).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    public void installerGatesBecomeBlockUnlessTagWithTheSameConditionAndPrompt() throws IOException {
        for (Path example : examples()) {
            if (example.getFileName().toString().equals("package.yml")) {
                continue;
            }
            String jenkinsfile = convert(example, JenkinsfileStyle.DECLARATIVE).jenkinsfile().orElseThrow();
            assertThat(jenkinsfile).as(example.toString())
                    .contains("blockUnlessTag condition: 'build.env(\"LE_KOLIBRI_RELEASE\") == \"false\"', message: 'Build the ")
                    .contains("fetchUpstreamArtifacts includes: 'dist/*.")
                    .doesNotContain("// not converted:", "BUILDKITE_")
                    .doesNotContain("input message:");
        }
    }

    @Test
    public void packageTriggersBecomeOneCallOutsideAnyNodeWithValuesFromTheEngine() throws IOException {
        ConversionResult result = convert(EXAMPLES.resolve("package.yml"), JenkinsfileStyle.DECLARATIVE);
        String jenkinsfile = result.jenkinsfile().orElseThrow();
        // ${BUILDKITE_TAG:-false} and friends: the engine interpolates them for the build in a short first stage;
        // the triggers then run without a node, so a release waiting for its installers holds no executor.
        assertThat(jenkinsfile.split("triggerInstallers installers:", -1)).hasSize(2);
        assertThat(jenkinsfile).doesNotContain("triggerInstallers definition:", "BUILDKITE_");
        String triggerStage = jenkinsfile.substring(jenkinsfile.indexOf("stage('Trigger installers')"),
                jenkinsfile.indexOf("stage('Upload Release Artifacts')"));
        assertThat(triggerStage).doesNotContain("agent")
                .contains("buildkiteInstaller('deb-build', [key: 'deb-build', job: 'kolibri-debian', label:"
                        + " ':debian: Debian package']),")
                .contains("[job: 'kolibri-raspbian-image', label: ':raspberry-pi: Raspberry Pi image',"
                        + " dependsOn: 'deb-build']");
        assertThat(jenkinsfile)
                .contains("buildkitePlan = readPipelineDefinition file: 'examples/kolibri/package.yml'")
                .contains("buildingTag()")
                .contains("agent { label 'linux' }")
                .contains("archiveArtifacts artifacts: 'dist/*.whl, dist/*.pex, dist/*.tar.gz', allowEmptyArchive: true");
        // The release upload waits for the installers and downloads every artifact of the build: neither has a
        // faithful form, so both are flagged with their line.
        assertThat(result.diagnostics().warnings()).extracting(Diagnostic::format).containsExactly(
                "examples/kolibri/package.yml:55:5: warning: 'upload-release': waits for the trigger steps"
                        + " [kolibri-android-installer, kolibri-debian, kolibri-windows, kolibri-macos,"
                        + " kolibri-raspbian-image], which on Buildkite finish when their builds finish or block;"
                        + " triggerInstallers returns once the installer builds are queued: where this step needs the"
                        + " installers' outputs (as uploadReleaseArtifact(fromInstallers: true) does), pass wait: true"
                        + " on those builds",
                "examples/kolibri/package.yml:59:9: warning: not converted in 'upload-release': buildkite-agent artifact"
                        + " download 'dist/*' .: downloads 'dist/*' from this build, which no single step's"
                        + " artifact_paths produces: share files between stages with stash/unstash, or publish"
                        + " release assets with uploadReleaseArtifact(fromInstallers: true)");
    }

    @Test
    public void windowsSigningGetsTheUnsignedInstallerThroughStashAndUnstash() throws IOException {
        ConversionResult result = convert(EXAMPLES.resolve("kolibri-windows.yml"), JenkinsfileStyle.SCRIPTED);
        // The queues name Windows, the commands could run in either shell: kept as sh, and said so.
        assertThat(result.diagnostics().all()).extracting(Diagnostic::format).containsExactly(
                "examples/kolibri/kolibri-windows.yml:11:5: warning: 'unsigned': agents queue=windows names Windows,"
                        + " where Buildkite runs commands with cmd.exe; they are kept as sh, which needs a POSIX shell on"
                        + " the agent: on a Windows agent, change sh to bat (or powershell)",
                "examples/kolibri/kolibri-windows.yml:22:5: warning: 'signed': agents queue=windows-signing names"
                        + " Windows, where Buildkite runs commands with cmd.exe; they are kept as sh, which needs a"
                        + " POSIX shell on the agent: on a Windows agent, change sh to bat (or powershell)");
        String jenkinsfile = result.jenkinsfile().orElseThrow();
        assertThat(jenkinsfile.indexOf("stash name: 'unsigned', includes: 'dist/*-unsigned.exe'"))
                .isPositive()
                .isLessThan(jenkinsfile.indexOf("unstash 'unsigned'"));
        assertThat(jenkinsfile).contains("node('windows-signing') {");
    }
}
