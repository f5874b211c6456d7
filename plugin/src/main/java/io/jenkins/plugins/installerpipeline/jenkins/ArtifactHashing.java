package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.ExceptionCatchingThreadFactory;
import hudson.util.NamingThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one thread that hashes installer builds' artifacts (they may be gigabytes): off {@code jenkins.util.Timer},
 * whose few threads every plugin shares, and one at a time, so several installers finishing together do not read
 * their archives in parallel.
 */
public final class ArtifactHashing {

    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(
            new ExceptionCatchingThreadFactory(new NamingThreadFactory(
                    new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), "Installer Pipeline artifact hashing")));

    private ArtifactHashing() {}

    /** Runs {@code task} on the hashing thread, after the tasks submitted before it. */
    public static void submit(@NonNull Runnable task) {
        EXECUTOR.submit(task);
    }
}
