package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;

/**
 * On an installer build paused by {@code blockUnlessTag}: which input is its gate, which flow node the gate step is,
 * and when the gate closes by itself. Kept in {@code build.xml} so that the timeout is armed again after a restart
 * ({@link GateTimeouts}).
 */
public final class GateAction extends InvisibleAction {

    private final String gateId;
    /** The {@code blockUnlessTag} step's flow node; null in records made before it was kept. */
    private final String flowNodeId;
    /** Epoch millis when the gate times out; 0 = never. */
    private final long deadlineMillis;
    private final int timeoutMinutes;

    public GateAction(@NonNull String gateId, @CheckForNull String flowNodeId, long deadlineMillis, int timeoutMinutes) {
        this.gateId = Objects.requireNonNull(gateId);
        this.flowNodeId = flowNodeId;
        this.deadlineMillis = deadlineMillis;
        this.timeoutMinutes = timeoutMinutes;
    }

    public GateAction(@NonNull String gateId, long deadlineMillis, int timeoutMinutes) {
        this(gateId, null, deadlineMillis, timeoutMinutes);
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

    /**
     * Whether the gate waits for a person now: its step's flow node carries the input step's open pause (the input
     * step adds it when it starts and ends it when it is approved or aborted). Read from the flow graph, not from
     * {@link InputAction}, whose executions load only when the whole Pipeline program has (after a restart that can
     * take a minute, or longer while the build's node block waits in the queue). Reads files: not on the CPS thread.
     */
    public boolean isOpen(@NonNull Run<?, ?> run) throws IOException {
        if (flowNodeId == null) {
            return openByInputAction(run);
        }
        if (!(run instanceof FlowExecutionOwner.Executable executable) || executable.asFlowExecutionOwner() == null) {
            return false;
        }
        FlowExecution execution = executable.asFlowExecutionOwner().get();
        FlowNode node = execution.getNode(flowNodeId);
        return node != null && PauseAction.isPaused(node);
    }

    /** For records without the flow node: the input step's own record (may wait up to a minute after a restart). */
    private boolean openByInputAction(Run<?, ?> run) throws IOException {
        InputAction input = run.getAction(InputAction.class);
        try {
            return input != null && input.getExecution(gateId) != null;
        } catch (InterruptedException | TimeoutException e) {
            throw new IOException("could not tell whether the gate of " + run + " is open", e);
        }
    }
}
