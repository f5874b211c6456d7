/**
 * Release artifacts as files on disk: what each one is ({@link io.jenkins.plugins.installerpipeline.artifact.ArtifactName},
 * parsed from the file name: wheels, source distributions, Debian packages, Kolibri installers), its size and
 * streamed SHA-256 ({@link io.jenkins.plugins.installerpipeline.artifact.Artifact}), the check that every version
 * matches the release tag ({@link io.jenkins.plugins.installerpipeline.artifact.ReleaseVersionCheck}), and the JSON
 * and {@code SHA256SUMS} manifests ({@link io.jenkins.plugins.installerpipeline.artifact.Manifest}).
 */
package io.jenkins.plugins.installerpipeline.artifact;
