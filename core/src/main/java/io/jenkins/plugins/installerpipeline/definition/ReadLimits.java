package io.jenkins.plugins.installerpipeline.definition;

import java.util.Locale;

/**
 * Limits that keep hostile or accidental input from exhausting memory or time: this reader runs inside the Jenkins
 * controller. Exceeding one is an error at a location, or for a file, a refusal to read it.
 *
 * @param maxBytes                 largest definition, in bytes of UTF-8
 * @param maxNestingDepth          deepest nesting of mappings and sequences
 * @param maxAliasesForCollections most aliases to mappings or sequences in one file (a coarse guard; the
 *                                 expansion itself is bounded by {@code maxExpandedNodes})
 * @param maxExpandedNodes         most YAML nodes once aliases are expanded ("billion laughs")
 */
public record ReadLimits(int maxBytes, int maxNestingDepth, int maxAliasesForCollections, int maxExpandedNodes) {

    /**
     * The default largest definition: 10 MiB. Buildkite counts its limits in jobs, not bytes: 500 jobs per
     * {@code pipeline upload} and 4,000 per build by default. 4,000 steps of a generous 2.5 KiB each is 10 MiB, so
     * no definition Buildkite would run is refused, and reading one costs about a second and tens of MB of heap
     * (docs/performance.md).
     */
    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

    /** Generous for real pipelines, tight for attacks. */
    public static final ReadLimits DEFAULT = new ReadLimits(DEFAULT_MAX_BYTES, 64, 10_000, 5_000_000);

    public ReadLimits {
        if (maxBytes < 1 || maxNestingDepth < 1 || maxAliasesForCollections < 0 || maxExpandedNodes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** These limits with another largest definition size. */
    public ReadLimits withMaxBytes(int bytes) {
        return new ReadLimits(bytes, maxNestingDepth, maxAliasesForCollections, maxExpandedNodes);
    }

    /** Why a definition of {@code bytes} bytes is refused: {@code 31457280 bytes, more than the limit of ...}. */
    public String tooBig(long bytes) {
        return bytes + " bytes, " + overLimit();
    }

    /**
     * Why a definition whose size is not known is refused (standard input, read only up to the limit):
     * {@code more than the limit of 10485760 bytes (10 MiB)}.
     */
    public String overLimit() {
        double mib = maxBytes / (1024.0 * 1024.0);
        String readable = mib < 1 ? ""
                : " (" + (mib == Math.rint(mib) ? String.valueOf((long) mib) : String.format(Locale.ROOT, "%.1f", mib))
                        + " MiB)";
        return "more than the limit of " + maxBytes + " bytes" + readable;
    }

    /** How many bytes {@code text} takes in UTF-8 (without encoding it). */
    static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A surrogate pair is 4 bytes: 2 for each half.
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
