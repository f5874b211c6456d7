package io.jenkins.plugins.installerpipeline.github;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.Run;
import io.jenkins.plugins.installerpipeline.checks.InstallerCheck;
import java.io.IOException;
import org.jenkinsci.plugins.github_branch_source.Connector;
import org.jenkinsci.plugins.github_branch_source.GitHubSCMSource;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;

/**
 * The fallback without check runs: a commit status per installer, with the same {@code installer/<slug>} name, on
 * the package build's commit, through github-api with the GitHub source's scan credentials.
 */
final class CommitStatusPublisher implements CheckPublisher {

    private final GitHub github;
    private final GHRepository repository;
    private final String commit;

    private CommitStatusPublisher(GitHub github, GHRepository repository, String commit) {
        this.github = github;
        this.repository = repository;
        this.commit = commit;
    }

    /**
     * Connects for the upstream build's GitHub source, or explains why not (the explanation becomes the one console
     * line saying why checks are skipped).
     */
    static Either forRun(Run<?, ?> run) {
        GitHubSCMSource source = GitHubSources.of(run.getParent()).orElse(null);
        if (source == null) {
            return Either.skip("the package build does not come from a GitHub Branch Source");
        }
        String commit = GitHubSources.commit(run, source).orElse(null);
        if (commit == null) {
            return Either.skip("the package build has no recorded GitHub revision");
        }
        StandardCredentials credentials = Connector.lookupScanCredentials(run.getParent(), source.getApiUri(),
                source.getCredentialsId(), source.getRepoOwner());
        if (credentials == null) {
            return Either.skip("the GitHub source of " + run.getParent().getFullName()
                    + " has no credentials, and GitHub does not accept statuses without them");
        }
        GitHub github = null;
        try {
            github = Connector.connect(source.getApiUri(), credentials);
            GHRepository repository = github.getRepository(source.getRepoOwner() + "/" + source.getRepository());
            return new Either(new CommitStatusPublisher(github, repository, commit), "");
        } catch (IOException | RuntimeException e) {
            Connector.release(github);
            return Either.skip("could not reach " + source.getRepoOwner() + "/" + source.getRepository() + " ("
                    + e.getMessage() + ")");
        }
    }

    /** Statuses on {@code commit} of a repository already connected to (tests: the engine's fake GitHub). */
    static CheckPublisher to(GHRepository repository, String commit) {
        return new CommitStatusPublisher(null, repository, commit);
    }

    /** A publisher, or the reason there is none. */
    record Either(CheckPublisher publisher, String reason) {
        static Either skip(String reason) {
            return new Either(null, reason);
        }
    }

    @Override
    public void publish(InstallerCheck check) throws IOException {
        repository.createCommitStatus(commit, GHCommitState.valueOf(check.commitState().name()),
                check.detailsUrl().orElse(null), check.statusDescription(), check.name());
    }

    @Override
    public void close() {
        Connector.release(github);
    }

    @Override
    public String kind() {
        return "commit statuses";
    }
}
