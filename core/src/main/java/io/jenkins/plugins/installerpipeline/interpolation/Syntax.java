package io.jenkins.plugins.installerpipeline.interpolation;

/**
 * The two dialects of shell-style substitution Buildkite reads. They differ only at the edges, and each is kept
 * exact so a definition is accepted or rejected as Buildkite would.
 */
public enum Syntax {
    /**
     * Upload-time interpolation, as the agent's {@code pipeline upload} applies it: names start with a letter;
     * operators {@code -}, {@code :-}, {@code ?}, {@code :?} and substrings.
     */
    UPLOAD,
    /**
     * Substitutions inside an {@code if:} conditional, as the server reads them: names may also start with
     * {@code _}, and the alternate-value operators {@code +} and {@code :+} are accepted too.
     */
    CONDITION
}
