package io.jenkins.plugins.installerpipeline.artifact;

import java.util.Locale;
import java.util.Optional;

/**
 * What a release file is, with the content type and the label it gets on the GitHub Release page. Labels and content
 * types for wheels, source tarballs, pex files, Debian packages and Windows installers are the ones Kolibri's upload
 * script used; the others follow the same style.
 */
public enum ArtifactKind {
    WHEEL("application/zip", "Whl file"),
    SOURCE_DISTRIBUTION("application/gzip", "Tar file"),
    PEX("application/octet-stream", "Pex file"),
    DEBIAN_PACKAGE("application/vnd.debian.binary-package", "Debian Package"),
    WINDOWS_INSTALLER_UNSIGNED("application/x-ms-dos-executable", "Unsigned Windows installer"),
    WINDOWS_INSTALLER_SIGNED("application/x-ms-dos-executable", "Signed Windows installer"),
    WINDOWS_INSTALLER("application/x-ms-dos-executable", "Windows installer"),
    ANDROID_PACKAGE("application/vnd.android.package-archive", "Android package"),
    MACOS_DISK_IMAGE("application/x-apple-diskimage", "macOS disk image"),
    RASPBERRY_PI_IMAGE("application/zip", "Raspberry Pi image"),
    /** Any other file: uploaded as {@code application/octet-stream} without a label. */
    OTHER("application/octet-stream", null);

    private final String contentType;
    private final String label;

    ArtifactKind(String contentType, String label) {
        this.contentType = contentType;
        this.label = label;
    }

    /** The {@code Content-Type} the asset is uploaded with. */
    public String contentType() {
        return contentType;
    }

    /** The human label shown on the release page; empty for {@link #OTHER}. */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** The identifier used in the JSON manifest, e.g. {@code wheel}, {@code debian-package}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
