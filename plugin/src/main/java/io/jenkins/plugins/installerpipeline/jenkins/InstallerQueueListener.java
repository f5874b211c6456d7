package io.jenkins.plugins.installerpipeline.jenkins;

import hudson.Extension;
import hudson.model.Queue;
import hudson.model.queue.CauseOfBlockage;
import hudson.model.queue.QueueListener;

/**
 * Follows installer builds through the queue: blocked there (another build of the job still runs, say), free again,
 * or cancelled before they started.
 */
@Extension
public final class InstallerQueueListener extends QueueListener {

    @Override
    public void onEnterBlocked(Queue.BlockedItem bi) {
        if (bi.getAction(InstallerMetadataAction.class) != null) {
            CauseOfBlockage why = bi.getCauseOfBlockage();
            String reason = why == null ? "" : why.getShortDescription();
            InstallerExecutors.get().event("blocked " + bi, () -> InstallerEvents.blocked(bi, reason));
        }
    }

    @Override
    public void onLeaveBlocked(Queue.BlockedItem bi) {
        if (bi.getAction(InstallerMetadataAction.class) != null) {
            InstallerExecutors.get().event("unblocked " + bi, () -> InstallerEvents.unblocked(bi));
        }
    }

    @Override
    public void onLeft(Queue.LeftItem li) {
        if (li.isCancelled() && li.getAction(InstallerMetadataAction.class) != null) {
            InstallerExecutors.get().event("cancellation of " + li, () -> InstallerEvents.cancelled(li));
        }
    }
}
