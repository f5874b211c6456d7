package io.jenkins.plugins.installerpipeline.steps;

import java.util.Optional;

/**
 * Whether {@code blockUnlessTag} stops at its gate, and the console line saying why. The Kolibri rule:
 * {@code LE_KOLIBRI_RELEASE} holds the tag name on a release and {@code false} otherwise, and the gate exists only
 * when an orchestration that is not a release triggered the build.
 *
 * @param block whether to pause at the approval gate
 * @param reason one console line for the user
 */
record GateDecision(boolean block, String reason) {

    /** The value of {@code LE_KOLIBRI_RELEASE} that means "not a release". */
    static final String NOT_A_RELEASE = "false";

    /**
     * Applies the rule to what is known about the build.
     *
     * @param explicitRelease the step's {@code release} argument, overriding every other source of "is this a release"
     * @param triggered whether an orchestration (an upstream build) triggered this build
     * @param upstreamTag the release tag in the upstream's metadata
     * @param kolibriRelease the trigger's {@code LE_KOLIBRI_RELEASE} value
     * @param ownTag this build's own tag, when it is a tag build
     */
    static GateDecision decide(Optional<Boolean> explicitRelease, boolean triggered, Optional<String> upstreamTag,
            Optional<String> kolibriRelease, Optional<String> ownTag) {
        if (explicitRelease.isPresent()) {
            return explicitRelease.get()
                    ? new GateDecision(false, "Release build (release: true): not stopping at the gate.")
                    : triggered
                            ? new GateDecision(true, "Not a release (release: false): waiting for approval.")
                            : new GateDecision(false, "Started directly, not by an orchestration: not stopping at the gate.");
        }
        Optional<String> tag = upstreamTag.filter(t -> !t.isEmpty())
                .or(() -> kolibriRelease.filter(v -> !v.isEmpty() && !v.equals(NOT_A_RELEASE)))
                .or(() -> ownTag.filter(t -> !t.isEmpty()));
        if (tag.isPresent()) {
            return new GateDecision(false, "Release build for tag " + tag.get() + ": not stopping at the gate.");
        }
        if (!triggered) {
            return new GateDecision(false, "Started directly, not by an orchestration: not stopping at the gate.");
        }
        return new GateDecision(true, "Not a release: waiting for approval.");
    }
}
