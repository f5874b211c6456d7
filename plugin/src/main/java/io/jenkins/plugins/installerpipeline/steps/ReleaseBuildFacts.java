package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.installerpipeline.context.JenkinsBuild;
import io.jenkins.plugins.installerpipeline.context.TriggerMetadata;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.mixin.TagSCMHead;

/**
 * The few facts of a build that {@code uploadReleaseArtifact} needs (the release tag), gathered into the engine's
 * {@link JenkinsBuild} so the rule "own tag, else the orchestration's release tag" stays in the engine.
 *
 * <p>Stop-gap: issue 6 writes the one class that gathers every fact of a build ({@code JenkinsBuildContext}); once it
 * is merged, this class should delegate to it and go away.
 */
final class ReleaseBuildFacts {

    private ReleaseBuildFacts() {}

    /** {@code build.tag}: {@code TAG_NAME} or the job's tag head, else the release tag handed by the upstream. */
    static Optional<String> tag(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        Optional<String> own = Optional.ofNullable(env.get("TAG_NAME")).filter(t -> !t.isBlank());
        if (own.isEmpty()) {
            SCMHead head = SCMHead.HeadByItem.findHead(run.getParent());
            if (head instanceof TagSCMHead) {
                own = Optional.of(head.getName());
            }
        }
        Optional<TriggerMetadata> trigger = InstallerMetadataAction.of(run).map(m -> new TriggerMetadata(
                m.getUpstreamJob(), m.getUpstreamBuildId(), Optional.of(m.getUpstreamUrl()), m.getReleaseTag(),
                Optional.of(m.getCommit()), Optional.of(m.getBranch()), Optional.of(m.getMessage()), m.getEnv(),
                m.getArtifactsJson()));
        JenkinsBuild facts = new JenkinsBuild(run.getParent().getFullName(), run.getParent().getName(),
                run.getNumber(), Optional.empty(), Optional.empty(), own, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Map.of(), trigger);
        return facts.toBuildContext().tag();
    }
}
