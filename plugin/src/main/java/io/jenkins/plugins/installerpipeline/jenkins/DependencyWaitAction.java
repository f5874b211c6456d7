package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.InvisibleAction;
import java.util.Objects;

/**
 * On an installer build whose approval gate opened while a build it needs had not finished (the Raspberry Pi build
 * and its Debian build): until that build has finished, this build's {@code node} blocks wait in the queue (holding
 * no executor), so an approval given early holds the build after its gate instead of letting it run without the
 * {@code .deb}. Kept in {@code build.xml}, so the wait survives a restart. Changed only by {@link DependencyWaits},
 * one change at a time; read without locking by the queue ({@link DependencyWaits.Dispatcher}), so the fields it reads
 * are volatile.
 */
public final class DependencyWaitAction extends InvisibleAction {

    /** Where the wait stands. */
    public enum State {
        /** A build this one needs has not finished. */
        WAITING,
        /** Every build it needs has finished (or failed where that is allowed). */
        SATISFIED,
        /** A build it needs failed or was aborted: this build fails. */
        FAILED
    }

    private volatile State state = State.WAITING;
    /** The builds waited for, for people ("ci/kolibri-debian #12, paused at gate"). */
    private volatile String waitingFor;
    /** Why the build failed, once it has. */
    private volatile String failure = "";
    /** The gate has been seen open: once it is closed again, it was approved. */
    private boolean gateSeenOpen;
    /** Console lines said once: what the build needs, and that it waits after an approval. */
    private boolean needsAnnounced;
    private boolean approvalAnnounced;

    DependencyWaitAction(@NonNull String waitingFor) {
        this.waitingFor = Objects.requireNonNull(waitingFor);
    }

    public State getState() {
        return state;
    }

    /** The builds waited for, as people name them. */
    public String getWaitingFor() {
        return waitingFor;
    }

    /** Why the build failed; empty unless {@link State#FAILED}. */
    public String getFailure() {
        return failure == null ? "" : failure;
    }

    /** Whether the build's {@code node} blocks may not start yet. */
    public boolean holdsNodes() {
        return state != State.SATISFIED;
    }

    boolean isWaiting() {
        return state == State.WAITING;
    }

    /** True when this changed what is waited for. */
    boolean waitingFor(@NonNull String what) {
        boolean changed = !what.equals(waitingFor);
        this.waitingFor = what;
        return changed;
    }

    void satisfied() {
        state = State.SATISFIED;
    }

    void failed(@NonNull String why) {
        failure = why;
        state = State.FAILED;
    }

    /** Records that the gate is open now, if it is; true when that is news. */
    boolean gateSeen(boolean open) {
        boolean news = open && !gateSeenOpen;
        gateSeenOpen |= open;
        return news;
    }

    /** Whether the gate was approved: it is closed after it was seen open. */
    boolean approved(boolean open) {
        return gateSeenOpen && !open;
    }

    /** True the first time only. */
    boolean announceNeeds() {
        boolean first = !needsAnnounced;
        needsAnnounced = true;
        return first;
    }

    /** True the first time only. */
    boolean announceApproval() {
        boolean first = !approvalAnnounced;
        approvalAnnounced = true;
        return first;
    }

    boolean approvalAnnounced() {
        return approvalAnnounced;
    }
}
