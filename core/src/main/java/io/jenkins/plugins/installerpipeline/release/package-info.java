/**
 * Publishing release artifacts to a GitHub Release: {@link io.jenkins.plugins.installerpipeline.release.ReleasePublisher}
 * finds (or creates) the release by tag and brings every asset onto it exactly once, idempotently across re-runs,
 * with safe replacement, GitHub's limits checked up front, bounded retries
 * ({@link io.jenkins.plugins.installerpipeline.release.RetryPolicy}) and uploads streamed from disk.
 * Every GitHub call goes through {@code GitHubReleasesClient}, on the JDK's HTTP clients and Jackson, with no
 * GitHub library: the same code runs in the CLI and on a Jenkins agent, retries only as {@code RetryPolicy} says,
 * and prints nothing of its own.
 */
package io.jenkins.plugins.installerpipeline.release;
