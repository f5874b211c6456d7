package io.jenkins.plugins.installerpipeline.definition;

import java.util.List;

/**
 * The {@code soft_fail} attribute: which failures do not fail the build.
 *
 * @param anyExitStatus {@code soft_fail: true} or an {@code exit_status: "*"} entry
 * @param exitStatuses  the listed exit statuses
 */
public record SoftFail(boolean anyExitStatus, List<Integer> exitStatuses) {

    /** No {@code soft_fail}: every failure counts. */
    public static final SoftFail NONE = new SoftFail(false, List.of());

    public SoftFail {
        exitStatuses = List.copyOf(exitStatuses);
    }

    /** Whether a job ending with this exit status is a soft failure. */
    public boolean isSoft(int exitStatus) {
        return anyExitStatus || exitStatuses.contains(exitStatus);
    }
}
