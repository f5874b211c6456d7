package io.jenkins.plugins.installerpipeline.release;

/**
 * What to publish to and how.
 *
 * @param repository           the repository holding the release
 * @param tag                  the release's tag, e.g. {@code v0.17.0}
 * @param create               create the release when no release has this tag
 * @param draft                create the release as a draft (and reuse an existing draft for the tag)
 * @param publish              once every asset is on the release and verified, publish a draft release
 * @param prerelease           mark a created or published release as a pre-release
 * @param onExisting           what to do with an existing asset whose content differs
 * @param allowVersionMismatch upload assets whose version does not match the tag
 */
public record PublishOptions(RepositoryName repository, String tag, boolean create, boolean draft, boolean publish,
                             boolean prerelease, OnExisting onExisting, boolean allowVersionMismatch) {

    /** Find the release by tag and upload, failing on differing assets: the conservative defaults. */
    public static PublishOptions of(RepositoryName repository, String tag) {
        return new PublishOptions(repository, tag, false, false, false, false, OnExisting.FAIL, false);
    }

    public PublishOptions withCreate(boolean draft, boolean prerelease) {
        return new PublishOptions(repository, tag, true, draft, publish, prerelease, onExisting, allowVersionMismatch);
    }

    public PublishOptions withPublish() {
        return new PublishOptions(repository, tag, create, draft, true, prerelease, onExisting, allowVersionMismatch);
    }

    public PublishOptions withOnExisting(OnExisting mode) {
        return new PublishOptions(repository, tag, create, draft, publish, prerelease, mode, allowVersionMismatch);
    }

    public PublishOptions withVersionMismatchAllowed() {
        return new PublishOptions(repository, tag, create, draft, publish, prerelease, onExisting, true);
    }
}
