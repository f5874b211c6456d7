package io.jenkins.plugins.installerpipeline.release;

/**
 * What to do when the release already has an asset of the same name with different content (an identical asset is
 * always skipped).
 */
public enum OnExisting {
    /** Leave the asset on the release as it is and report the difference. */
    SKIP,
    /** Replace it, without ever leaving the release without an asset of that name. */
    REPLACE,
    /** Report the difference as a failure (the default). */
    FAIL
}
