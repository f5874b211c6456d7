package io.jenkins.plugins.installerpipeline.checks;

/** A GitHub check run's status (the Checks API names, as {@code checks-api}'s {@code ChecksStatus}). */
public enum CheckStatus {
    QUEUED,
    IN_PROGRESS,
    COMPLETED
}
