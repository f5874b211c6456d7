/**
 * Publishing release artifacts to a GitHub Release: {@link io.jenkins.plugins.installerpipeline.release.ReleasePublisher}
 * finds (or creates) the release by tag and brings every asset onto it exactly once, idempotently across re-runs,
 * with safe replacement, GitHub's limits checked up front, bounded retries
 * ({@link io.jenkins.plugins.installerpipeline.release.RetryPolicy}) and uploads streamed from disk.
 * Release lookup and creation go through {@code org.kohsuke:github-api}; asset transfer goes through a thin layer of
 * our own ({@code ReleaseAssetsClient}) because the library buffers uploads in memory and does not model an asset's
 * digest or renaming.
 */
package io.jenkins.plugins.installerpipeline.release;
