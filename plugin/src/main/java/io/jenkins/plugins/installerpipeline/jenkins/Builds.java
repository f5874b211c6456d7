package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.Optional;
import jenkins.model.Jenkins;

/** Finding the builds an orchestration recorded (by {@code fullName#number}). */
public final class Builds {

    private Builds() {}

    /**
     * The build with this externalizable id, read as SYSTEM: the orchestration chose it, and bookkeeping must not
     * depend on what the current user may see. Empty for a missing or malformed id, or a deleted build.
     */
    public static Optional<Run<?, ?>> asSystem(@CheckForNull String externalizableId) {
        if (externalizableId == null || !externalizableId.contains("#")) {
            return Optional.empty();
        }
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return Optional.ofNullable(Run.fromExternalizableId(externalizableId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The build of an entry: by number, or the build of its queue item once it has left the queue. */
    public static Optional<Run<?, ?>> of(@NonNull InstallerBuild b) {
        Optional<Run<?, ?>> byNumber = b.getExternalizableId().flatMap(Builds::asSystem);
        if (byNumber.isPresent() || b.getQueueId().isEmpty()) {
            return byNumber;
        }
        Job<?, ?> job;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            job = Jenkins.get().getItemByFullName(b.getJobFullName(), Job.class);
        }
        if (job == null || Jenkins.get().getQueue().getItem(b.getQueueId().get()) != null) {
            return Optional.empty();
        }
        for (Run<?, ?> r : job.getBuilds().limit(50)) {
            if (r.getQueueId() == b.getQueueId().get()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
