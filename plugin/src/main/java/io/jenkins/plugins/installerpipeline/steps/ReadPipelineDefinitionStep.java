package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.installerpipeline.jenkins.JenkinsBuildFacts;
import io.jenkins.plugins.installerpipeline.plan.Plan;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code readPipelineDefinition}: the plan of a Buildkite-format definition in the workspace for this build, as
 * plain lists and maps (safe to keep in CPS variables). An invalid file fails the step after printing the engine's
 * {@code FILE:LINE:COL: error: MESSAGE} lines.
 */
public final class ReadPipelineDefinitionStep extends Step {

    /** Where Buildkite keeps a repository's pipeline. */
    public static final String DEFAULT_FILE = ".buildkite/pipeline.yml";

    private String file = DEFAULT_FILE;

    @DataBoundConstructor
    public ReadPipelineDefinitionStep() {
        // `file` is optional
    }

    /** Workspace-relative path of the definition. */
    public String getFile() {
        return file;
    }

    @DataBoundSetter
    public void setFile(String file) {
        String v = Util.fixEmptyAndTrim(file);
        this.file = v == null ? DEFAULT_FILE : v;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, file);
    }

    /** Reads and plans on the step thread pool (file I/O must not run on the CPS VM thread). */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final String file;

        Execution(StepContext context, String file) {
            super(context);
            this.file = file;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            TaskListener listener = getContext().get(TaskListener.class);
            Plan plan = TriggerInstallersExecution.plan(getContext(), file,
                    JenkinsBuildFacts.contextOf(getContext()), listener, "readPipelineDefinition");
            listener.getLogger().println("readPipelineDefinition: " + file + ": " + plan.steps().size() + " steps, "
                    + plan.includedTriggers().size() + " trigger(s) included for this build");
            return PlainData.stringKeyedMap(plan.toMap(), "plan");
        }
    }

    /** Registers {@code readPipelineDefinition}. */
    @Extension
    @Symbol("readPipelineDefinition")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "readPipelineDefinition";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Read a pipeline definition and plan it for this build";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // No FilePath: in a multibranch project the file is read from the build's revision, outside node too.
            return Set.of(Run.class, TaskListener.class);
        }

        /** Form check: a path relative to the workspace. */
        public FormValidation doCheckFile(@QueryParameter String value) {
            return checkDefinitionPath(value);
        }
    }

    /** The form check of a definition path (also {@code triggerInstallers}' {@code definition}): relative to the workspace. */
    static FormValidation checkDefinitionPath(String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v != null && (v.startsWith("/") || v.contains(".."))) {
            return FormValidation.error("Give a path relative to the workspace, such as " + DEFAULT_FILE);
        }
        return FormValidation.ok();
    }
}
