package io.jenkins.plugins.installerpipeline.artifact;

import java.util.List;
import java.util.Optional;

/**
 * What a release file's name says about it: its kind and, for every kind but {@link OtherName}, its version. Parse
 * with {@link ArtifactNames#parse(String)}.
 */
public sealed interface ArtifactName
        permits ArtifactName.WheelName, ArtifactName.SourceDistributionName, ArtifactName.DebianPackageName,
                ArtifactName.InstallerName, ArtifactName.OtherName {

    /** The file name this was parsed from. */
    String fileName();

    ArtifactKind kind();

    /** The version in the name; empty only for {@link OtherName}. */
    Optional<Pep440Version> version();

    /**
     * A wheel, named per PEP 427: {@code {distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl}.
     * Compressed tag sets ({@code py2.py3}) are split into their members.
     */
    record WheelName(String fileName, String distribution, Pep440Version wheelVersion, Optional<String> buildTag,
                     List<String> pythonTags, List<String> abiTags, List<String> platformTags) implements ArtifactName {
        public WheelName {
            pythonTags = List.copyOf(pythonTags);
            abiTags = List.copyOf(abiTags);
            platformTags = List.copyOf(platformTags);
        }

        @Override
        public ArtifactKind kind() {
            return ArtifactKind.WHEEL;
        }

        @Override
        public Optional<Pep440Version> version() {
            return Optional.of(wheelVersion);
        }
    }

    /** A source distribution, {@code {name}-{version}.tar.gz}. */
    record SourceDistributionName(String fileName, String distribution, Pep440Version sdistVersion) implements ArtifactName {
        @Override
        public ArtifactKind kind() {
            return ArtifactKind.SOURCE_DISTRIBUTION;
        }

        @Override
        public Optional<Pep440Version> version() {
            return Optional.of(sdistVersion);
        }
    }

    /**
     * A Debian package, {@code {package}_{version}_{architecture}.deb}, where the Debian version is
     * {@code [epoch:]upstream[-revision]}, e.g. {@code kolibri_0.17.0-0ubuntu1_all.deb}. The release version is the
     * upstream part, with Debian's {@code ~} pre-release marker dropped ({@code 0.17.0~b1} is {@code 0.17.0b1}).
     */
    record DebianPackageName(String fileName, String packageName, String debianVersion, String upstreamVersion,
                             Optional<String> debianRevision, String architecture, Pep440Version releaseVersion)
            implements ArtifactName {
        @Override
        public ArtifactKind kind() {
            return ArtifactKind.DEBIAN_PACKAGE;
        }

        @Override
        public Optional<Pep440Version> version() {
            return Optional.of(releaseVersion);
        }
    }

    /**
     * A Kolibri installer or bundle: {@code kolibri-0.17.0-windows-setup-unsigned.exe}, {@code kolibri-0.17.0.pex},
     * {@code kolibri-pi-image-0.17.5.zip}, an {@code .apk} or {@code .dmg}. The version is the first part of the
     * dash-separated name that starts with a digit (with a following pre-release part such as {@code -beta1}).
     *
     * @param product the part before the version, e.g. {@code kolibri}, {@code kolibri-pi-image}
     * @param variant the part after the version, e.g. {@code windows-setup-unsigned}; empty when there is none
     */
    record InstallerName(String fileName, ArtifactKind kind, String product, Pep440Version installerVersion,
                         String variant) implements ArtifactName {
        @Override
        public Optional<Pep440Version> version() {
            return Optional.of(installerVersion);
        }
    }

    /** A file of no kind we know, uploaded as {@code application/octet-stream}; it carries no version. */
    record OtherName(String fileName) implements ArtifactName {
        @Override
        public ArtifactKind kind() {
            return ArtifactKind.OTHER;
        }

        @Override
        public Optional<Pep440Version> version() {
            return Optional.empty();
        }
    }
}
