package io.jenkins.plugins.installerpipeline.release;

/**
 * What happened to one artifact.
 *
 * @param name   the asset name
 * @param result the result
 * @param detail more about it: the error for {@link Result#FAILED}, the difference for
 *               {@link Result#SKIPPED_DIFFERENT}, a note otherwise (may be empty)
 */
public record AssetOutcome(String name, Result result, String detail) {

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

    /** Whether the release ends up with an asset of this name (not necessarily this content when skipped). */
    public boolean onRelease() {
        return result != Result.FAILED;
    }

    /** {@code NAME: uploaded}, {@code NAME: skipped (identical)}, {@code NAME: replaced}, {@code NAME: error: ...}. */
    public String line() {
        return name + ": " + result.word() + (detail.isEmpty() ? "" : ": " + detail);
    }
}
