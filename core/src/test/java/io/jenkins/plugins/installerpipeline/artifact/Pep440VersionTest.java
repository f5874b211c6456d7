package io.jenkins.plugins.installerpipeline.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class Pep440VersionTest {

    private static String norm(String text) {
        return Pep440Version.parse(text).orElseThrow().normalized();
    }

    private static boolean same(String a, String b) {
        return Pep440Version.parse(a).orElseThrow().sameVersionAs(Pep440Version.parse(b).orElseThrow());
    }

    @Test
    public void gitTagsNormaliseToPythonVersions() {
        assertThat(norm("v0.16.0")).isEqualTo("0.16.0");
        assertThat(norm("v0.16.0-beta1")).isEqualTo("0.16.0b1");
        assertThat(norm("v0.16.0-alpha.2")).isEqualTo("0.16.0a2");
        assertThat(norm("v0.16.0-rc3")).isEqualTo("0.16.0rc3");
        assertThat(norm("0.16.0c1")).isEqualTo("0.16.0rc1");
        assertThat(norm("0.16.0.preview1")).isEqualTo("0.16.0rc1");
        assertThat(norm("1.0-post2")).isEqualTo("1.0.post2");
        assertThat(norm("1.0-1")).isEqualTo("1.0.post1");
        assertThat(norm("1.0.rev")).isEqualTo("1.0.post0");
        assertThat(norm("1.0.DEV3")).isEqualTo("1.0.dev3");
        assertThat(norm("0!1.02.0b")).isEqualTo("1.2.0b0");
        assertThat(norm("2!1.0+Ubuntu-1")).isEqualTo("2!1.0+ubuntu.1");
    }

    @Test
    public void equalityPadsReleaseWithZerosButNotSuffixes() {
        assertThat(same("v0.16", "0.16.0")).isTrue();
        assertThat(same("v0.16.0-beta1", "0.16.0b1")).isTrue();
        assertThat(same("v0.16.0", "0.16.0b1")).isFalse();
        assertThat(same("0.16.0", "0.16.1")).isFalse();
        assertThat(same("0.16.0.dev1", "0.16.0")).isFalse();
    }

    @Test
    public void rejectsWhatIsNotAVersion() {
        assertThat(Pep440Version.parse("release-0.16")).isEmpty();
        assertThat(Pep440Version.parse("0.16.0-beta-x")).isEmpty();
        assertThat(Pep440Version.parse("")).isEmpty();
    }
}
