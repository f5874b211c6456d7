package io.jenkins.plugins.installerpipeline.definition.testing;

import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;

/** Named pipes for tests that show a reader refuses them rather than blocking on them. */
public final class Fifos {

    private Fifos() {}

    /** Makes a FIFO at {@code path} with {@code mkfifo}; the test is skipped where there is no mkfifo. */
    public static Path make(Path path) throws InterruptedException {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", path.toString()).start();
        } catch (IOException e) {
            mkfifo = null;
        }
        assumeTrue("mkfifo is available", mkfifo != null && mkfifo.waitFor() == 0);
        return path;
    }
}
