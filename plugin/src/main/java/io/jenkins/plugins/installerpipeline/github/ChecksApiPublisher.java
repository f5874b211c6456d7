package io.jenkins.plugins.installerpipeline.github;

import hudson.model.Run;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.installerpipeline.checks.InstallerCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Publishes installer checks through the Checks API plugin (and so through GitHub Checks, with GitHub App credentials).
 * The only class that touches checks-api types: it is loaded only after {@code Jenkins.get().getPlugin("checks-api")}
 * has been found non-null, and its methods take and return only our own and JDK types.
 *
 * <p>{@code ChecksPublisher.publish} returns nothing and its implementations catch their own failures: github-checks
 * writes {@code Failed Publishing GitHub checks: <exception>} to the listener it was given and returns. So the
 * publisher is given a listener of our own, and a publish that said it failed is reported as failed, to be tried
 * again on the next change instead of being recorded as sent.
 */
final class ChecksApiPublisher implements CheckPublisher {

    private final ChecksPublisher publisher;
    private final ByteArrayOutputStream said;

    private ChecksApiPublisher(ChecksPublisher publisher, ByteArrayOutputStream said) {
        this.publisher = publisher;
        this.said = said;
    }

    /** A publisher for checks on the run's commit; empty when no checks implementation handles the run. */
    static Optional<CheckPublisher> forRun(Run<?, ?> run) {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        ChecksPublisher p = ChecksPublisherFactory.fromRun(run, new StreamTaskListener(said, StandardCharsets.UTF_8));
        if (p instanceof ChecksPublisher.NullChecksPublisher) {
            return Optional.empty();
        }
        return Optional.of(new ChecksApiPublisher(p, said));
    }

    @Override
    public void publish(InstallerCheck check) throws IOException {
        synchronized (said) {
            said.reset();
            publisher.publish(details(check));
            String text = said.toString(StandardCharsets.UTF_8).strip();
            if (text.toLowerCase(Locale.ROOT).contains("failed publishing")) {
                throw new IOException(text);
            }
        }
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
