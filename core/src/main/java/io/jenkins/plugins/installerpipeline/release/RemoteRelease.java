package io.jenkins.plugins.installerpipeline.release;

import java.util.Objects;
import java.util.Optional;

/**
 * A release as GitHub reports it.
 *
 * @param id         GitHub's release id
 * @param tag        the tag it is for
 * @param draft      whether it is a draft (not visible to the public, not found by tag)
 * @param prerelease whether it is marked as a pre-release
 * @param htmlUrl    its page, when GitHub gives one
 * @param uploadUrl  the URI template assets are uploaded to ({@code .../assets{?name,label}}); on GitHub Enterprise
 *                   Server it is on another path than the API, so it is never built from the API URL
 */
record RemoteRelease(long id, String tag, boolean draft, boolean prerelease, Optional<String> htmlUrl,
                     String uploadUrl) {

    RemoteRelease {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(htmlUrl, "htmlUrl");
        Objects.requireNonNull(uploadUrl, "uploadUrl");
    }
}
