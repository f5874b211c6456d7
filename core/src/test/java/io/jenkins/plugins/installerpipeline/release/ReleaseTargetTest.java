package io.jenkins.plugins.installerpipeline.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.release.ReleaseTarget.Invalid;
import io.jenkins.plugins.installerpipeline.release.ReleaseTarget.NotARelease;
import io.jenkins.plugins.installerpipeline.release.ReleaseTarget.Resolution;
import io.jenkins.plugins.installerpipeline.release.ReleaseTarget.Resolved;
import io.jenkins.plugins.installerpipeline.release.ReleaseTarget.Source;
import java.net.URI;
import java.util.Optional;
import org.junit.Test;

public class ReleaseTargetTest {

    private static final Optional<Source> OWN = Optional.of(new Source("learningequality", "kolibri", Optional.empty()));
    private static final Optional<Source> GHES = Optional.of(new Source("le", "kolibri-installer",
            Optional.of("https://ghe.example.org/api/v3")));

    private static ReleaseTarget target(Resolution r) {
        assertThat(r).isInstanceOf(Resolved.class);
        return ((Resolved) r).target();
    }

    @Test
    public void noTagIsNotAReleaseAndNotAnError() {
        Resolution r = ReleaseTarget.resolve("", "", "", Optional.empty(), OWN, Optional.empty());
        assertThat(r).isInstanceOf(NotARelease.class);
        assertThat(((NotARelease) r).message()).isEqualTo("Not a release build (no tag): nothing uploaded");
        assertThat(ReleaseTarget.resolve(null, null, null, Optional.of(" "), OWN, Optional.empty()))
                .isInstanceOf(NotARelease.class);
    }

    @Test
    public void defaultsComeFromTheBuildAndItsOwnSource() {
        ReleaseTarget t = target(ReleaseTarget.resolve("", "", "", Optional.of("v0.17.0"), OWN, GHES));
        assertThat(t).isEqualTo(new ReleaseTarget(new RepositoryName("learningequality", "kolibri"),
                URI.create("https://api.github.com"), "v0.17.0"));
    }

    @Test
    public void upstreamSourceWhenTheJobHasNone() {
        ReleaseTarget t = target(ReleaseTarget.resolve("", "", "", Optional.of("v1"), Optional.empty(), GHES));
        assertThat(t.repository().toString()).isEqualTo("le/kolibri-installer");
        assertThat(t.apiUrl()).isEqualTo(URI.create("https://ghe.example.org/api/v3"));
    }

    @Test
    public void explicitArgumentsWin() {
        ReleaseTarget t = target(ReleaseTarget.resolve("v2", "me/fork", "http://127.0.0.1:9/api/v3",
                Optional.of("v1"), OWN, GHES));
        assertThat(t).isEqualTo(new ReleaseTarget(new RepositoryName("me", "fork"),
                URI.create("http://127.0.0.1:9/api/v3"), "v2"));
    }

    @Test
    public void mistakesNameTheValue() {
        assertThat(((Invalid) ReleaseTarget.resolve("v1", "kolibri", "", Optional.empty(), OWN, Optional.empty()))
                .message()).isEqualTo("repository 'kolibri' is not of the form OWNER/NAME");
        assertThat(((Invalid) ReleaseTarget.resolve("v1", "", "", Optional.empty(), Optional.empty(),
                Optional.empty())).message()).contains("no repository").contains("repository: 'OWNER/NAME'");
        assertThat(((Invalid) ReleaseTarget.resolve("v1", "", "ftp://x", Optional.empty(), OWN, Optional.empty()))
                .message()).isEqualTo("apiUrl 'ftp://x' is not an http(s) URL such as https://api.github.com");
    }

    @Test
    public void redactionMasksEveryOccurrence() {
        assertThat(Redaction.mask("401 for token abc123 (abc123)", "abc123")).isEqualTo("401 for token **** (****)");
        assertThat(Redaction.mask("nothing", "")).isEqualTo("nothing");
        assertThat(Redaction.mask(null, "x")).isEmpty();
    }

    @Test
    public void assetLinksFollowGitHubsDownloadUrls() {
        assertThat(ReleaseTarget.assetUrl(Optional.of("https://github.com/le/kolibri/releases/tag/v0.17.0"),
                "v0.17.0", "kolibri 0.17.0.exe")).contains(
                "https://github.com/le/kolibri/releases/download/v0.17.0/kolibri%200.17.0.exe");
        assertThat(ReleaseTarget.assetUrl(Optional.empty(), "v1", "x")).isEmpty();
        assertThat(ReleaseTarget.assetUrl(Optional.of("https://elsewhere/x"), "v1", "x")).isEmpty();
    }
}
