package io.jenkins.plugins.installerpipeline.release;

import java.util.List;
import java.util.Optional;

/**
 * The result of a publish run.
 *
 * @param problems   failures that concern the run as a whole (a refused file, a missing release); when the run was
 *                   refused before any request, there are no outcomes
 * @param outcomes   one per artifact, in order
 * @param releaseUrl the release's page, once found or created
 * @param published  whether this run published a draft release
 * @param notes      what happens to the release itself, for people; a dry run says here whether it would be created
 *                   or published
 */
public record PublishReport(List<String> problems, List<AssetOutcome> outcomes, Optional<String> releaseUrl,
                            boolean published, List<String> notes) {

    public PublishReport {
        problems = List.copyOf(problems);
        outcomes = List.copyOf(outcomes);
        notes = List.copyOf(notes);
    }

    /** A report without notes. */
    public PublishReport(List<String> problems, List<AssetOutcome> outcomes, Optional<String> releaseUrl,
                         boolean published) {
        this(problems, outcomes, releaseUrl, published, List.of());
    }

    /** True when there is no problem and every artifact ended on the release. */
    public boolean succeeded() {
        return problems.isEmpty() && outcomes.stream().allMatch(AssetOutcome::onRelease);
    }
}
