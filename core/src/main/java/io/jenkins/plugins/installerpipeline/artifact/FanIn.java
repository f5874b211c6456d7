package io.jenkins.plugins.installerpipeline.artifact;

import io.jenkins.plugins.installerpipeline.checks.InstallerPhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which installer builds' artifacts a package build publishes with its own ({@code uploadReleaseArtifact(fromInstallers:
 * true)}): the latest attempt of each trigger; all of them must have finished; those that succeeded are included,
 * the others are named and left out (a release can still be completed by re-running them and uploading again).
 */
public final class FanIn {

    private FanIn() {}

    /**
     * One attempt of an installer build, as the upstream record lists it, in the record's order.
     *
     * @param triggerKey the trigger ({@code kolibri-windows})
     * @param phase      where it stands
     * @param detail     why (e.g. {@code FAILURE}); may be empty
     * @param buildId    {@code job#number} once started
     */
    public record Attempt(String triggerKey, InstallerPhase phase, String detail, Optional<String> buildId) {
        public Attempt {
            Objects.requireNonNull(triggerKey, "triggerKey");
            Objects.requireNonNull(phase, "phase");
            detail = detail == null ? "" : detail;
        }
    }

    /** What to do. */
    public sealed interface Decision permits Publish, NotFinished {}

    /**
     * Publish the artifacts of these builds.
     *
     * @param include the succeeded attempts whose artifacts go on the release
     * @param notes   one console line per installer left out
     */
    public record Publish(List<Attempt> include, List<String> notes) implements Decision {
        public Publish {
            include = List.copyOf(include);
            notes = List.copyOf(notes);
        }
    }

    /** Some installer builds are still going; {@code message} names them and says what to do. */
    public record NotFinished(String message) implements Decision {}

    /** Decides from every attempt the upstream record lists (later attempts of a trigger replace earlier ones). */
    public static Decision decide(List<Attempt> attempts) {
        Map<String, Attempt> latest = new LinkedHashMap<>();
        for (Attempt a : attempts) {
            latest.remove(a.triggerKey());
            latest.put(a.triggerKey(), a);
        }
        List<String> going = new ArrayList<>();
        for (Attempt a : latest.values()) {
            if (!finished(a.phase())) {
                going.add(a.triggerKey() + " (" + words(a.phase()) + ")");
            }
        }
        if (!going.isEmpty()) {
            return new NotFinished("fromInstallers: true needs every installer build to have finished; still going: "
                    + String.join(", ", going) + ". Call triggerInstallers(wait: true) before it.");
        }
        List<Attempt> include = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Attempt a : latest.values()) {
            if (a.phase() == InstallerPhase.SUCCEEDED && a.buildId().isPresent()) {
                include.add(a);
            } else {
                notes.add(a.buildId().orElse(a.triggerKey()) + " " + words(a.phase())
                        + (a.detail().isEmpty() ? "" : " (" + a.detail() + ")")
                        + ": none of its artifacts are published; re-run it, then upload again");
            }
        }
        return new Publish(include, notes);
    }

    private static boolean finished(InstallerPhase phase) {
        return phase == InstallerPhase.SUCCEEDED || phase == InstallerPhase.FAILED || phase == InstallerPhase.ABORTED;
    }

    private static String words(InstallerPhase phase) {
        return phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
