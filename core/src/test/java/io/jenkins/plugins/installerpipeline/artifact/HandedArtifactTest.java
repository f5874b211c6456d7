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
    public void installerArtifactsJsonRoundTrips() {
        List<HandedArtifact> list = List.of(
                new HandedArtifact("kolibri_0.17.0_all.deb", "dist/kolibri_0.17.0_all.deb",
                        "https://ci/job/kolibri-debian/12/artifact/dist/kolibri_0.17.0_all.deb", 1234, "ab"),
                new HandedArtifact("k.whl", "k.whl", "", 0, "cd"));
        String json = HandedArtifact.toJson(list);
        assertThat(json).startsWith("[{\"name\":\"kolibri_0.17.0_all.deb\",\"path\":\"dist/kolibri_0.17.0_all.deb\","
                + "\"url\":\"https://ci/job/kolibri-debian/12/artifact/dist/kolibri_0.17.0_all.deb\",\"size\":1234,"
                + "\"sha256\":\"ab\"}");
        assertThat(HandedArtifact.parse(json)).contains(list);
        assertThat(HandedArtifact.toJson(List.of())).isEqualTo("[]");
    }

    @Test
    public void parseRefusesWhatIsNotAnArtifactList() {
        assertThat(HandedArtifact.parse("{}")).isEmpty();
        assertThat(HandedArtifact.parse("[{\"size\":1}]")).isEmpty();
        assertThat(HandedArtifact.parse("not json")).isEmpty();
    }

    @Test
    public void mergeAppendsOnlyNewArtifacts() {
        HandedArtifact wheel = new HandedArtifact("k.whl", "dist/k.whl", "u1", 1, "a");
        HandedArtifact deb = new HandedArtifact("k.deb", "dist/k.deb", "u2", 2, "b");
        assertThat(HandedArtifact.merge(List.of(wheel), List.of(wheel, deb))).containsExactly(wheel, deb);
    }
}
