package io.jenkins.plugins.installerpipeline.convert;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Jenkins variables that hold what a Buildkite build variable holds, on a multibranch Pipeline build (where the
 * GitHub Branch Source sets {@code TAG_NAME}, {@code BRANCH_NAME}, {@code CHANGE_*}). The same rules the plugin uses
 * the other way round ({@code JenkinsBuild#toBuildContext}): a pull request's branch is {@code CHANGE_BRANCH}, not
 * Jenkins' {@code PR-12}.
 */
final class JenkinsVariables {

    /**
     * Where a Buildkite variable's value is found in Jenkins.
     *
     * @param names    Jenkins variables, the first one set wins
     * @param fallback the value when none is set, for variables Buildkite always sets ({@code BUILDKITE_PULL_REQUEST}
     *                 is {@code false} outside pull requests)
     */
    record Equivalent(List<String> names, Optional<String> fallback) {
        Equivalent {
            names = List.copyOf(names);
        }
    }

    private static final Map<String, Equivalent> EQUIVALENTS = Map.of(
            "BUILDKITE_TAG", new Equivalent(List.of("TAG_NAME"), Optional.empty()),
            "BUILDKITE_BRANCH", new Equivalent(List.of("CHANGE_BRANCH", "BRANCH_NAME"), Optional.empty()),
            "BUILDKITE_BUILD_NUMBER", new Equivalent(List.of("BUILD_NUMBER"), Optional.empty()),
            "BUILDKITE_BUILD_URL", new Equivalent(List.of("BUILD_URL"), Optional.empty()),
            "BUILDKITE_PULL_REQUEST", new Equivalent(List.of("CHANGE_ID"), Optional.of("false")),
            "BUILDKITE_PULL_REQUEST_BASE_BRANCH", new Equivalent(List.of("CHANGE_TARGET"), Optional.of("")));

    private JenkinsVariables() {}

    /** What a variable becomes: its equivalent, or empty for a variable Jenkins has under the same name (or none). */
    static Optional<Equivalent> equivalent(String name) {
        return Optional.ofNullable(EQUIVALENTS.get(name));
    }

    /**
     * Whether Buildkite sets this variable and Jenkins has nothing that holds the same value ({@code BUILDKITE_MESSAGE},
     * {@code BUILDKITE_BUILD_ID}, {@code BUILDKITE_COMMIT} outside a checkout, ...): it expands to nothing in Jenkins.
     */
    static boolean missing(String name) {
        return (name.equals("BUILDKITE") || name.startsWith("BUILDKITE_")) && !EQUIVALENTS.containsKey(name);
    }

    /** The sentence a warning uses for a variable Jenkins does not set. */
    static String missingAdvice(String name) {
        return "$" + name + " is set by Buildkite and has no Jenkins equivalent, so it is empty here: set it in"
                + " the Jenkinsfile's environment, or drop it";
    }
}
