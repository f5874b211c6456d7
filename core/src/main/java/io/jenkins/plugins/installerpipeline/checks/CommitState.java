package io.jenkins.plugins.installerpipeline.checks;

/** A GitHub commit status's state (as github-api's {@code GHCommitState}), the fallback without check runs. */
public enum CommitState {
    PENDING,
    SUCCESS,
    FAILURE,
    ERROR
}
