package io.jenkins.plugins.installerpipeline.checks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What GitHub shows for one installer build: a check run (or commit status) named {@code installer/<slug>} on the
 * package build's commit.
 *
 * <table>
 *   <caption>Phases and what GitHub shows</caption>
 *   <tr><th>phase</th><th>check</th><th>commit status</th></tr>
 *   <tr><td>waiting for a dependency, queued, blocked in the queue</td><td>queued</td><td>pending</td></tr>
 *   <tr><td>paused at its gate</td><td>in progress, "awaiting approval" (link: the approval page)</td>
 *       <td>pending (link: the approval page)</td></tr>
 *   <tr><td>running</td><td>in progress</td><td>pending</td></tr>
 *   <tr><td>succeeded</td><td>completed, success (summary: links to the assets)</td><td>success</td></tr>
 *   <tr><td>failed</td><td>completed, failure</td><td>failure</td></tr>
 *   <tr><td>aborted</td><td>completed, cancelled</td><td>error</td></tr>
 * </table>
 * The gate is shown as in progress, not as a completed check with {@code action_required}: GitHub never lets a
 * completed check run go back to in progress, so an approved installer would keep showing "action required".
 *
 * @param name        {@code installer/<slug>}
 * @param status      the check run's status
 * @param conclusion  its conclusion, for a completed (or blocked) check
 * @param commitState the equivalent commit status state
 * @param title       one line for people ({@code kolibri-windows #12: waiting for approval})
 * @param summary     Markdown: what happened and links (the build, the approval page, the assets)
 * @param detailsUrl  the page a click on the check opens (the build, or its approval page), if known
 */
public record InstallerCheck(String name, CheckStatus status, Optional<CheckConclusion> conclusion,
                             CommitState commitState, String title, String summary, Optional<String> detailsUrl) {

    /** GitHub's limit on a commit status description. */
    public static final int MAX_STATUS_DESCRIPTION = 140;

    /** A link to one asset an installer build produced. */
    public record AssetLink(String name, String url, long size, String sha256) {}

    /**
     * The check of one installer build.
     *
     * @param slug     the trigger's key ({@code kolibri-windows})
     * @param phase    where it stands
     * @param detail   why, if anything to say (e.g. {@code FAILURE}, {@code cancelled in the queue})
     * @param buildRef a short name of the build ({@code kolibri-windows #12}), empty before it started
     * @param buildUrl the build's absolute URL, if known
     * @param assets   the build's archived artifacts (shown once it succeeded)
     */
    public static InstallerCheck of(String slug, InstallerPhase phase, String detail, String buildRef,
                                    Optional<String> buildUrl, List<AssetLink> assets) {
        Objects.requireNonNull(slug, "slug");
        String who = buildRef.isBlank() ? slug : buildRef;
        Optional<String> gateUrl = buildUrl.map(u -> (u.endsWith("/") ? u : u + "/") + "input/");
        String why = detail == null || detail.isBlank() ? "" : " (" + detail + ")";
        return switch (phase) {
            case WAITING_FOR_DEPENDENCY -> new InstallerCheck(name(slug), CheckStatus.QUEUED, Optional.empty(),
                    CommitState.PENDING, who + ": waiting for a dependency" + why,
                    "Not started yet: it waits for a build it depends on" + why + ".", buildUrl);
            case QUEUED -> new InstallerCheck(name(slug), CheckStatus.QUEUED, Optional.empty(), CommitState.PENDING,
                    who + ": queued", "Triggered; waiting for an executor.", buildUrl);
            case BLOCKED_IN_QUEUE -> new InstallerCheck(name(slug), CheckStatus.QUEUED, Optional.empty(),
                    CommitState.PENDING, who + ": blocked in queue" + why,
                    "Triggered, but the queue cannot start it yet" + why + ".", buildUrl);
            case RUNNING -> new InstallerCheck(name(slug), CheckStatus.IN_PROGRESS, Optional.empty(),
                    CommitState.PENDING, who + ": building", "Building." + link("Build", buildUrl), buildUrl);
            case PAUSED_AT_GATE -> new InstallerCheck(name(slug), CheckStatus.IN_PROGRESS, Optional.empty(),
                    CommitState.PENDING, who + ": awaiting approval",
                    "Paused at its approval gate: approve it to build this installer." + link("Approve", gateUrl),
                    gateUrl.or(() -> buildUrl));
            case SUCCEEDED -> new InstallerCheck(name(slug), CheckStatus.COMPLETED,
                    Optional.of(CheckConclusion.SUCCESS), CommitState.SUCCESS, who + ": succeeded",
                    "Built." + link("Build", buildUrl) + assetList(assets), buildUrl);
            case FAILED -> new InstallerCheck(name(slug), CheckStatus.COMPLETED,
                    Optional.of(CheckConclusion.FAILURE), CommitState.FAILURE, who + ": failed" + why,
                    "The installer build failed" + why + "." + link("Build", buildUrl), buildUrl);
            case ABORTED -> new InstallerCheck(name(slug), CheckStatus.COMPLETED,
                    Optional.of(CheckConclusion.CANCELED), CommitState.ERROR, who + ": aborted" + why,
                    "The installer build was aborted" + why + "." + link("Build", buildUrl), buildUrl);
        };
    }

    /** {@code installer/<slug>}: the check's (and commit status's) name. */
    public static String name(String slug) {
        return "installer/" + slug;
    }

    /** The commit status description: the title, cut to GitHub's 140 characters. */
    public String statusDescription() {
        return title.length() <= MAX_STATUS_DESCRIPTION ? title : title.substring(0, MAX_STATUS_DESCRIPTION - 1) + "…";
    }

    /**
     * What identifies this update, so the same state is not published twice: status, conclusion, the link (a re-run
     * is a new build, hence a new link), title and summary (the asset links arrive once the build's artifacts are
     * hashed, possibly after it was reported finished).
     */
    public String fingerprint() {
        return status + "/" + conclusion.map(Enum::name).orElse("") + "/" + detailsUrl.orElse("") + "/" + title + "/"
                + Integer.toHexString(summary.hashCode());
    }

    private static String link(String text, Optional<String> url) {
        return url.map(u -> "\n\n[" + text + "](" + u + ")").orElse("");
    }

    private static String assetList(List<AssetLink> assets) {
        if (assets.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n\n| Asset | Size | SHA-256 |\n|---|---|---|\n");
        for (AssetLink a : assets) {
            String name = a.url().isBlank() ? "`" + a.name() + "`" : "[" + a.name() + "](" + a.url() + ")";
            out.append("| ").append(name).append(" | ").append(a.size()).append(" | `").append(a.sha256())
                    .append("` |\n");
        }
        return out.toString();
    }
}
