package io.jenkins.plugins.installerpipeline.definition;

/** {@code blocked_state}: the state a build shows while a block step waits. */
public enum BlockedState {
    PASSED,
    FAILED,
    RUNNING
}
