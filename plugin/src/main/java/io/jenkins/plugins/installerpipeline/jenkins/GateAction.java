package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import java.util.Objects;
import java.util.Optional;

/**
 * On an installer build paused by {@code blockUnlessTag}: which input is its gate and when the gate closes by
 * itself. Kept in {@code build.xml} so that the timeout is armed again after a restart ({@link GateTimeouts}).
 */
public final class GateAction extends InvisibleAction {

    private final String gateId;
    /** Epoch millis when the gate times out; 0 = never. */
    private final long deadlineMillis;
    private final int timeoutMinutes;

    public GateAction(@NonNull String gateId, long deadlineMillis, int timeoutMinutes) {
        this.gateId = Objects.requireNonNull(gateId);
        this.deadlineMillis = deadlineMillis;
        this.timeoutMinutes = timeoutMinutes;
    }

    /** The gate's action on a build, if {@code blockUnlessTag} paused it. */
    public static Optional<GateAction> of(@NonNull Run<?, ?> run) {
        return Optional.ofNullable(run.getAction(GateAction.class));
    }

    /** The id of the input step that is the gate ({@code ReleaseGate} by default). */
    public String getGateId() {
        return gateId;
    }

    public Optional<Long> getDeadlineMillis() {
        return deadlineMillis == 0 ? Optional.empty() : Optional.of(deadlineMillis);
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }
}
