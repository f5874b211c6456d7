/**
 * The plugin's side of GitHub: the token for a credentials id ({@link io.jenkins.plugins.installerpipeline.github.GitHubToken}),
 * the repository a job builds ({@link io.jenkins.plugins.installerpipeline.github.GitHubSources}), and one check (or
 * commit status) per installer build on the package build's commit
 * ({@link io.jenkins.plugins.installerpipeline.github.InstallerChecksListener}). What GitHub shows is decided by the
 * engine ({@code checks.InstallerCheck}); Checks API classes are touched only in {@code ChecksApiPublisher}, which is
 * loaded only when the optional checks-api plugin is installed.
 */
package io.jenkins.plugins.installerpipeline.github;
