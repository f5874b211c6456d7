package io.jenkins.plugins.installerpipeline.github;

import io.jenkins.plugins.installerpipeline.checks.InstallerCheck;
import java.io.IOException;

/** Puts one installer's check onto GitHub: as a check run (Checks API) or as a commit status. */
interface CheckPublisher {

    /** Publishes; an exception means GitHub did not take it (it is tried again on the next change). */
    void publish(InstallerCheck check) throws IOException;

    /** Releases what the publisher holds (a GitHub connection). */
    default void close() {}

    /** For the console and the log: "GitHub checks", "commit statuses". */
    String kind();
}
