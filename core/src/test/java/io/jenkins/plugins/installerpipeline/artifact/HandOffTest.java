package io.jenkins.plugins.installerpipeline.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

public class HandOffTest {

    private static final String WHEEL_SHA = "a".repeat(64);
    private static final String DEB_SHA = "b".repeat(64);
    private static final HandedArtifact WHEEL = new HandedArtifact("kolibri-0.17.0-py2.py3-none-any.whl",
            "dist/kolibri-0.17.0-py2.py3-none-any.whl", "https://ci/job/kolibri/3/artifact/dist/kolibri.whl", 1234,
            WHEEL_SHA);
    private static final HandedArtifact TARBALL = new HandedArtifact("kolibri-0.17.0.tar.gz",
            "dist/kolibri-0.17.0.tar.gz", "", 99, "c".repeat(64));

    @Test
    public void jsonRoundTrips() {
        String json = HandOff.toJson(List.of(WHEEL, TARBALL));
        HandOff.Parsed parsed = HandOff.parse(json);
        assertThat(parsed.problem()).isEmpty();
        assertThat(parsed.artifacts()).containsExactly(WHEEL, TARBALL);
    }

    @Test
    public void pathDefaultsToNameAndChecksumIsLowerCased() {
        HandOff.Parsed parsed = HandOff.parse("[{\"name\":\"x.deb\",\"size\":5,\"sha256\":\"" + DEB_SHA.toUpperCase()
                + "\"}]");
        assertThat(parsed.artifacts()).containsExactly(new HandedArtifact("x.deb", "x.deb", "", 5, DEB_SHA));
    }

    @Test
    public void emptyOrBlankMeansNoArtifacts() {
        assertThat(HandOff.parse("").artifacts()).isEmpty();
        assertThat(HandOff.parse("[]").problem()).isEmpty();
    }

    @Test
    public void artifactWithoutChecksumIsRefusedNamingIt() {
        HandOff.Parsed parsed = HandOff.parse("[{\"name\":\"x.deb\",\"size\":5,\"sha256\":\"abc\"}]");
        assertThat(parsed.problem()).contains("INSTALLER_ARTIFACTS[0] (x.deb) has no valid \"sha256\" (64 hex digits):"
                + " 'abc'");
        assertThat(HandOff.parse("{\"name\":1}").problem().orElseThrow()).contains("must be a JSON array");
        assertThat(HandOff.parse("[{").problem().orElseThrow()).startsWith("INSTALLER_ARTIFACTS is not valid JSON");
        assertThat(HandOff.parse("[{\"name\":\"x\",\"sha256\":\"" + DEB_SHA + "\"}]").problem())
                .contains("INSTALLER_ARTIFACTS[0] (x) has no valid \"size\"");
    }

    @Test
    public void selectsByNameOrPathWithAntStyleDoubleStar() {
        List<HandedArtifact> all = List.of(WHEEL, TARBALL);
        assertThat(HandOff.select(all, "*.whl").artifacts()).containsExactly(WHEEL);
        assertThat(HandOff.select(all, "dist/*.tar.gz").artifacts()).containsExactly(TARBALL);
        assertThat(HandOff.select(all, "**/*.whl").artifacts()).containsExactly(WHEEL);
        // order follows the metadata, not the patterns; an artifact matched twice comes once
        assertThat(HandOff.select(all, "*.tar.gz, *.whl, dist/*").artifacts()).containsExactly(WHEEL, TARBALL);
        assertThat(HandOff.select(all, "  ").artifacts()).containsExactly(WHEEL, TARBALL);
    }

    @Test
    public void unmatchedPatternsAreReportedWithWhatIsAvailable() {
        HandOff.Selection s = HandOff.select(List.of(WHEEL), "*.whl, *.deb");
        assertThat(s.unmatched()).containsExactly("*.deb");
        assertThat(HandOff.unmatchedMessage(s.unmatched(), List.of(WHEEL), "kolibri #3"))
                .isEqualTo("pattern '*.deb' matches none of the artifacts kolibri #3 handed over"
                        + " (kolibri-0.17.0-py2.py3-none-any.whl)");
    }

    @Test
    public void verifyNamesFileAndBothChecksums() {
        assertThat(HandOff.verify(WHEEL, 1234, WHEEL_SHA.toUpperCase())).isEmpty();
        String other = "d".repeat(64);
        assertThat(HandOff.verify(WHEEL, 1234, other)).contains("dist/kolibri-0.17.0-py2.py3-none-any.whl: checksum"
                + " mismatch: expected SHA-256 " + WHEEL_SHA + " (from INSTALLER_ARTIFACTS), got " + other);
        assertThat(HandOff.verify(WHEEL, 10, other).orElseThrow()).endsWith("; expected 1234 bytes, got 10");
        // same digest, different size (cannot happen with SHA-256 in practice, but a lying metadata entry can)
        assertThat(HandOff.verify(WHEEL, 10, WHEEL_SHA)).isPresent();
    }

    @Test
    public void messagesForMissingUpstreamAndUnknownDependency() {
        assertThat(HandOff.noUpstreamMessage("installers/kolibri-windows"))
                .startsWith("installers/kolibri-windows was not started by an orchestration");
        assertThat(HandOff.unknownDependencyMessage("kolibri-debain", List.of("kolibri-debian")))
                .isEqualTo("'kolibri-debain' is not 'upstream' nor a dependency of this build (dependencies:"
                        + " kolibri-debian)");
    }

    @Test
    public void streamChecksumEqualsFileChecksum() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("handoff", ".bin");
        try {
            byte[] data = new byte[3 * 1024 * 1024 + 7];
            new java.util.Random(1).nextBytes(data);
            java.nio.file.Files.write(f, data);
            assertThat(Sha256.of(new java.io.ByteArrayInputStream(data))).isEqualTo(Sha256.of(f));
            assertThat(Sha256.of(new java.io.ByteArrayInputStream(new byte[0])))
                    .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        } finally {
            java.nio.file.Files.delete(f);
        }
    }

    @Test
    public void pathsThatLeaveTheWorkspaceAreRefused() {
        String sha = "\"sha256\":\"" + DEB_SHA + "\",\"size\":1";
        assertThat(HandOff.parse("[{\"name\":\"x.deb\",\"path\":\"../../etc/x.deb\"," + sha + "}]").problem())
                .contains("INSTALLER_ARTIFACTS[0] (x.deb) has path '../../etc/x.deb', which leaves the workspace;"
                        + " give a relative path without '..'");
        assertThat(HandOff.parse("[{\"name\":\"x.deb\",\"path\":\"/tmp/x.deb\"," + sha + "}]").problem())
                .isPresent();
        assertThat(HandOff.parse("[{\"name\":\"a/x.deb\"," + sha + "}]").problem()).isPresent();
        assertThat(HandOff.parse("[{\"name\":\"x.deb\",\"path\":\"out/deb/x.deb\"," + sha + "}]").problem())
                .isEmpty();
    }
}
