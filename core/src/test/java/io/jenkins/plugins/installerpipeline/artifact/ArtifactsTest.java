package io.jenkins.plugins.installerpipeline.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ArtifactsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path write(String relative, String content) throws Exception {
        Path p = tmp.getRoot().toPath().resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    public void globsDescribeEveryFileWithSizeChecksumKindAndVersion() throws Exception {
        write("dist/kolibri-0.17.0-py2.py3-none-any.whl", "abc");
        write("dist/kolibri-0.17.0.tar.gz", "");
        write("dist/notes.md", "x");
        write("installers/kolibri_0.17.0-0ubuntu1_all.deb", "deb");
        ArtifactScan scan = Artifacts.describe(List.of("dist/*.whl", "dist/*.tar.gz", "installers/*"),
                tmp.getRoot().toPath());
        assertThat(scan.diagnostics().isEmpty()).isTrue();
        assertThat(scan.artifacts()).extracting(Artifact::name).containsExactly(
                "kolibri-0.17.0-py2.py3-none-any.whl", "kolibri-0.17.0.tar.gz", "kolibri_0.17.0-0ubuntu1_all.deb");
        Artifact wheel = scan.artifacts().get(0);
        assertThat(wheel.size()).isEqualTo(3);
        // SHA-256("abc") from FIPS 180-2.
        assertThat(wheel.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(wheel.digest()).isEqualTo("sha256:" + wheel.sha256());
        assertThat(wheel.version()).contains("0.17.0");
        assertThat(scan.artifacts().get(1).sha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    public void checksumOfAFileLargerThanTheBufferMatchesTheDigestOfItsBytes() throws Exception {
        byte[] bytes = new byte[Sha256.BUFFER_BYTES * 2 + 12345];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + (i >> 9));
        }
        Path p = tmp.getRoot().toPath().resolve("big.bin");
        Files.write(p, bytes);
        String expected = java.util.HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
        assertThat(Sha256.of(p)).isEqualTo(expected);
    }

    @Test
    public void problemsNameTheFileOrPattern() throws Exception {
        write("dist/kolibri-latest-py3-none-any.whl", "");
        write("a/kolibri-0.17.0.pex", "1");
        write("b/kolibri-0.17.0.pex", "2");
        ArtifactScan scan = Artifacts.describe(List.of("dist/*.whl", "missing/*.exe", "nope.deb", "a/*.pex", "b/*"),
                tmp.getRoot().toPath());
        Diagnostics d = scan.diagnostics();
        assertThat(d.format()).contains("missing/*.exe:1:1: error: pattern 'missing/*.exe' matches no files")
                .contains("nope.deb:1:1: error: cannot read file: no such file")
                .contains("dist/kolibri-latest-py3-none-any.whl:1:1: error: wheel name")
                .contains("two files are named 'kolibri-0.17.0.pex' (a/kolibri-0.17.0.pex and b/kolibri-0.17.0.pex)");
        assertThat(scan.unreadable()).containsExactly("nope.deb");
    }

    @Test
    public void versionCheckAcceptsNormalisedEqualsAndNamesMismatchingFiles() throws Exception {
        write("d/kolibri-0.16.0b1-py2.py3-none-any.whl", "");
        write("d/kolibri_0.16.0~b1-0ubuntu1_all.deb", "");
        write("d/kolibri-0.16.0-beta1-windows-setup-unsigned.exe", "");
        write("d/kolibri-0.15.9.pex", "");
        write("d/notes.txt", "");
        List<Artifact> artifacts = Artifacts.describe(List.of("d/*"), tmp.getRoot().toPath()).artifacts();
        Diagnostics d = ReleaseVersionCheck.check("v0.16.0-beta1", artifacts);
        assertThat(d.errors()).hasSize(1);
        assertThat(d.format()).isEqualTo("kolibri-0.15.9.pex:1:1: error: version 0.15.9 in the file name does not"
                + " match release tag 'v0.16.0-beta1' (version 0.16.0b1)");
        assertThat(ReleaseVersionCheck.check("nightly", artifacts).format()).contains("release tag 'nightly' is not a version");
    }

    @Test
    public void theJsonManifestIsTheTextItHasAlwaysBeen() throws Exception {
        // As ObjectMapper with INDENT_OUTPUT wrote it, byte for byte: scripts may compare manifests as text.
        write("kolibri-0.17.0-windows-setup-unsigned.exe", "abc");
        write("notes \"1\" \u00e9\t.txt", "");
        List<Artifact> artifacts = Artifacts.describe(List.of("*"), tmp.getRoot().toPath()).artifacts();
        assertThat(artifacts).hasSize(2);
        assertThat(Manifest.json(artifacts)).isEqualTo("""
                {
                  "artifacts" : [ {
                    "name" : "kolibri-0.17.0-windows-setup-unsigned.exe",
                    "size" : 3,
                    "sha256" : "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                    "kind" : "windows-installer-unsigned",
                    "version" : "0.17.0",
                    "content_type" : "application/x-ms-dos-executable",
                    "label" : "Unsigned Windows installer"
                  }, {
                    "name" : "notes \\"1\\" \u00e9\\t.txt",
                    "size" : 0,
                    "sha256" : "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    "kind" : "other",
                    "version" : null,
                    "content_type" : "application/octet-stream",
                    "label" : null
                  } ]
                }
                """);
        assertThat(Manifest.json(List.of())).isEqualTo("{\n  \"artifacts\" : [ ]\n}\n");
    }

    @Test
    public void manifestsInJsonAndSha256sumsForm() throws Exception {
        write("kolibri-0.17.0-windows-setup-unsigned.exe", "abc");
        write("notes.txt", "");
        List<Artifact> artifacts = Artifacts.describe(List.of("*"), tmp.getRoot().toPath()).artifacts();
        JsonNode json = new ObjectMapper().readTree(Manifest.json(artifacts));
        JsonNode exe = json.get("artifacts").get(0);
        assertThat(exe.get("name").asText()).isEqualTo("kolibri-0.17.0-windows-setup-unsigned.exe");
        assertThat(exe.get("size").asLong()).isEqualTo(3);
        assertThat(exe.get("sha256").asText()).startsWith("ba7816bf");
        assertThat(exe.get("kind").asText()).isEqualTo("windows-installer-unsigned");
        assertThat(exe.get("version").asText()).isEqualTo("0.17.0");
        assertThat(exe.get("content_type").asText()).isEqualTo("application/x-ms-dos-executable");
        assertThat(exe.get("label").asText()).isEqualTo("Unsigned Windows installer");
        JsonNode notes = json.get("artifacts").get(1);
        assertThat(notes.get("version").isNull()).isTrue();
        assertThat(notes.get("label").isNull()).isTrue();

        String sums = Manifest.sha256sums(artifacts);
        assertThat(sums).isEqualTo(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  kolibri-0.17.0-windows-setup-unsigned.exe\n"
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  notes.txt\n");
        // The file sha256sum -c would read: checked with the real tool when it is installed.
        Path sumsFile = tmp.getRoot().toPath().resolve("SHA256SUMS");
        Files.writeString(sumsFile, sums, StandardCharsets.UTF_8);
        if (Files.isExecutable(Path.of("/usr/bin/sha256sum"))) {
            Process p = new ProcessBuilder("/usr/bin/sha256sum", "-c", "SHA256SUMS")
                    .directory(tmp.getRoot()).redirectErrorStream(true).start();
            assertThat(p.waitFor()).isZero();
        }
    }
}
