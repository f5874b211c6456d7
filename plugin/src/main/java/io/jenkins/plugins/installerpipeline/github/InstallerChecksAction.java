package io.jenkins.plugins.installerpipeline.github;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * On the upstream build: what was last published to GitHub for each installer check (its fingerprint), so the same
 * state is never sent twice and nothing is re-sent after a restart; and whether the one "skipped because" line has
 * been printed. Plain data only.
 */
public final class InstallerChecksAction extends InvisibleAction {

    private final Map<String, String> published = new HashMap<>();
    private String skipReason = "";

    static @NonNull InstallerChecksAction getOrCreate(@NonNull Run<?, ?> run) {
        synchronized (InstallerChecksAction.class) {
            InstallerChecksAction action = run.getAction(InstallerChecksAction.class);
            if (action == null) {
                action = new InstallerChecksAction();
                run.addAction(action);
            }
            return action;
        }
    }

    synchronized boolean isPublished(String checkName, String fingerprint) {
        return fingerprint.equals(published.get(checkName));
    }

    synchronized void published(String checkName, String fingerprint) {
        published.put(checkName, fingerprint);
    }

    /** The fingerprint last published for a check. */
    public synchronized Optional<String> lastPublished(String checkName) {
        return Optional.ofNullable(published.get(checkName));
    }

    /** Why checks are skipped for this build, once said; empty while they are published (or not yet tried). */
    public synchronized String getSkipReason() {
        return skipReason == null ? "" : skipReason;
    }

    synchronized void skipped(String reason) {
        this.skipReason = reason;
    }
}
