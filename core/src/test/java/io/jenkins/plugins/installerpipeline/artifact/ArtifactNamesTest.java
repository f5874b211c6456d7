package io.jenkins.plugins.installerpipeline.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.artifact.ArtifactName.DebianPackageName;
import io.jenkins.plugins.installerpipeline.artifact.ArtifactName.InstallerName;
import io.jenkins.plugins.installerpipeline.artifact.ArtifactName.SourceDistributionName;
import io.jenkins.plugins.installerpipeline.artifact.ArtifactName.WheelName;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class ArtifactNamesTest {

    private static ArtifactName ok(String name) {
        NameParse parse = ArtifactNames.parse(name);
        assertThat(parse.problem()).as(name).isEmpty();
        return parse.name().orElseThrow();
    }

    private static String problem(String name) {
        return ArtifactNames.parse(name).problem().orElseThrow(() -> new AssertionError("parsed: " + name));
    }

    @Test
    public void wheelNamesFollowPep427() {
        WheelName w = (WheelName) ok("kolibri-0.17.0-py2.py3-none-any.whl");
        assertThat(w.distribution()).isEqualTo("kolibri");
        assertThat(w.version().orElseThrow().normalized()).isEqualTo("0.17.0");
        assertThat(w.buildTag()).isEmpty();
        assertThat(w.pythonTags()).containsExactly("py2", "py3");
        assertThat(w.abiTags()).containsExactly("none");
        assertThat(w.platformTags()).containsExactly("any");
        assertThat(w.kind().contentType()).isEqualTo("application/zip");
        assertThat(w.kind().label()).contains("Whl file");

        WheelName built = (WheelName) ok("kolibri_static-0.16.0b1-2-cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        assertThat(built.distribution()).isEqualTo("kolibri_static");
        assertThat(built.version().orElseThrow().normalized()).isEqualTo("0.16.0b1");
        assertThat(built.buildTag()).contains("2");
        assertThat(built.platformTags()).containsExactly("manylinux_2_17_x86_64", "manylinux2014_x86_64");
    }

    @Test
    public void malformedWheelNamesSayWhatIsWrong() {
        assertThat(problem("kolibri-0.17.0.whl")).contains("'kolibri-0.17.0.whl'").contains("2 dash-separated parts")
                .contains("PEP 427");
        assertThat(problem("kolibri-latest-py3-none-any.whl")).contains("'latest' is not a PEP 440 version");
        assertThat(problem("kolibri-0.17.0-x1-py3-none-any.whl")).contains("build tag 'x1' must start with a digit");
    }

    @Test
    public void sourceDistributions() {
        SourceDistributionName s = (SourceDistributionName) ok("kolibri-0.17.0.tar.gz");
        assertThat(s.distribution()).isEqualTo("kolibri");
        assertThat(s.version().orElseThrow().normalized()).isEqualTo("0.17.0");
        assertThat(s.kind().label()).contains("Tar file");
        assertThat(s.kind().contentType()).isEqualTo("application/gzip");
        SourceDistributionName dashed = (SourceDistributionName) ok("kolibri-static-0.16.0b2.tar.gz");
        assertThat(dashed.distribution()).isEqualTo("kolibri-static");
        assertThat(problem("kolibri.tar.gz")).contains("'kolibri.tar.gz' has no version");
    }

    @Test
    public void debianPackagesUseTheUpstreamVersion() {
        DebianPackageName d = (DebianPackageName) ok("kolibri_0.17.0-0ubuntu1_all.deb");
        assertThat(d.packageName()).isEqualTo("kolibri");
        assertThat(d.upstreamVersion()).isEqualTo("0.17.0");
        assertThat(d.debianRevision()).contains("0ubuntu1");
        assertThat(d.architecture()).isEqualTo("all");
        assertThat(d.version().orElseThrow().normalized()).isEqualTo("0.17.0");
        assertThat(d.kind().label()).contains("Debian Package");
        assertThat(d.kind().contentType()).isEqualTo("application/vnd.debian.binary-package");

        DebianPackageName beta = (DebianPackageName) ok("kolibri_1:0.16.0~b1-0ubuntu1_amd64.deb");
        assertThat(beta.version().orElseThrow().normalized()).isEqualTo("0.16.0b1");
        DebianPackageName native_ = (DebianPackageName) ok("kolibri_0.16.0_all.deb");
        assertThat(native_.debianRevision()).isEmpty();

        assertThat(problem("kolibri-0.17.0_all.deb")).contains("'kolibri-0.17.0_all.deb'")
                .contains("2 underscore-separated parts");
        assertThat(problem("kolibri_latest_all.deb")).contains("version 'latest' is not a valid Debian version");
    }

    @Test
    public void kolibriInstallerNames() {
        InstallerName unsigned = (InstallerName) ok("kolibri-0.17.0-windows-setup-unsigned.exe");
        assertThat(unsigned.kind()).isEqualTo(ArtifactKind.WINDOWS_INSTALLER_UNSIGNED);
        assertThat(unsigned.kind().label()).contains("Unsigned Windows installer");
        assertThat(unsigned.kind().contentType()).isEqualTo("application/x-ms-dos-executable");
        assertThat(unsigned.product()).isEqualTo("kolibri");
        assertThat(unsigned.variant()).isEqualTo("windows-setup-unsigned");
        assertThat(unsigned.version().orElseThrow().normalized()).isEqualTo("0.17.0");

        InstallerName signed = (InstallerName) ok("kolibri-0.16.0-beta1-windows-setup-signed.exe");
        assertThat(signed.kind()).isEqualTo(ArtifactKind.WINDOWS_INSTALLER_SIGNED);
        assertThat(signed.kind().label()).contains("Signed Windows installer");
        assertThat(signed.version().orElseThrow().normalized()).isEqualTo("0.16.0b1");

        InstallerName pex = (InstallerName) ok("kolibri-0.17.0.pex");
        assertThat(pex.kind().label()).contains("Pex file");
        assertThat(pex.kind().contentType()).isEqualTo("application/octet-stream");

        InstallerName pi = (InstallerName) ok("kolibri-pi-image-0.17.5.zip");
        assertThat(pi.kind()).isEqualTo(ArtifactKind.RASPBERRY_PI_IMAGE);
        assertThat(pi.product()).isEqualTo("kolibri-pi-image");
        assertThat(pi.version().orElseThrow().normalized()).isEqualTo("0.17.5");

        InstallerName apk = (InstallerName) ok("kolibri-0.16.0-py2.py3-none-any.apk");
        assertThat(apk.kind()).isEqualTo(ArtifactKind.ANDROID_PACKAGE);
        assertThat(apk.version().orElseThrow().normalized()).isEqualTo("0.16.0");

        assertThat(ok("kolibri-0.17.0.dmg").kind()).isEqualTo(ArtifactKind.MACOS_DISK_IMAGE);

        assertThat(problem("kolibri-windows-setup-unsigned.exe"))
                .contains("'kolibri-windows-setup-unsigned.exe' has no version")
                .contains("kolibri-0.17.0-windows-setup-unsigned.exe");
        assertThat(problem("kolibri-0.17.x-windows-setup.exe")).contains("'0.17.x' is not a PEP 440 version");
    }

    @Test
    public void unknownFilesAreOctetStreamsWithoutVersionOrLabel() {
        ArtifactName other = ok("release-notes.txt");
        assertThat(other.kind()).isEqualTo(ArtifactKind.OTHER);
        assertThat(other.kind().contentType()).isEqualTo("application/octet-stream");
        assertThat(other.kind().label()).isEmpty();
        assertThat(other.version()).isEqualTo(Optional.empty());
        assertThat(ok("screenshots.zip").kind()).isEqualTo(ArtifactKind.OTHER);
        assertThat(List.of(ArtifactKind.values())).allSatisfy(k -> assertThat(k.id()).matches("[a-z-]+"));
    }
}
