package io.jenkins.plugins.installerpipeline.checks;

/** A completed (or blocked) GitHub check run's conclusion (as {@code checks-api}'s {@code ChecksConclusion}). */
public enum CheckConclusion {
    SUCCESS,
    FAILURE,
    CANCELED,
    ACTION_REQUIRED
}
