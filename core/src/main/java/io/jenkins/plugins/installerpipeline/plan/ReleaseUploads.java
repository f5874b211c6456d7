package io.jenkins.plugins.installerpipeline.plan;

import io.jenkins.plugins.installerpipeline.definition.CommandStep;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which steps of a plan upload to a GitHub Release, so a release manager sees what lands on the Release page before
 * pushing a tag. A definition does not say so in a structured way; a command step counts when its label, or one of
 * its commands, names both a release and an upload or publication ({@code Upload Release Artifacts},
 * {@code make upload-release-artifacts}, {@code gh release upload}, {@code installer-pipeline publish}). Lines that run
 * {@code buildkite-agent} (artifacts moved between builds, not to a release) never count.
 */
public final class ReleaseUploads {

    private ReleaseUploads() {}

    /** The steps of {@code plan} that upload to a release, included or not, in document order. */
    public static List<PlannedStep> in(Plan plan) {
        return plan.steps().stream().filter(ReleaseUploads::uploads).toList();
    }

    /** Whether the step uploads to a release, by the rule above. */
    public static boolean uploads(PlannedStep step) {
        if (!(step.step() instanceof CommandStep command)) {
            return false;
        }
        return Stream.concat(step.label().stream(), command.commands().stream())
                .map(line -> line.strip().toLowerCase(Locale.ROOT))
                .filter(line -> !line.startsWith("buildkite-agent"))
                .anyMatch(ReleaseUploads::namesAReleaseUpload);
    }

    private static boolean namesAReleaseUpload(String line) {
        boolean release = line.contains("release");
        return release && (line.contains("upload") || line.contains("publish"))
                || line.contains("installer-pipeline") && line.contains(" publish ");
    }
}
