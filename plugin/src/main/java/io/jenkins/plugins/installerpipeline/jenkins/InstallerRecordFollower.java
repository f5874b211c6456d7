package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A running step that follows the installer builds of its own build ({@code triggerInstallers}): told of every change
 * to that build's {@link InstallerRunsAction}. The listeners find such steps among the running step executions
 * ({@link StepExecution#acceptAll}), after a restart too, without knowing the step.
 */
public interface InstallerRecordFollower {

    /** The externalizable id of the build whose record this step follows. */
    @NonNull
    String followedBuildId();

    /**
     * The record changed. Must not block: called for every change, on the following build's CPS VM thread
     * ({@code StepExecution.acceptAll} calls back once the build's step executions are loaded).
     */
    void recordChanged(@NonNull InstallerRunsAction record);

    /** Tells every step following this record's build. Non-blocking: after a restart, once executions are loaded. */
    static void notifyFollowers(@NonNull InstallerRunsAction record) {
        if (record.getRun() == null) {
            return;
        }
        String id = record.getRun().getExternalizableId();
        StepExecution.acceptAll(e -> {
            if (e instanceof InstallerRecordFollower f && id.equals(f.followedBuildId())) {
                f.recordChanged(record);
            }
        });
    }
}
