package io.jenkins.plugins.installerpipeline.definition;

/**
 * Limits that keep hostile input from exhausting memory or time. Exceeding one is an error at a location.
 *
 * @param maxCodePoints        largest file, in characters (code points)
 * @param maxNestingDepth      deepest nesting of mappings and sequences
 * @param maxAliasesForCollections most aliases to mappings or sequences in one file (a coarse guard; the
 *                             expansion itself is bounded by {@code maxExpandedNodes})
 * @param maxExpandedNodes     most YAML nodes once aliases are expanded ("billion laughs")
 */
public record ReadLimits(int maxCodePoints, int maxNestingDepth, int maxAliasesForCollections, int maxExpandedNodes) {

    /** Generous for real pipelines (hundreds of thousands of steps), tight for attacks. */
    public static final ReadLimits DEFAULT = new ReadLimits(32 * 1024 * 1024, 64, 10_000, 5_000_000);

    public ReadLimits {
        if (maxCodePoints < 1 || maxNestingDepth < 1 || maxAliasesForCollections < 0 || maxExpandedNodes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
