package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.Optional;

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
}
