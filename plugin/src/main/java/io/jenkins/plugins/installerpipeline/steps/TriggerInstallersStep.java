package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code triggerInstallers}: evaluates the trigger steps of a pipeline definition (or of an inline
 * {@code installers} list) for this build and schedules each included installer job with the package's metadata.
 *
 * <pre>
 * triggerInstallers definition: '.buildkite/pipeline.yml', jobs: ['kolibri-debian': '/installers/debian']
 * </pre>
 *
 * <p>Map-typed arguments ({@code jobs}, the entries of {@code installers}) are passed through by structs unchanged
 * (its {@code coerce} accepts any {@code Map} for a {@code Map} parameter) but their values may be Groovy
 * {@code GString}s, so every value is converted with {@link String#valueOf(Object)} here.
 */
public final class TriggerInstallersStep extends Step {

    private String definition;
    private List<Map<String, Object>> installers = List.of();
    private Map<String, String> jobs = Map.of();
    private String artifacts;
    private boolean wait;
    private Boolean propagate;

    @DataBoundConstructor
    public TriggerInstallersStep() {
        // every argument is optional; start() checks that exactly one of definition and installers is given
    }

    /** Repository (or workspace) path of a Buildkite-format definition whose trigger steps are the installers. */
    public @CheckForNull String getDefinition() {
        return definition;
    }

    @DataBoundSetter
    public void setDefinition(@CheckForNull String definition) {
        this.definition = Util.fixEmptyAndTrim(definition);
    }

    /** Inline triggers for Jenkinsfile-only use: maps with {@code job}, {@code branch}, {@code env}, {@code dependsOn}, {@code async}. */
    public List<Map<String, Object>> getInstallers() {
        return installers;
    }

    @DataBoundSetter
    public void setInstallers(@CheckForNull List<Map<String, Object>> installers) {
        List<Map<String, Object>> copy = new ArrayList<>();
        if (installers != null) {
            for (Object entry : installers) {
                copy.add(PlainData.stringKeyedMap(entry, "installers"));
            }
        }
        this.installers = Collections.unmodifiableList(copy);
    }

    /** Pipeline slug to Jenkins job full name; slugs not listed resolve beside the upstream's top-level project. */
    public Map<String, String> getJobs() {
        return jobs;
    }

    @DataBoundSetter
    public void setJobs(@CheckForNull Map<String, ?> jobs) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (jobs != null) {
            jobs.forEach((slug, job) -> copy.put(String.valueOf(slug), String.valueOf(job)));
        }
        this.jobs = Collections.unmodifiableMap(copy);
    }

    /** Ant glob over this build's archived artifacts to describe to the installers; null means all. */
    public @CheckForNull String getArtifacts() {
        return artifacts;
    }

    @DataBoundSetter
    public void setArtifacts(@CheckForNull String artifacts) {
        this.artifacts = Util.fixEmptyAndTrim(artifacts);
    }

    /** Whether the step waits until every installer build has finished (default: only until they are queued). */
    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    /** Whether a failed installer fails this step; defaults to true when waiting. */
    public boolean isPropagate() {
        return propagate != null ? propagate : wait;
    }

    @DataBoundSetter
    public void setPropagate(boolean propagate) {
        this.propagate = propagate;
    }

    /** The glob of artifacts to describe, {@code **} when not given. */
    public String artifactsGlob() {
        return Optional.ofNullable(artifacts).orElse("**");
    }

    @Override
    public StepExecution start(StepContext context) {
        return new TriggerInstallersExecution(context, definition, installers, jobs, artifactsGlob(), wait, isPropagate());
    }

    /** Registers {@code triggerInstallers}. */
    @Extension
    @Symbol("triggerInstallers")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "triggerInstallers";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Trigger the installer builds of a pipeline definition";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // FilePath is needed only for `definition`; the execution asks for it then, so `installers` works outside node.
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        /** Form check: a definition is a relative workspace path. */
        public FormValidation doCheckDefinition(@QueryParameter String value) {
            return ReadPipelineDefinitionStep.checkDefinitionPath(value);
        }
    }
}
