package io.jenkins.plugins.installerpipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.Test;

/** The Kolibri gate rule, without Jenkins. */
public class GateDecisionTest {

    private static GateDecision decide(Boolean release, boolean triggered, String upstreamTag, String kolibriRelease, String ownTag) {
        return GateDecision.decide(Optional.ofNullable(release), triggered, Optional.ofNullable(upstreamTag),
                Optional.ofNullable(kolibriRelease), Optional.ofNullable(ownTag));
    }

    @Test
    public void triggeredNonReleaseBuildBlocks() {
        GateDecision d = decide(null, true, null, "false", null);
        assertThat(d.block()).isTrue();
        assertThat(d.reason()).isEqualTo("Not a release: waiting for approval.");
    }

    @Test
    public void releaseTagInUpstreamMetadataDoesNotBlock() {
        GateDecision d = decide(null, true, "v0.18.0", "v0.18.0", null);
        assertThat(d.block()).isFalse();
        assertThat(d.reason()).contains("tag v0.18.0");
    }

    @Test
    public void kolibriReleaseVariableHoldingATagDoesNotBlock() {
        assertThat(decide(null, true, null, "v0.18.0-beta1", null).block()).isFalse();
    }

    @Test
    public void ownTagBuildDoesNotBlock() {
        assertThat(decide(null, true, null, null, "v0.18.0").block()).isFalse();
    }

    @Test
    public void buildStartedDirectlyDoesNotBlock() {
        GateDecision d = decide(null, false, null, null, null);
        assertThat(d.block()).isFalse();
        assertThat(d.reason()).startsWith("Started directly");
    }

    @Test
    public void explicitReleaseOverridesEverything() {
        assertThat(decide(true, true, null, "false", null).block()).isFalse();
        assertThat(decide(false, true, "v0.18.0", "v0.18.0", "v0.18.0").block()).isTrue();
        assertThat(decide(false, false, null, null, null).block()).isFalse();
    }
}
