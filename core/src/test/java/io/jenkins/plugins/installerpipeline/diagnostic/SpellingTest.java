package io.jenkins.plugins.installerpipeline.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class SpellingTest {

    @Test
    public void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Spelling.distance("", "abc")).isEqualTo(3);
        assertThat(Spelling.distance("comand", "command")).isEqualTo(1);
        assertThat(Spelling.distance("same", "same")).isZero();
    }
}
