package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.mixin.TagSCMHead;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.StepExecutions;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStep;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code blockUnlessTag}: the approval gate of an installer build. Release builds and builds started directly go on
 * at once; other triggered builds pause through the stock {@code input} step, whose own execution this step returns,
 * so the Proceed/Abort UI, the submitter check, the approver record and restart behaviour are Jenkins's own.
 * Call it outside {@code node}: a paused build then holds no executor.
 */
public final class BlockUnlessTagStep extends Step {

    /** The gate's input id unless {@code id} is given; the URL is {@code <build>/input/ReleaseGate/}. */
    public static final String DEFAULT_ID = "ReleaseGate";

    private String message;
    private String submitter;
    private String ok;
    private String id = DEFAULT_ID;
    private String condition;
    private Boolean release;
    private Integer timeout;

    @DataBoundConstructor
    public BlockUnlessTagStep() {
        // every argument is optional
    }

    /** The question shown at the gate; default {@code Build <job>?}. */
    public @CheckForNull String getMessage() {
        return message;
    }

    @DataBoundSetter
    public void setMessage(@CheckForNull String message) {
        this.message = Util.fixEmptyAndTrim(message);
    }

    /** Comma-separated users and groups who may approve; default: anyone with Build permission on the job. */
    public @CheckForNull String getSubmitter() {
        return submitter;
    }

    @DataBoundSetter
    public void setSubmitter(@CheckForNull String submitter) {
        this.submitter = Util.fixEmptyAndTrim(submitter);
    }

    /** Caption of the approve button. */
    public @CheckForNull String getOk() {
        return ok;
    }

    @DataBoundSetter
    public void setOk(@CheckForNull String ok) {
        this.ok = Util.fixEmptyAndTrim(ok);
    }

    /** The gate's input id. */
    public String getId() {
        return id;
    }

    @DataBoundSetter
    public void setId(@CheckForNull String id) {
        String v = Util.fixEmptyAndTrim(id);
        this.id = v == null ? DEFAULT_ID : v;
    }

    /** A Buildkite expression deciding when to block, evaluated by the engine against this build's context. */
    public @CheckForNull String getCondition() {
        return condition;
    }

    @DataBoundSetter
    public void setCondition(@CheckForNull String condition) {
        this.condition = Util.fixEmptyAndTrim(condition);
    }

    /** Explicit answer to "is this a release?", overriding the upstream's metadata and the build's own tag. */
    public @CheckForNull Boolean getRelease() {
        return release;
    }

    @DataBoundSetter
    public void setRelease(@CheckForNull Boolean release) {
        this.release = release;
    }

    /** Minutes the gate stays open; when they pass, the build ends as aborted. Null: no limit. */
    public @CheckForNull Integer getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(@CheckForNull Integer timeout) {
        this.timeout = timeout != null && timeout > 0 ? timeout : null;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        // Runs on the CPS VM thread: only in-memory reads here (actions, causes, the SCM head of a loaded job).
        Run<?, ?> run = context.get(Run.class);
        Optional<InstallerMetadataAction> metadata = InstallerMetadataAction.of(run);
        boolean triggered = metadata.isPresent() || run.getCause(Cause.UpstreamCause.class) != null;
        SCMHead head = SCMHead.HeadByItem.findHead(run.getParent());
        Optional<String> ownTag = head instanceof TagSCMHead ? Optional.of(head.getName()) : Optional.empty();
        // TODO(lead, engine): when `condition` is set, evaluate it with the engine against this build's context and
        // let it decide `block` (print its diagnostics and fail on a syntax error).
        GateDecision decision = GateDecision.decide(
                Optional.ofNullable(release),
                triggered,
                metadata.flatMap(InstallerMetadataAction::getReleaseTag),
                metadata.map(m -> m.getEnv().get("LE_KOLIBRI_RELEASE")),
                ownTag);
        String reason = decision.reason();
        if (!decision.block()) {
            return StepExecutions.synchronousVoid(context, c -> c.get(TaskListener.class).getLogger().println(reason));
        }
        context.get(TaskListener.class).getLogger().println(reason);
        InputStep input = new InputStep(message != null ? message : "Build " + run.getParent().getDisplayName() + "?");
        input.setId(id);
        if (submitter != null) {
            input.setSubmitter(submitter);
        }
        if (ok != null) {
            input.setOk(ok);
        }
        // The upstream's record learns of the pause from GateListener (the input step saves the run when it registers).
        // TODO(lead): (1) timeout != null: record the deadline in a GateAction on the run and arm a Timer task that
        // calls stop(new FlowInterruptedException(ABORTED, true, new GateTimedOut(id, timeout))) on
        // InputAction.getExecution(id), re-armed after a restart by a FlowExecutionListener.onResumed;
        // (2) metadata.getDependencyBuilds() not all finished: say so in the message and start the input with a
        // forwarding context so that after approval the build waits for the dependency (docs/plugin-design.md).
        return input.start(context);
    }

    /** Registers {@code blockUnlessTag}. */
    @Extension
    @Symbol("blockUnlessTag")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "blockUnlessTag";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Wait for approval unless this is a release build";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // What the input step needs; no FilePath, so no node.
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        /** Form check: the id becomes part of a URL; the input step's own rule applies. */
        public FormValidation doCheckId(@QueryParameter String value) {
            return Jenkins.get().getDescriptorByType(InputStep.DescriptorImpl.class).doCheckId(Util.fixEmptyAndTrim(value));
        }

        /** Form check: the timeout is a number of minutes. */
        public FormValidation doCheckTimeout(@QueryParameter String value) {
            String v = Util.fixEmptyAndTrim(value);
            if (v == null) {
                return FormValidation.ok();
            }
            try {
                return Integer.parseInt(v) > 0 ? FormValidation.ok() : FormValidation.error("Give a number of minutes above 0");
            } catch (NumberFormatException e) {
                return FormValidation.error("Give a number of minutes, such as 60");
            }
        }
    }
}
