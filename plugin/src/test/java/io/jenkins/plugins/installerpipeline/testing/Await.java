package io.jenkins.plugins.installerpipeline.testing;

import java.util.function.Supplier;

/** Waiting in tests for what Jenkins's listeners establish on background threads. */
public final class Await {

    private Await() {}

    /** Polls {@code condition} every 100 ms; fails after a minute, saying {@code what} it waited for. */
    public static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
