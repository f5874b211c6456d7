package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;

/** A line in a Pipeline build's console from outside its steps (a listener, a background task). */
public final class BuildConsole {

    private static final Logger LOGGER = Logger.getLogger(BuildConsole.class.getName());

    private BuildConsole() {}

    /**
     * Prints {@code line} on the build's console while it runs; once it has finished (or for a build that is not a
     * Pipeline), logs it in the Jenkins system log instead, naming the build.
     */
    public static void println(@NonNull Run<?, ?> run, @NonNull String line) {
        if (run.isLogUpdated() && run instanceof FlowExecutionOwner.Executable executable) {
            FlowExecutionOwner owner = executable.asFlowExecutionOwner();
            if (owner != null) {
                try {
                    TaskListener listener = owner.getListener();
                    listener.getLogger().println(line);
                    return;
                } catch (IOException e) {
                    LOGGER.log(Level.FINE, "no console for " + run, e);
                }
            }
        }
        LOGGER.info(run + ": " + line);
    }
}
