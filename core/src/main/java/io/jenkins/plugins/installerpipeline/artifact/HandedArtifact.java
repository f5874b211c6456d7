package io.jenkins.plugins.installerpipeline.artifact;

import java.util.Objects;

/**
 * One artifact an orchestration hands a build it triggers: an entry of {@code INSTALLER_ARTIFACTS}.
 *
 * @param name   the file name ({@code kolibri-0.17.0-py2.py3-none-any.whl})
 * @param path   where it is among the archived artifacts of the build that made it ({@code dist/kolibri-...whl})
 * @param url    where to download it (empty when Jenkins does not know its root URL)
 * @param size   its size in bytes
 * @param sha256 lower-case hex SHA-256 of its content
 */
public record HandedArtifact(String name, String path, String url, long size, String sha256) {

    public HandedArtifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sha256, "sha256");
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
    }
}
