package io.jenkins.plugins.installerpipeline.artifact;

import io.jenkins.plugins.installerpipeline.artifact.ArtifactName.DebianPackageName;
import io.jenkins.plugins.installerpipeline.artifact.ArtifactName.InstallerName;
import io.jenkins.plugins.installerpipeline.artifact.ArtifactName.OtherName;
import io.jenkins.plugins.installerpipeline.artifact.ArtifactName.SourceDistributionName;
import io.jenkins.plugins.installerpipeline.artifact.ArtifactName.WheelName;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses release file names into {@link ArtifactName}s; malformed names of a known kind are problems, not guesses. */
public final class ArtifactNames {

    // PEP 427: distribution names are escaped to [A-Za-z0-9_.]; build tags start with a digit.
    private static final Pattern DISTRIBUTION = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern BUILD_TAG = Pattern.compile("[0-9][A-Za-z0-9_.]*");
    private static final Pattern TAG_SET = Pattern.compile("[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*");
    private static final Pattern DEBIAN_PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern DEBIAN_VERSION = Pattern.compile("(?:[0-9]+:)?[0-9][A-Za-z0-9.+~-]*");
    private static final Pattern DEBIAN_ARCH = Pattern.compile("[a-z0-9-]+");
    /** A dash-separated part that continues a version, e.g. {@code beta1} in {@code kolibri-0.16.0-beta1-...}. */
    private static final Pattern VERSION_CONTINUATION = Pattern.compile(
            "(?:alpha|beta|preview|pre|rc|a|b|c|post|rev|r|dev)[0-9]*", Pattern.CASE_INSENSITIVE);

    private ArtifactNames() {}

    /** Parses one file name (no directory part). */
    public static NameParse parse(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".whl")) {
            return wheel(fileName);
        }
        if (lower.endsWith(".tar.gz")) {
            return sourceDistribution(fileName);
        }
        if (lower.endsWith(".deb")) {
            return debian(fileName);
        }
        if (lower.endsWith(".exe")) {
            ArtifactKind kind = lower.endsWith("-unsigned.exe") ? ArtifactKind.WINDOWS_INSTALLER_UNSIGNED
                    : lower.endsWith("-signed.exe") ? ArtifactKind.WINDOWS_INSTALLER_SIGNED
                    : ArtifactKind.WINDOWS_INSTALLER;
            return installer(fileName, kind, ".exe", "kolibri-0.17.0-windows-setup-unsigned.exe");
        }
        if (lower.endsWith(".pex")) {
            return installer(fileName, ArtifactKind.PEX, ".pex", "kolibri-0.17.0.pex");
        }
        if (lower.endsWith(".apk")) {
            return installer(fileName, ArtifactKind.ANDROID_PACKAGE, ".apk", "kolibri-0.17.0-0.1.4.apk");
        }
        if (lower.endsWith(".dmg")) {
            return installer(fileName, ArtifactKind.MACOS_DISK_IMAGE, ".dmg", "kolibri-0.17.0.dmg");
        }
        if (lower.endsWith(".zip") && lower.contains("pi-image")) {
            return installer(fileName, ArtifactKind.RASPBERRY_PI_IMAGE, ".zip", "kolibri-pi-image-0.17.0.zip");
        }
        return NameParse.of(new OtherName(fileName));
    }

    private static NameParse wheel(String fileName) {
        String stem = fileName.substring(0, fileName.length() - ".whl".length());
        String[] parts = stem.split("-", -1);
        String expected = "expected {distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl"
                + " as in kolibri-0.17.0-py2.py3-none-any.whl (PEP 427)";
        if (parts.length != 5 && parts.length != 6) {
            return NameParse.problem("wheel name " + quote(fileName) + " has " + parts.length
                    + " dash-separated parts; " + expected);
        }
        if (!DISTRIBUTION.matcher(parts[0]).matches()) {
            return NameParse.problem("wheel name " + quote(fileName) + ": distribution " + quote(parts[0])
                    + " is not a valid name; " + expected);
        }
        Optional<Pep440Version> version = Pep440Version.parse(parts[1]);
        if (version.isEmpty()) {
            return NameParse.problem("wheel name " + quote(fileName) + ": " + quote(parts[1])
                    + " is not a PEP 440 version; " + expected);
        }
        Optional<String> build = Optional.empty();
        if (parts.length == 6) {
            if (!BUILD_TAG.matcher(parts[2]).matches()) {
                return NameParse.problem("wheel name " + quote(fileName) + ": build tag " + quote(parts[2])
                        + " must start with a digit; " + expected);
            }
            build = Optional.of(parts[2]);
        }
        int t = parts.length - 3;
        for (int i = t; i < parts.length; i++) {
            if (!TAG_SET.matcher(parts[i]).matches()) {
                return NameParse.problem("wheel name " + quote(fileName) + ": tag " + quote(parts[i])
                        + " is not a valid compatibility tag; " + expected);
            }
        }
        return NameParse.of(new WheelName(fileName, parts[0], version.get(), build, split(parts[t]),
                split(parts[t + 1]), split(parts[t + 2])));
    }

    private static List<String> split(String tagSet) {
        return Arrays.asList(tagSet.split("\\."));
    }

    private static NameParse sourceDistribution(String fileName) {
        String stem = fileName.substring(0, fileName.length() - ".tar.gz".length());
        // The name may itself contain dashes (kolibri-static-0.17.0): the version starts at the first dash
        // after which the rest is a PEP 440 version.
        for (int dash = stem.indexOf('-'); dash > 0; dash = stem.indexOf('-', dash + 1)) {
            Optional<Pep440Version> version = Pep440Version.parse(stem.substring(dash + 1));
            if (version.isPresent()) {
                return NameParse.of(new SourceDistributionName(fileName, stem.substring(0, dash), version.get()));
            }
        }
        return NameParse.problem("source distribution name " + quote(fileName)
                + " has no version; expected {name}-{version}.tar.gz as in kolibri-0.17.0.tar.gz");
    }

    private static NameParse debian(String fileName) {
        String stem = fileName.substring(0, fileName.length() - ".deb".length());
        String[] parts = stem.split("_", -1);
        String expected = "expected {package}_{version}_{architecture}.deb as in kolibri_0.17.0-0ubuntu1_all.deb";
        if (parts.length != 3) {
            return NameParse.problem("Debian package name " + quote(fileName) + " has " + parts.length
                    + " underscore-separated parts; " + expected);
        }
        if (!DEBIAN_PACKAGE.matcher(parts[0]).matches()) {
            return NameParse.problem("Debian package name " + quote(fileName) + ": package " + quote(parts[0])
                    + " is not a valid Debian package name; " + expected);
        }
        if (!DEBIAN_VERSION.matcher(parts[1]).matches()) {
            return NameParse.problem("Debian package name " + quote(fileName) + ": version " + quote(parts[1])
                    + " is not a valid Debian version; " + expected);
        }
        if (!DEBIAN_ARCH.matcher(parts[2]).matches()) {
            return NameParse.problem("Debian package name " + quote(fileName) + ": architecture " + quote(parts[2])
                    + " is not valid; " + expected);
        }
        String withoutEpoch = parts[1].contains(":") ? parts[1].substring(parts[1].indexOf(':') + 1) : parts[1];
        int revisionDash = withoutEpoch.lastIndexOf('-');
        String upstream = revisionDash < 0 ? withoutEpoch : withoutEpoch.substring(0, revisionDash);
        Optional<String> revision = revisionDash < 0 ? Optional.empty()
                : Optional.of(withoutEpoch.substring(revisionDash + 1));
        Optional<Pep440Version> version = Pep440Version.parse(upstream.replace("~", ""));
        if (version.isEmpty()) {
            return NameParse.problem("Debian package name " + quote(fileName) + ": upstream version "
                    + quote(upstream) + " is not a PEP 440 version; " + expected);
        }
        return NameParse.of(new DebianPackageName(fileName, parts[0], parts[1], upstream, revision, parts[2],
                version.get()));
    }

    private static NameParse installer(String fileName, ArtifactKind kind, String extension, String example) {
        String stem = fileName.substring(0, fileName.length() - extension.length());
        String[] parts = stem.split("-", -1);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty() || !Character.isDigit(parts[i].charAt(0))) {
                continue;
            }
            int end = i + 1;
            while (end < parts.length && VERSION_CONTINUATION.matcher(parts[end]).matches()) {
                end++;
            }
            String text = String.join("-", Arrays.asList(parts).subList(i, end));
            Optional<Pep440Version> version = Pep440Version.parse(text);
            if (version.isEmpty()) {
                return NameParse.problem(describe(kind) + " name " + quote(fileName) + ": " + quote(text)
                        + " is not a PEP 440 version; expected a name such as " + example);
            }
            String product = String.join("-", Arrays.asList(parts).subList(0, i));
            String variant = String.join("-", Arrays.asList(parts).subList(end, parts.length));
            return NameParse.of(new InstallerName(fileName, kind, product, version.get(), variant));
        }
        return NameParse.problem(describe(kind) + " name " + quote(fileName)
                + " has no version; expected a name such as " + example);
    }

    private static String describe(ArtifactKind kind) {
        return switch (kind) {
            case PEX -> "pex file";
            case ANDROID_PACKAGE -> "Android package";
            case MACOS_DISK_IMAGE -> "macOS disk image";
            case RASPBERRY_PI_IMAGE -> "Raspberry Pi image";
            default -> "Windows installer";
        };
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }
}
