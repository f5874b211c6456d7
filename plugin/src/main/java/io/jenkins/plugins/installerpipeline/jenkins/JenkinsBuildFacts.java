package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.Cause;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import hudson.triggers.SCMTrigger;
import hudson.triggers.TimerTrigger;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.context.JenkinsBuild;
import io.jenkins.plugins.installerpipeline.context.StartCause;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.branch.BranchEventCause;
import jenkins.branch.BranchIndexingCause;
import jenkins.branch.MultiBranchProject;
import jenkins.model.Jenkins;
import jenkins.plugins.git.AbstractGitSCMSource;
import jenkins.scm.RunWithSCM;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.SCMRevisionAction;
import jenkins.scm.api.SCMSource;
import jenkins.scm.api.metadata.PrimaryInstanceMetadataAction;
import jenkins.scm.api.mixin.TagSCMHead;
import org.jenkinsci.plugins.github_branch_source.PullRequestSCMRevision;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Gathers the plain facts of a Jenkins build into the engine's {@link JenkinsBuild}; the engine turns them into a
 * build context ({@link JenkinsBuild#toBuildContext()}). The one place the plugin reads a build for the engine: no
 * rule about what the facts mean lives here.
 *
 * <p>Reads actions, causes, the environment the caller computed and the loaded job tree. A build that an orchestration
 * did not trigger also has its change log read for the commit message, which a build that has not loaded it yet
 * (after a restart) reads from disk; triggered builds take the message from their trigger and skip that.
 */
public final class JenkinsBuildFacts {

    private JenkinsBuildFacts() {}

    /** The facts of the build a Pipeline step runs in: its run, environment and flow node. */
    public static @NonNull JenkinsBuild of(@NonNull StepContext context) throws IOException, InterruptedException {
        return of(context, true);
    }

    /**
     * The facts of the build a Pipeline step runs in.
     *
     * @param readChangeLog whether a build no orchestration triggered has its change log read for the commit message
     *                      (it may be read from disk: a step deciding on the CPS VM thread passes false unless it
     *                      needs the message)
     */
    public static @NonNull JenkinsBuild of(@NonNull StepContext context, boolean readChangeLog)
            throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        EnvVars env = context.get(EnvVars.class);
        FlowNode node = context.get(FlowNode.class);
        return of(run, env == null ? new EnvVars() : env, Optional.ofNullable(node).map(FlowNode::getId), readChangeLog);
    }

    /** The build context of the build a Pipeline step runs in. */
    public static @NonNull BuildContext contextOf(@NonNull StepContext context) throws IOException, InterruptedException {
        return of(context).toBuildContext();
    }

    /**
     * The facts of a build.
     *
     * @param env        the build's environment ({@code TAG_NAME}, {@code BRANCH_NAME}, {@code CHANGE_*}, {@code GIT_COMMIT}, ...)
     * @param flowNodeId the asking step's flow node, if any
     */
    public static @NonNull JenkinsBuild of(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull Optional<String> flowNodeId) {
        return of(run, env, flowNodeId, true);
    }

    private static JenkinsBuild of(Run<?, ?> run, EnvVars env, Optional<String> flowNodeId, boolean readChangeLog) {
        Job<?, ?> job = run.getParent();
        Optional<SCMHead> head = Optional.ofNullable(SCMHead.HeadByItem.findHead(job));
        String root = Jenkins.get().getRootUrl();
        return new JenkinsBuild(
                job.getFullName(),
                pipelineName(job),
                run.getNumber(),
                Optional.ofNullable(root).map(r -> run.getAbsoluteUrl()),
                flowNodeId,
                value(env, "TAG_NAME").or(() -> head.filter(TagSCMHead.class::isInstance).map(SCMHead::getName)),
                value(env, "BRANCH_NAME"),
                value(env, "CHANGE_ID"),
                value(env, "CHANGE_BRANCH"),
                value(env, "CHANGE_TARGET"),
                value(env, "CHANGE_URL"),
                commit(run).or(() -> value(env, "GIT_COMMIT")),
                InstallerMetadataAction.of(run).isPresent() || !readChangeLog ? Optional.empty() : commitMessage(run),
                value(env, "GIT_URL"),
                projectOf(job).flatMap(JenkinsBuildFacts::primaryBranch),
                causes(run),
                env,
                InstallerMetadataAction.of(run).map(InstallerMetadataAction::toTriggerMetadata));
    }

    /** A multibranch project's name for its branch jobs (so every branch is the same pipeline), else the job's. */
    static String pipelineName(Job<?, ?> job) {
        return projectOf(job).map(Item::getName).orElse(job.getName());
    }

    /** The multibranch project a branch job belongs to. */
    public static Optional<MultiBranchProject<?, ?>> projectOf(@NonNull Job<?, ?> job) {
        ItemGroup<?> parent = job.getParent();
        return parent instanceof MultiBranchProject<?, ?> mb ? Optional.of(mb) : Optional.empty();
    }

    /** The project that stands for the pipeline: the multibranch project of a branch job, else the job itself. */
    public static @NonNull Item topLevelProject(@NonNull Job<?, ?> job) {
        return projectOf(job).<Item>map(p -> p).orElse(job);
    }

    /** The branch its SCM source marks as primary (GitHub's default branch), if the project knows one. */
    public static Optional<String> primaryBranch(@NonNull MultiBranchProject<?, ?> project) {
        for (Job<?, ?> branch : project.getAllJobs()) {
            if (branch.getAction(PrimaryInstanceMetadataAction.class) != null) {
                SCMHead head = SCMHead.HeadByItem.findHead(branch);
                return Optional.of(head != null ? head.getName() : branch.getName());
            }
        }
        return Optional.empty();
    }

    /** The commit the build's SCM source built, if it is a Git revision (see {@link #commitOf}). */
    static Optional<String> commit(Run<?, ?> run) {
        SCMSource source = SCMSource.SourceByItem.findSource(run.getParent());
        return source == null ? Optional.empty()
                : Optional.ofNullable(SCMRevisionAction.getRevision(source, run)).flatMap(JenkinsBuildFacts::commitOf);
    }

    /**
     * The commit of a revision: a GitHub pull request's head ({@code PullRequestSCMRevision}), else a Git branch or
     * tag revision's hash ({@code AbstractGitSCMSource.SCMRevisionImpl}). The one commit lookup of the plugin.
     */
    public static Optional<String> commitOf(@NonNull SCMRevision revision) {
        if (revision instanceof PullRequestSCMRevision pr) {
            return Optional.ofNullable(pr.getPullHash());
        }
        if (revision instanceof AbstractGitSCMSource.SCMRevisionImpl git) {
            return Optional.ofNullable(git.getHash());
        }
        return Optional.empty();
    }

    /** The newest commit message among the build's changes, if it recorded any. */
    static Optional<String> commitMessage(Run<?, ?> run) {
        if (!(run instanceof RunWithSCM<?, ?> withScm)) {
            return Optional.empty();
        }
        String message = null;
        for (ChangeLogSet<? extends ChangeLogSet.Entry> set : withScm.getChangeSets()) {
            for (ChangeLogSet.Entry entry : set) {
                message = entry.getMsg();
            }
        }
        return Optional.ofNullable(message).filter(m -> !m.isBlank());
    }

    /** Jenkins causes in Jenkins's order, in the engine's words. */
    static List<StartCause> causes(Run<?, ?> run) {
        List<StartCause> causes = new ArrayList<>();
        for (Cause c : run.getCauses()) {
            causes.add(cause(c));
        }
        return causes;
    }

    static StartCause cause(@CheckForNull Cause c) {
        if (c instanceof Cause.UpstreamCause) {
            return StartCause.UPSTREAM;
        }
        if (c instanceof Cause.UserIdCause) {
            return StartCause.USER;
        }
        if (c instanceof TimerTrigger.TimerTriggerCause) {
            return StartCause.TIMER;
        }
        if (c instanceof SCMTrigger.SCMTriggerCause || c instanceof BranchIndexingCause || c instanceof BranchEventCause) {
            return StartCause.SCM;
        }
        if (c instanceof Cause.RemoteCause) {
            return StartCause.REMOTE;
        }
        return StartCause.OTHER;
    }

    private static Optional<String> value(EnvVars env, String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
