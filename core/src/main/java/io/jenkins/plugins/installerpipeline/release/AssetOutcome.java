package io.jenkins.plugins.installerpipeline.release;

/**
 * What happened to one artifact.
 *
 * @param name   the asset name
 * @param result the result
 * @param detail more about it: the error for {@link Result#FAILED}, the difference for
 *               {@link Result#SKIPPED_DIFFERENT}, a note otherwise (may be empty)
 * @param dryRun whether this is what a dry run found would happen, rather than what happened
 */
public record AssetOutcome(String name, Result result, String detail, boolean dryRun) {

    /** What happened to the artifact (not a dry run). */
    public AssetOutcome(String name, Result result, String detail) {
        this(name, result, detail, false);
    }

    /** The results a user sees, one per line. */
    public enum Result {
        UPLOADED("uploaded"),
        SKIPPED_IDENTICAL("skipped (identical)"),
        SKIPPED_DIFFERENT("skipped (differs)"),
        REPLACED("replaced"),
        FAILED("error");

        private final String word;

        Result(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * Whether the release ends up with an asset of this name (not necessarily this content when skipped); in a dry
     * run, whether it would.
     */
    public boolean onRelease() {
        return result != Result.FAILED;
    }

    /**
     * {@code NAME: uploaded}, {@code NAME: skipped (identical)}, {@code NAME: replaced}, {@code NAME: error: ...}; in
     * a dry run {@code NAME: would be uploaded} and so on (an error stays an error: the real run would fail too).
     */
    public String line() {
        String would = dryRun && result != Result.FAILED ? "would be " : "";
        return name + ": " + would + result.word() + (detail.isEmpty() ? "" : ": " + detail);
    }
}
