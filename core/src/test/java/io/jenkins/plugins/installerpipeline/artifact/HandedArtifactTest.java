package io.jenkins.plugins.installerpipeline.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Checksums of streamed artifacts, and merging a dependency's artifacts into a build's own. */
public class HandedArtifactTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void streamedChecksumEqualsTheFileChecksumAndTheKnownValue() throws Exception {
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path file = tmp.newFile("big.bin").toPath();
        Files.write(file, content);
        assertThat(Sha256.of(new ByteArrayInputStream(content))).isEqualTo(Sha256.of(file));
        assertThat(Sha256.of(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    public void mergeAppendsOnlyNewArtifacts() {
        HandedArtifact wheel = new HandedArtifact("k.whl", "dist/k.whl", "u1", 1, "a".repeat(64));
        HandedArtifact deb = new HandedArtifact("k.deb", "dist/k.deb", "u2", 2, "b".repeat(64));
        assertThat(HandOff.merge(List.of(wheel), List.of(wheel, deb))).containsExactly(wheel, deb);
    }
}
