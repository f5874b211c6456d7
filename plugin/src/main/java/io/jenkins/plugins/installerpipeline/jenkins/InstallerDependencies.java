package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The builds an installer build depends on (the Raspberry Pi build on the Debian build), as named in its
 * {@link InstallerMetadataAction#getDependencyBuilds()}, and where they stand. Reads builds as SYSTEM: the
 * orchestration chose them, and a tester approving the Pi build need not see the Debian job.
 */
public final class InstallerDependencies {

    private InstallerDependencies() {}

    /** Where the dependencies of a build stand. */
    public sealed interface Status {
        /** Every dependency finished successfully (or there are none). */
        record Satisfied() implements Status {}

        /**
         * @param waitingFor one phrase per unfinished dependency ("ci/kolibri-debian #12, paused at gate")
         * @param builds     the same builds by name only ("ci/kolibri-debian #12")
         */
        record Pending(List<String> waitingFor, List<String> builds) implements Status {}

        /** @param message names the dependency build and how it ended */
        record Failed(String message) implements Status {}
    }

    /** Phrases for the dependencies not yet finished, for the gate's message; empty when none. */
    public static List<String> describeUnfinished(@NonNull Run<?, ?> run) {
        return status(run) instanceof Status.Pending p ? p.waitingFor() : List.of();
    }

    /** Where the dependencies of {@code run} stand now. */
    public static Status status(@NonNull Run<?, ?> run) {
        Optional<InstallerMetadataAction> metadata = InstallerMetadataAction.of(run);
        if (metadata.isEmpty()) {
            return new Status.Satisfied();
        }
        List<String> pending = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> e : metadata.get().getDependencyBuilds().entrySet()) {
            String id = e.getValue();
            Run<?, ?> dependency;
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                dependency = id.contains("#") ? Run.fromExternalizableId(id) : null;
            } catch (IllegalArgumentException x) {
                dependency = null;
            }
            String name = id.replace("#", " #");
            if (dependency == null) {
                return new Status.Failed(name + " (the build " + e.getKey() + " this build needs) no longer exists");
            }
            if (dependency.isBuilding()) {
                pending.add(name + ", " + stateInRecord(metadata.get(), e.getKey()).orElse("running"));
                names.add(name);
                continue;
            }
            Result result = dependency.getResult();
            if (result == null || !result.isBetterOrEqualTo(Result.SUCCESS)) {
                return new Status.Failed(name + " ended " + (result == null ? "without a result" : result.toString())
                        + ", and this build needs it");
            }
        }
        return pending.isEmpty() ? new Status.Satisfied() : new Status.Pending(List.copyOf(pending), List.copyOf(names));
    }

    /** The dependency's state as the upstream's record shows it ("paused at gate"). */
    private static Optional<String> stateInRecord(InstallerMetadataAction metadata, String triggerKey) {
        Run<?, ?> upstream;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            upstream = Run.fromExternalizableId(metadata.getUpstreamBuildId());
        } catch (IllegalArgumentException x) {
            return Optional.empty();
        }
        InstallerRunsAction record = upstream == null ? null : upstream.getAction(InstallerRunsAction.class);
        return record == null ? Optional.empty() : record.latest(triggerKey).map(b -> b.getState().getLabel());
    }
}
