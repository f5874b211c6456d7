package io.jenkins.plugins.installerpipeline.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One release file and everything the release needs to know about it.
 *
 * @param path   where it is on disk
 * @param name   its file name, which is also the asset name on the release
 * @param size   its size in bytes
 * @param sha256 lower-case hex SHA-256 of its content
 * @param parsed what its name says (kind, version, wheel tags...)
 */
public record Artifact(Path path, String name, long size, String sha256, ArtifactName parsed) {

    /**
     * Reads a file's size and checksum; its name must already have parsed.
     *
     * @throws IOException when the file cannot be read
     */
    public static Artifact of(Path path, ArtifactName parsed) throws IOException {
        return new Artifact(path, parsed.fileName(), Files.size(path), Sha256.of(path), parsed);
    }

    public ArtifactKind kind() {
        return parsed.kind();
    }

    public String contentType() {
        return parsed.kind().contentType();
    }

    public Optional<String> label() {
        return parsed.kind().label();
    }

    /** The version in the file name, in PEP 440 normal form; empty for files of no known kind. */
    public Optional<String> version() {
        return parsed.version().map(Pep440Version::normalized);
    }

    /** {@code sha256:HEX}, the form GitHub reports in an asset's {@code digest}. */
    public String digest() {
        return "sha256:" + sha256;
    }
}
