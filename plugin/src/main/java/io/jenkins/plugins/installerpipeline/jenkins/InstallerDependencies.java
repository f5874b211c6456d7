package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.installerpipeline.plan.DependencyRule;
import io.jenkins.plugins.installerpipeline.plan.DependencyState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        /** Every dependency finished successfully, or failed where that is allowed (or there are none). */
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

    /**
     * Where the dependencies of {@code run} stand now, by the engine's rule ({@code plan.DependencyRule.toContinue}:
     * every one finished, a failed or aborted one stops this build unless its failure is allowed).
     */
    public static Status status(@NonNull Run<?, ?> run) {
        Optional<InstallerMetadataAction> metadata = InstallerMetadataAction.of(run);
        if (metadata.isEmpty()) {
            return new Status.Satisfied();
        }
        List<String> allowedToFail = metadata.get().getDependenciesAllowedToFail();
        List<DependencyRule.Dependency> dependencies = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Run<?, ?>> builds = new LinkedHashMap<>();
        // A dependency is named twice, by its trigger key (deb-build) and by its pipeline slug (kolibri-debian): each
        // build counts once, under the first name (the trigger key).
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, String> e : metadata.get().getDependencyBuilds().entrySet()) {
            String id = e.getValue();
            if (!seen.add(id)) {
                continue;
            }
            Run<?, ?> dependency = Builds.asSystem(id).orElse(null);
            names.put(e.getKey(), id.replace("#", " #"));
            builds.put(e.getKey(), dependency);
            // A build that no longer exists counts as aborted.
            DependencyState state = dependency == null ? DependencyState.ABORTED
                    : dependency.isBuilding() ? DependencyState.RUNNING
                    : DependencyState.ofResult(String.valueOf(dependency.getResult()));
            dependencies.add(new DependencyRule.Dependency(e.getKey(), state, false, allowedToFail.contains(e.getKey())));
        }
        DependencyRule.Decision decision = DependencyRule.toContinue(dependencies);
        if (decision instanceof DependencyRule.Decision.Stop stop) {
            Run<?, ?> dependency = builds.get(stop.key());
            String name = names.get(stop.key());
            if (dependency == null) {
                return new Status.Failed(name + " (the build " + stop.key() + " this build needs) no longer exists");
            }
            Result result = dependency.getResult();
            return new Status.Failed(name + " ended " + (result == null ? "without a result" : result.toString())
                    + ", and this build needs it");
        }
        if (decision instanceof DependencyRule.Decision.Go) {
            return new Status.Satisfied();
        }
        List<String> pending = new ArrayList<>();
        List<String> pendingNames = new ArrayList<>();
        for (DependencyRule.Dependency d : dependencies) {
            if (d.state() == DependencyState.RUNNING) {
                pending.add(names.get(d.key()) + ", " + stateInRecord(metadata.get(), d.key()).orElse("running"));
                pendingNames.add(names.get(d.key()));
            }
        }
        return new Status.Pending(List.copyOf(pending), List.copyOf(pendingNames));
    }

    /** The dependency's state as the upstream's record shows it ("paused at gate"). */
    private static Optional<String> stateInRecord(InstallerMetadataAction metadata, String triggerKey) {
        Run<?, ?> upstream = Builds.asSystem(metadata.getUpstreamBuildId()).orElse(null);
        InstallerRunsAction record = upstream == null ? null : upstream.getAction(InstallerRunsAction.class);
        return record == null ? Optional.empty() : record.latest(triggerKey).map(b -> b.getState().getLabel());
    }
}
