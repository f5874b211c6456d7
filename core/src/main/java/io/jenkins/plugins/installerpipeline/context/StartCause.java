package io.jenkins.plugins.installerpipeline.context;

/**
 * Why a CI build started, in words independent of any CI server; the Jenkins plugin maps Jenkins causes onto these.
 * Each maps to the {@code build.source} Buildkite would report.
 */
public enum StartCause {
    /** Another build started it (Jenkins {@code UpstreamCause}); Buildkite's {@code trigger_job}. */
    UPSTREAM(BuildSource.TRIGGER_JOB),
    /** A person pressed "Build" (Jenkins {@code UserIdCause}); Buildkite's {@code ui}. */
    USER(BuildSource.UI),
    /** A cron trigger (Jenkins {@code TimerTriggerCause}); Buildkite's {@code schedule}. */
    TIMER(BuildSource.SCHEDULE),
    /** A push, pull request or tag event, or branch indexing; Buildkite's {@code webhook}. */
    SCM(BuildSource.WEBHOOK),
    /** The remote API or a build token (Jenkins {@code RemoteCause}); Buildkite's {@code api}. */
    REMOTE(BuildSource.API),
    /** Anything else; reported as {@code api}, Buildkite's source for builds no person or event started. */
    OTHER(BuildSource.API);

    private final BuildSource source;

    StartCause(BuildSource source) {
        this.source = source;
    }

    public BuildSource source() {
        return source;
    }
}
