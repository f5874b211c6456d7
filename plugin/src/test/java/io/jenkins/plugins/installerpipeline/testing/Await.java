package io.jenkins.plugins.installerpipeline.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting in tests for what Jenkins's listeners establish on background threads. */
public final class Await {

    private Await() {}

    /** Polls {@code condition} every 100 ms; fails after a minute, saying {@code what} it waited for. */
    public static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        await(what, Duration.ofMinutes(1), condition);
    }

    /** Polls {@code condition} every 100 ms; fails after {@code limit}, saying {@code what} it waited for. */
    public static void await(String what, Duration limit, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + limit.toMillis();
        while (!condition.get()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
