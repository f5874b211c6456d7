package io.jenkins.plugins.installerpipeline.context;

import java.util.Objects;
import java.util.Optional;

/**
 * The pull request a build was made for ({@code build.pull_request.*}).
 *
 * @param id          the pull request number as Buildkite gives it ({@code "123"})
 * @param baseBranch  the branch the pull request targets, if known
 * @param repository  the repository the pull request comes from, if known
 * @param draft       whether it is a draft, if known
 */
public record PullRequest(String id, Optional<String> baseBranch, Optional<String> repository, Optional<Boolean> draft) {

    public PullRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(baseBranch, "baseBranch");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(draft, "draft");
    }

    /** A pull request of which only the id is known. */
    public static PullRequest of(String id) {
        return new PullRequest(id, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
