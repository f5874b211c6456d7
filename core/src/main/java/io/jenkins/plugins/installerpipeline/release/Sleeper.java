package io.jenkins.plugins.installerpipeline.release;

import java.time.Duration;

/** Waits between retries; injected so tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
