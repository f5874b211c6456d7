package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.gate.ApprovalGate;
import io.jenkins.plugins.installerpipeline.gate.GateOutcome;
import io.jenkins.plugins.installerpipeline.jenkins.GateAction;
import io.jenkins.plugins.installerpipeline.jenkins.GateTimeouts;
import io.jenkins.plugins.installerpipeline.gate.GateId;
import io.jenkins.plugins.installerpipeline.jenkins.DependencyWaits;
import io.jenkins.plugins.installerpipeline.jenkins.JenkinsBuildFacts;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.Set;
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
 * at once; other triggered builds pause through the stock {@code input} step, whose own execution this step returns
 * with the step's own context, so the Proceed/Abort UI, the submitter check, the approver record and restart
 * behaviour are Jenkins's own. When this build needs another installer build that has not finished (the Pi build and
 * the Debian build), an approval given before that build has finished holds this build after its gate: its next
 * {@code node} waits in the queue for that build, and the build fails naming it if it fails or is aborted
 * ({@link DependencyWaits}). Call it outside {@code node}: a paused build then holds no executor.
 *
 * <p>{@link #start} runs on the CPS VM thread, so it reads only what is in memory: the build's actions, causes and
 * environment, and its change log only when a {@code condition} reads {@code build.message}.
 */
public final class BlockUnlessTagStep extends Step {

    /** The gate's input id unless {@code id} is given; the URL is {@code <build>/input/ReleaseGate/}. */
    public static final String DEFAULT_ID = GateId.DEFAULT;

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
        // Runs on the CPS VM thread: only in-memory reads here (actions, causes, environment, the loaded job tree).
        Optional<String> badId = GateId.problem(id);
        if (badId.isPresent()) {
            return failure(context, badId.get());
        }
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        ApprovalGate gate = new ApprovalGate(Optional.ofNullable(condition), Optional.ofNullable(release));
        BuildContext build = JenkinsBuildFacts.of(context, gate.needsMessage()).toBuildContext();
        GateOutcome outcome = gate.decide(build);
        if (outcome instanceof GateOutcome.Invalid invalid) {
            return failure(context, invalid.reason());
        }
        if (outcome instanceof GateOutcome.Proceed proceed) {
            return StepExecutions.synchronousVoid(context,
                    c -> c.get(TaskListener.class).getLogger().println("blockUnlessTag: not waiting: " + proceed.reason()));
        }
        listener.getLogger().println("blockUnlessTag: " + outcome.reason());
        String question = message != null ? message : "Build " + run.getParent().getDisplayName() + "?";
        List<String> needs = DependencyWaits.dependencyNames(run);
        if (!needs.isEmpty()) {
            question = question + " (needs " + String.join(", ", needs) + ")";
        }
        InputStep input = new InputStep(question);
        input.setId(id);
        if (submitter != null) {
            input.setSubmitter(submitter);
        }
        if (ok != null) {
            input.setOk(ok);
        }
        long deadline = timeout == null ? 0 : System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(timeout);
        FlowNode node = context.get(FlowNode.class);
        run.replaceAction(new GateAction(input.getId(), node == null ? null : node.getId(), deadline,
                timeout == null ? 0 : timeout));
        if (timeout != null) {
            listener.getLogger().println("blockUnlessTag: the gate closes by itself after " + timeout
                    + (timeout == 1 ? " minute" : " minutes"));
            GateTimeouts.arm(run);
        }
        // A build that needs others (the Pi build) waits for them after an approval; the wait starts with the gate.
        DependencyWaits.gateOpening(run);
        // The upstream's record learns of the pause from GateListener (the input step saves the run when it
        // registers). The input gets this step's own context: it is the execution Pipeline runs, as if the
        // Jenkinsfile had called input itself.
        return input.start(context);
    }

    private static StepExecution failure(StepContext context, String reason) {
        return StepExecutions.synchronousVoid(context, c -> {
            throw new AbortException("blockUnlessTag: " + reason);
        });
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
            // What the input step needs, and the environment for the build context; no FilePath, so no node.
            return Set.of(Run.class, TaskListener.class, FlowNode.class, EnvVars.class);
        }

        /** Form check: the id becomes part of a URL; the input step's own rule applies ({@link GateId}). */
        public FormValidation doCheckId(@QueryParameter String value) {
            return GateId.problem(Util.fixEmptyAndTrim(value)).map(FormValidation::error).orElse(FormValidation.ok());
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
