package io.jenkins.plugins.installerpipeline.jenkins;

import hudson.Extension;
import hudson.model.Queue;
import hudson.model.queue.QueueListener;
import jenkins.util.Timer;

/** Marks an installer build aborted in the upstream's record when its queue item is cancelled before it starts. */
@Extension
public final class InstallerQueueListener extends QueueListener {

    @Override
    public void onLeft(Queue.LeftItem li) {
        if (li.isCancelled() && li.getAction(InstallerMetadataAction.class) != null) {
            Timer.get().submit(() -> InstallerEvents.safely("cancellation of " + li, () -> InstallerEvents.cancelled(li)));
        }
    }
}
