package io.jenkins.plugins.installerpipeline.github;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.installerpipeline.checks.InstallerCheck;
import io.jenkins.plugins.installerpipeline.jenkins.ArchivedArtifact;
import io.jenkins.plugins.installerpipeline.jenkins.BuildConsole;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerArtifactsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerBuild;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * Brings GitHub up to date with an upstream build's installer builds: for the latest attempt of each trigger, the
 * engine's {@link InstallerCheck} for its state, published when it differs from what was last published. Through the
 * Checks API when checks-api is installed and handles the build (GitHub App credentials), else as commit statuses,
 * else skipped with one console line saying why.
 */
public final class InstallerChecks {

    private static final Logger LOGGER = Logger.getLogger(InstallerChecks.class.getName());

    private InstallerChecks() {}

    /** Publishes what changed. Call on a background thread, as SYSTEM; serialized per upstream build. */
    public static void update(@NonNull Run<?, ?> upstream) {
        update(upstream, InstallerChecks::publisher);
    }

    /** Publishes what changed through a given publisher (tests: commit statuses on the engine's fake GitHub). */
    static void update(@NonNull Run<?, ?> upstream, @NonNull CheckPublisher publisher) {
        update(upstream, run -> new PublisherOrReason(Optional.of(publisher), ""));
    }

    private static void update(Run<?, ?> upstream, Function<Run<?, ?>, PublisherOrReason> choose) {
        InstallerRunsAction record = upstream.getAction(InstallerRunsAction.class);
        if (record == null) {
            return;
        }
        InstallerChecksAction state = InstallerChecksAction.getOrCreate(upstream);
        synchronized (state) {
            List<InstallerCheck> pending = pending(upstream, record, state);
            if (pending.isEmpty()) {
                return;
            }
            PublisherOrReason chosen = choose.apply(upstream);
            if (chosen.publisher().isEmpty()) {
                if (state.getSkipReason().isEmpty()) {
                    state.skipped(chosen.reason());
                    BuildConsole.println(upstream, "Installer checks on GitHub skipped: " + chosen.reason());
                    save(upstream);
                }
                return;
            }
            CheckPublisher publisher = chosen.publisher().get();
            boolean changed = false;
            try {
                for (InstallerCheck check : pending) {
                    try {
                        publisher.publish(check);
                        state.published(check.name(), check.fingerprint());
                        changed = true;
                    } catch (IOException | RuntimeException e) {
                        LOGGER.log(Level.WARNING, "Could not publish " + check.name() + " (" + publisher.kind()
                                + ") for " + upstream, e);
                    }
                }
            } finally {
                publisher.close();
            }
            if (changed) {
                save(upstream);
            }
        }
    }

    /** The checks whose state differs from what GitHub was last told. */
    static List<InstallerCheck> pending(Run<?, ?> upstream, InstallerRunsAction record, InstallerChecksAction state) {
        Map<String, InstallerBuild> latest = new LinkedHashMap<>();
        for (InstallerBuild b : record.getBuilds()) {
            latest.put(b.getTriggerKey(), b);
        }
        InstallerArtifactsAction fanIn = upstream.getAction(InstallerArtifactsAction.class);
        String root = Jenkins.get().getRootUrl();
        List<InstallerCheck> out = new ArrayList<>();
        for (InstallerBuild b : latest.values()) {
            Optional<String> buildUrl = b.getBuildNumber().isPresent() && root != null
                    ? Optional.of(root + b.getUrl()) : Optional.empty();
            String buildRef = b.getBuildNumber().map(n -> b.getTriggerKey() + " #" + n).orElse("");
            List<InstallerCheck.AssetLink> assets = new ArrayList<>();
            Optional<String> id = b.getExternalizableId();
            if (fanIn != null && id.isPresent()) {
                fanIn.find(id.get()).ifPresent(child -> {
                    for (ArchivedArtifact a : child.getArtifacts()) {
                        assets.add(new InstallerCheck.AssetLink(a.getName(),
                                root == null ? "" : root + a.hrefUnder(child.getUrl()), a.getSize(),
                                a.getSha256()));
                    }
                });
            }
            InstallerCheck check = InstallerCheck.of(b.getSlug(), b.getState().toPhase(), b.getDetail(), buildRef,
                    buildUrl, assets);
            if (!state.isPublished(check.name(), check.fingerprint())) {
                out.add(check);
            }
        }
        return out;
    }

    private record PublisherOrReason(Optional<CheckPublisher> publisher, String reason) {}

    private static PublisherOrReason publisher(Run<?, ?> upstream) {
        String why = "the Checks API plugin is not installed, and ";
        Jenkins jenkins = Jenkins.get();
        if (jenkins.getPlugin("checks-api") != null) {
            // Only now is a class that links against checks-api loaded.
            Optional<CheckPublisher> checks = ChecksApiPublisher.forRun(upstream);
            if (checks.isPresent()) {
                return new PublisherOrReason(checks, "");
            }
            why = "no Checks API implementation handles this build (GitHub Checks needs GitHub App credentials),"
                    + " and ";
        }
        CommitStatusPublisher.Either statuses = CommitStatusPublisher.forRun(upstream);
        if (statuses.publisher() != null) {
            return new PublisherOrReason(Optional.of(statuses.publisher()), "");
        }
        return new PublisherOrReason(Optional.empty(), why + "commit statuses cannot be set: " + statuses.reason());
    }

    private static void save(Run<?, ?> upstream) {
        try {
            upstream.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save the installer checks of " + upstream, e);
        }
    }
}
