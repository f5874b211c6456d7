package io.jenkins.plugins.installerpipeline.github;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.installerpipeline.release.ReleaseTarget;
import java.util.Optional;
import jenkins.model.Jenkins;
import io.jenkins.plugins.installerpipeline.jenkins.JenkinsBuildFacts;
import jenkins.scm.api.SCMRevisionAction;
import jenkins.scm.api.SCMSource;
import org.jenkinsci.plugins.github_branch_source.GitHubSCMSource;

/** What the GitHub Branch Source of a job says: the repository, its API endpoint, the commit a build is for. */
public final class GitHubSources {

    private GitHubSources() {}

    /** The job's GitHub Branch Source, if it is a branch, tag or pull request job of a GitHub multibranch project. */
    public static Optional<GitHubSCMSource> of(@CheckForNull Item job) {
        if (job == null) {
            return Optional.empty();
        }
        SCMSource source = SCMSource.SourceByItem.findSource(job);
        return source instanceof GitHubSCMSource gh ? Optional.of(gh) : Optional.empty();
    }

    /** The job's GitHub source as the engine sees it. */
    public static Optional<ReleaseTarget.Source> sourceOf(@CheckForNull Item job) {
        return of(job).map(gh -> new ReleaseTarget.Source(gh.getRepoOwner(), gh.getRepository(),
                Optional.ofNullable(gh.getApiUri())));
    }

    /** The job with this full name, if the current user can see it. */
    public static Optional<Job<?, ?>> job(@NonNull String fullName) {
        Job<?, ?> job = Jenkins.get().getItemByFullName(fullName, Job.class);
        return Optional.ofNullable(job);
    }

    /** The commit a build of a GitHub source built: the pull request's head, else the branch or tag revision. */
    public static Optional<String> commit(@NonNull Run<?, ?> run, @NonNull SCMSource source) {
        return Optional.ofNullable(SCMRevisionAction.getRevision(source, run)).flatMap(JenkinsBuildFacts::commitOf);
    }
}
