package io.jenkins.plugins.installerpipeline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

/** The examples from Buildkite's branch configuration documentation, and the edge cases around them. */
public class BranchFilterTest {

    @Test
    public void exactNameMatchesOnlyItself() {
        BranchFilter filter = BranchFilter.parse("main");
        assertThat(filter.matches("main")).isTrue();
        assertThat(filter.matches("main2")).isFalse();
        assertThat(filter.matches("not-main")).isFalse();
    }

    @Test
    public void negationAloneMatchesEverythingElse() {
        BranchFilter filter = BranchFilter.parse("!production");
        assertThat(filter.matches("main")).isTrue();
        assertThat(filter.matches("production")).isFalse();
    }

    @Test
    public void severalPositivePatternsAnyMayMatch() {
        BranchFilter filter = BranchFilter.parse("main features/*");
        assertThat(filter.matches("main")).isTrue();
        assertThat(filter.matches("features/login")).isTrue();
        assertThat(filter.matches("features/login/part-2")).as("* crosses slashes").isTrue();
        assertThat(filter.matches("feature/login")).isFalse();
    }

    @Test
    public void leadingWildcard() {
        BranchFilter filter = BranchFilter.parse("*-test");
        assertThat(filter.matches("rails-update-test")).isTrue();
        assertThat(filter.matches("rails-update-tests")).isFalse();
    }

    @Test
    public void negativePatternWinsOverPositive() {
        BranchFilter filter = BranchFilter.parse("stages/* !stages/production");
        assertThat(filter.matches("stages/demo")).isTrue();
        assertThat(filter.matches("stages/production")).isFalse();
        assertThat(filter.matches("main")).isFalse();
    }

    @Test
    public void wildcardInTheMiddle() {
        assertThat(BranchFilter.parse("v*.0").matches("v1.0")).isTrue();
        assertThat(BranchFilter.parse("v*.0").matches("v1.1")).isFalse();
        BranchFilter filter = BranchFilter.parse("v* !v1.*");
        assertThat(filter.matches("v2.3")).isTrue();
        assertThat(filter.matches("v1.1")).isFalse();
    }

    @Test
    public void listFormAndExtraSpacesAreTheSameAsOneString() {
        BranchFilter fromList = BranchFilter.parse(List.of("main", "  release/*  !release/old"));
        assertThat(fromList).isEqualTo(BranchFilter.parse("main release/* !release/old"));
        assertThat(fromList.describe()).isEqualTo("main release/* !release/old");
    }

    @Test
    public void matchingIsCaseSensitive() {
        assertThat(BranchFilter.parse("Main").matches("main")).isFalse();
    }

    @Test
    public void starMatchesEmptyAndConsecutiveStarsCollapse() {
        assertThat(BranchFilter.globMatches("release/*", "release/")).isTrue();
        assertThat(BranchFilter.globMatches("**", "")).isTrue();
        assertThat(BranchFilter.globMatches("a*b*c", "aXbYbZc")).isTrue();
        assertThat(BranchFilter.globMatches("a*b*c", "aXbYbZ")).isFalse();
    }

    @Test
    public void emptyFilterLetsEverythingThrough() {
        BranchFilter filter = BranchFilter.parse("   ");
        assertThat(filter.isEmpty()).isTrue();
        assertThat(filter.matches("anything")).isTrue();
    }
}
