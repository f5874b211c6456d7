package io.jenkins.plugins.installerpipeline.github;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.installerpipeline.checks.InstallerCheck;
import java.util.Optional;

/**
 * Publishes installer checks through the Checks API plugin (and so through GitHub Checks, with GitHub App credentials).
 * The only class that touches checks-api types: it is loaded only after {@code Jenkins.get().getPlugin("checks-api")}
 * has been found non-null, and its methods take and return only our own and JDK types.
 */
final class ChecksApiPublisher implements CheckPublisher {

    private final ChecksPublisher publisher;

    private ChecksApiPublisher(ChecksPublisher publisher) {
        this.publisher = publisher;
    }

    /** A publisher for checks on the run's commit; empty when no checks implementation handles the run. */
    static Optional<CheckPublisher> forRun(Run<?, ?> run) {
        ChecksPublisher p = ChecksPublisherFactory.fromRun(run, TaskListener.NULL);
        if (p instanceof ChecksPublisher.NullChecksPublisher) {
            return Optional.empty();
        }
        return Optional.of(new ChecksApiPublisher(p));
    }

    @Override
    public void publish(InstallerCheck check) {
        publisher.publish(details(check));
    }

    @Override
    public String kind() {
        return "GitHub checks";
    }

    /** The engine's check as checks-api details (the enums share their names). */
    static ChecksDetails details(InstallerCheck check) {
        ChecksDetails.ChecksDetailsBuilder b = new ChecksDetails.ChecksDetailsBuilder()
                .withName(check.name())
                .withStatus(ChecksStatus.valueOf(check.status().name()))
                .withOutput(new ChecksOutput.ChecksOutputBuilder()
                        .withTitle(check.title())
                        .withSummary(check.summary())
                        .build());
        check.conclusion().ifPresent(c -> b.withConclusion(ChecksConclusion.valueOf(c.name())));
        check.detailsUrl().ifPresent(b::withDetailsURL);
        return b.build();
    }
}
