package io.jenkins.plugins.installerpipeline.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A step's {@code branches:} filter with Buildkite's syntax: space-separated patterns, {@code *} matches any run of
 * characters (slashes included, so {@code features/*} matches {@code features/a/b}), and a leading {@code !} negates.
 * A branch passes when it matches at least one positive pattern (or there are none) and no negative pattern.
 *
 * @param positive patterns a branch must match one of; empty means "any branch"
 * @param negative patterns a branch must match none of
 */
public record BranchFilter(List<String> positive, List<String> negative) {

    public BranchFilter {
        positive = List.copyOf(positive);
        negative = List.copyOf(negative);
    }

    /** Parses one or more pattern strings, each of which may hold several space-separated patterns. */
    public static BranchFilter parse(List<String> patterns) {
        List<String> positive = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        for (String text : patterns) {
            for (String pattern : text.trim().split("\\s+")) {
                if (pattern.isEmpty()) {
                    continue;
                }
                if (pattern.startsWith("!")) {
                    negative.add(pattern.substring(1));
                } else {
                    positive.add(pattern);
                }
            }
        }
        return new BranchFilter(positive, negative);
    }

    public static BranchFilter parse(String patterns) {
        return parse(List.of(patterns));
    }

    /** Whether the filter lets every branch through (no patterns at all). */
    public boolean isEmpty() {
        return positive.isEmpty() && negative.isEmpty();
    }

    /** Whether a build of {@code branch} includes the step. */
    public boolean matches(String branch) {
        for (String pattern : negative) {
            if (globMatches(pattern, branch)) {
                return false;
            }
        }
        if (positive.isEmpty()) {
            return true;
        }
        for (String pattern : positive) {
            if (globMatches(pattern, branch)) {
                return true;
            }
        }
        return false;
    }

    /** The patterns as a user wrote them, space-separated, for messages. */
    public String describe() {
        List<String> all = new ArrayList<>(positive);
        negative.forEach(n -> all.add("!" + n));
        return String.join(" ", all);
    }

    /** Linear-time wildcard match where {@code *} is the only special character. */
    static boolean globMatches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                // Let the last star swallow one more character and retry from there.
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
