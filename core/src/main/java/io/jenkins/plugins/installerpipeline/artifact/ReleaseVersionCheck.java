package io.jenkins.plugins.installerpipeline.artifact;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that every asset of a release carries the release's version: tag {@code v0.16.0} wants {@code 0.16.0},
 * tag {@code v0.16.0-beta1} wants {@code 0.16.0b1}, compared after PEP 440 normalisation. Files of no known kind
 * carry no version and are not checked.
 */
public final class ReleaseVersionCheck {

    private ReleaseVersionCheck() {}

    /**
     * One error per artifact whose version differs from the tag's, naming the file and both versions; one error
     * for a tag that is not a version at all.
     */
    public static Diagnostics check(String tag, List<Artifact> artifacts) {
        Optional<Pep440Version> tagVersion = Pep440Version.parse(tag);
        if (tagVersion.isEmpty()) {
            return Diagnostics.of(List.of(Diagnostic.error(SourceLocation.startOf(tag),
                    "release tag '" + tag + "' is not a version (expected e.g. v0.17.0 or v0.17.0-beta1)")));
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            artifact.parsed().version().ifPresent(version -> {
                if (!version.sameVersionAs(tagVersion.get())) {
                    problems.add(Diagnostic.error(SourceLocation.startOf(artifact.name()),
                            "version " + version.normalized() + " in the file name does not match release tag '"
                                    + tag + "' (version " + tagVersion.get().normalized() + ")"));
                }
            });
        }
        return Diagnostics.of(problems);
    }
}
