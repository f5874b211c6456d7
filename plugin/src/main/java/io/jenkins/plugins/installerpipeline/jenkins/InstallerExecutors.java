package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import hudson.security.ACL;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.ExceptionCatchingThreadFactory;
import hudson.util.NamingThreadFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.security.ImpersonatingExecutorService;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionList;

/**
 * The plugin's own threads, for work that may block: never {@link Timer}, whose ten threads every plugin shares and
 * Pipeline needs to resume builds. Each pool has a fixed number of threads and runs its tasks as SYSTEM (the
 * bookkeeping reads builds the user who caused an event may not see; scheduling checks the package build's own
 * authentication explicitly).
 * <ul>
 *   <li>{@link #events}: an installer build started, paused, finished, was cancelled or deleted; a gate timed out or
 *       a build resumed. May wait up to a minute for Pipeline's input records after a restart.</li>
 *   <li>{@link #github}: publishing checks; github-branch-source may sleep until a rate limit resets.</li>
 *   <li>{@link #hashing}: one thread hashing the artifacts of finished installer builds (they may be gigabytes), one
 *       build at a time, before its end is recorded.</li>
 * </ul>
 * {@code Timer} only ever hands a delayed task (a gate's timeout) to {@link #events}. The pools stop when Jenkins
 * does.
 */
@Extension
public final class InstallerExecutors {

    private static final Logger LOGGER = Logger.getLogger(InstallerExecutors.class.getName());

    private final ExecutorService events = pool("events", 4);
    private final ExecutorService github = pool("GitHub checks", 2);
    private final ExecutorService hashing = pool("artifact hashing", 1);

    /** The plugin's executors. */
    public static @NonNull InstallerExecutors get() {
        return ExtensionList.lookupSingleton(InstallerExecutors.class);
    }

    /** Runs bookkeeping for an event; a failure is logged, naming {@code what}, and never reaches a build. */
    public void event(@NonNull String what, @NonNull Runnable task) {
        events.submit(() -> InstallerEvents.safely(what, task));
    }

    /** Runs bookkeeping for an event after a delay (the delay is kept by {@link Timer}, the work runs here). */
    public void eventLater(@NonNull String what, long delay, @NonNull TimeUnit unit, @NonNull Runnable task) {
        Timer.get().schedule(() -> event(what, task), delay, unit);
    }

    /** Publishes to GitHub. */
    public void github(@NonNull String what, @NonNull Runnable task) {
        github.submit(() -> InstallerEvents.safely(what, task));
    }

    /** Hashes artifacts (then records what it must), after the tasks submitted before it. */
    public void hashing(@NonNull String what, @NonNull Runnable task) {
        hashing.submit(() -> InstallerEvents.safely(what, task));
    }

    private static ExecutorService pool(String name, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                new ExceptionCatchingThreadFactory(new NamingThreadFactory(
                        new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), "Installer Pipeline " + name)),
                // Jenkins is stopping (builds still save while they pause): the records are brought up to date on
                // resume, so a task that comes too late is dropped.
                (task, executor) -> LOGGER.log(Level.FINE, "Installer Pipeline {0} threads stopped; dropped {1}",
                        new Object[] {name, task}));
        pool.allowCoreThreadTimeOut(true); // no idle threads on a Jenkins that runs no orchestration
        return new ImpersonatingExecutorService(pool, ACL.SYSTEM2);
    }

    /**
     * Stops the pools with Jenkins, after Pipeline has paused and saved its builds (their last saves still reach
     * the listeners); what is dropped then is done again from the records at the next start
     * ({@link OpenOrchestrations}).
     */
    @Terminator(requires = FlowExecutionList.LIST_SAVED)
    public static void shutdown() {
        for (InstallerExecutors e : ExtensionList.lookup(InstallerExecutors.class)) {
            for (ExecutorService pool : List.of(e.events, e.github, e.hashing)) {
                pool.shutdownNow();
                try {
                    pool.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    LOGGER.log(Level.FINE, "interrupted stopping the Installer Pipeline threads", x);
                    return;
                }
            }
        }
    }
}
