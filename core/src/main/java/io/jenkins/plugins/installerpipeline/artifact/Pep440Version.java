package io.jenkins.plugins.installerpipeline.artifact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version in the PEP 440 sense, so that {@code v0.16.0-beta1}, {@code 0.16.0b1} and {@code 0.16.0.beta.1} are the
 * same version. A leading {@code v} (as in git tags) is accepted.
 *
 * @param epoch   the epoch ({@code 1!} in {@code 1!2.0}), zero when absent
 * @param release the release numbers as written, e.g. {@code [0, 16, 0]}
 * @param suffix  the normalised pre-, post-, dev-release and local parts, e.g. {@code b1}, {@code .post0.dev2}
 */
public record Pep440Version(BigInteger epoch, List<BigInteger> release, String suffix) {

    // PEP 440 Appendix B "permissive" grammar, written out here; separators and spellings are normalised below.
    private static final Pattern VERSION = Pattern.compile(
            "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?:[-_.]?(?<pre>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?<preN>[0-9]+)?)?"
                    + "(?:-(?<postImplicit>[0-9]+)|[-_.]?(?<post>post|rev|r)[-_.]?(?<postN>[0-9]+)?)?"
                    + "(?:[-_.]?(?<dev>dev)[-_.]?(?<devN>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
            Pattern.CASE_INSENSITIVE);

    public Pep440Version {
        release = List.copyOf(release);
    }

    /** Parses {@code text} (surrounding blanks allowed); empty when it is not a PEP 440 version. */
    public static Optional<Pep440Version> parse(String text) {
        Matcher m = VERSION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        StringBuilder suffix = new StringBuilder();
        if (m.group("pre") != null) {
            String pre = switch (m.group("pre").toLowerCase(Locale.ROOT)) {
                case "alpha", "a" -> "a";
                case "beta", "b" -> "b";
                default -> "rc";
            };
            suffix.append(pre).append(number(m.group("preN")));
        }
        if (m.group("postImplicit") != null) {
            suffix.append(".post").append(number(m.group("postImplicit")));
        } else if (m.group("post") != null) {
            suffix.append(".post").append(number(m.group("postN")));
        }
        if (m.group("dev") != null) {
            suffix.append(".dev").append(number(m.group("devN")));
        }
        if (m.group("local") != null) {
            suffix.append('+').append(m.group("local").toLowerCase(Locale.ROOT).replaceAll("[-_]", "."));
        }
        return Optional.of(new Pep440Version(number(m.group("epoch")), release, suffix.toString()));
    }

    /** The PEP 440 normal form, e.g. {@code 0.16.0b1}, {@code 1!2.0.post3.dev0+ubuntu.1}. */
    public String normalized() {
        String prefix = epoch.signum() == 0 ? "" : epoch + "!";
        return prefix + String.join(".", release.stream().map(BigInteger::toString).toList()) + suffix;
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    /** Whether both name the same version under PEP 440 {@code ==} (release segments compared zero-padded). */
    public boolean sameVersionAs(Pep440Version other) {
        return epoch.equals(other.epoch) && trimmed(release).equals(trimmed(other.release))
                && suffix.equals(other.suffix);
    }

    private static List<BigInteger> trimmed(List<BigInteger> release) {
        int end = release.size();
        while (end > 1 && release.get(end - 1).signum() == 0) {
            end--;
        }
        return release.subList(0, end);
    }

    @Override
    public String toString() {
        return normalized();
    }
}
