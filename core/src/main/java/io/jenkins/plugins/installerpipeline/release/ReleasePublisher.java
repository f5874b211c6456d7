package io.jenkins.plugins.installerpipeline.release;

import io.jenkins.plugins.installerpipeline.artifact.Artifact;
import io.jenkins.plugins.installerpipeline.artifact.ReleaseVersionCheck;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.release.AssetOutcome.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Brings a set of artifacts onto the GitHub Release of a tag, so that a re-run after any failure ends with exactly one
 * correct copy of each:
 * <ul>
 *   <li>Everything that can be checked locally is checked before the first request: versions against the tag, the
 *       2 GiB per-asset limit, the 1000-asset limit for the files given.</li>
 *   <li>An asset already on the release is skipped when its size and digest match (size alone when GitHub reports no
 *       digest); a differing one is an error, skipped, or replaced, per {@link OnExisting}. A {@code starter} asset
 *       left by a broken upload is deleted before uploading.</li>
 *   <li>Replacing never leaves the release without the asset: see {@link #replace}.</li>
 *   <li>With a draft release, it is published only after every asset is present and verified.</li>
 *   <li>Every call is retried per {@link RetryPolicy}; an upload that failed half-way is reconciled with what the
 *       release now holds before trying again. A host that cannot be reached at all fails at once.</li>
 * </ul>
 * {@link #dryRun} makes the same decisions with reads only. Every call goes through {@link GitHubReleasesClient}.
 */
public final class ReleasePublisher {

    /** GitHub's limit on one release asset: 2 GiB. */
    public static final long MAX_ASSET_BYTES = 2L * 1024 * 1024 * 1024;
    /** GitHub's limit on the number of assets of one release. */
    public static final int MAX_ASSETS = 1000;

    private final GitHubAccess access;
    private final Retrier retrier;
    private final Consumer<String> log;

    /**
     * @param access  where the API is, and the token
     * @param policy  how to retry
     * @param sleeper how to wait between retries
     * @param clock   the time, for {@code Retry-After} dates and {@code X-RateLimit-Reset}
     * @param random  jitter for backoff
     * @param log     receives a line per retry and per recovery action (never the token)
     */
    public ReleasePublisher(GitHubAccess access, RetryPolicy policy, Sleeper sleeper, Clock clock,
                            RandomGenerator random, Consumer<String> log) {
        this.access = access;
        this.log = log;
        this.retrier = new Retrier(policy, sleeper, clock, random, log);
    }

    /** A publisher with the default retry policy, real time, and real sleeps. */
    public static ReleasePublisher create(GitHubAccess access, Consumer<String> log) {
        return new ReleasePublisher(access, RetryPolicy.defaults(), Sleeper.SYSTEM, Clock.systemUTC(),
                RandomGenerator.getDefault(), log);
    }

    /** Publishes {@code artifacts} to the release of {@code options.tag()}; never throws for a GitHub failure. */
    public PublishReport publish(PublishOptions options, List<Artifact> artifacts) {
        return run(options, artifacts, false);
    }

    /**
     * What {@link #publish} would do, from reads only: for each artifact whether it would be uploaded, skipped or
     * replaced (or why it would fail), and whether the release would be created or published
     * ({@link PublishReport#notes()}). Nothing on GitHub changes.
     */
    public PublishReport dryRun(PublishOptions options, List<Artifact> artifacts) {
        return run(options, artifacts, true);
    }

    private PublishReport run(PublishOptions options, List<Artifact> artifacts, boolean dryRun) {
        List<String> refused = preflight(options, artifacts);
        if (!refused.isEmpty()) {
            return new PublishReport(refused, List.of(), Optional.empty(), false);
        }
        Run run = new Run(options, dryRun);
        try {
            return run.execute(artifacts);
        } catch (IOException e) {
            return new PublishReport(List.of("error: " + RetryPolicy.describe(e)), run.outcomes, run.releaseUrl(),
                    false, run.notes);
        }
    }

    /** The checks that need no request. */
    static List<String> preflight(PublishOptions options, List<Artifact> artifacts) {
        List<String> problems = new ArrayList<>();
        if (!options.allowVersionMismatch()) {
            for (Diagnostic d : ReleaseVersionCheck.check(options.tag(), artifacts).errors()) {
                problems.add(d.formatForFile()
                        + " (to upload it anyway: --allow-version-mismatch on the command line, allowVersionMismatch: true in"
                        + " uploadReleaseArtifact)");
            }
        }
        Set<String> names = new HashSet<>();
        for (Artifact a : artifacts) {
            if (!names.add(a.name())) {
                problems.add(a.name() + ": error: given twice; a release holds one asset per name");
            }
            if (a.size() > MAX_ASSET_BYTES) {
                problems.add(a.name() + ": error: " + a.size() + " bytes is over GitHub's limit of 2 GiB ("
                        + MAX_ASSET_BYTES + " bytes) per release asset");
            }
        }
        if (artifacts.size() > MAX_ASSETS) {
            problems.add("error: " + artifacts.size() + " files is over GitHub's limit of " + MAX_ASSETS
                    + " assets per release");
        }
        return problems;
    }

    private static String tempName(Artifact a) {
        return a.name() + ".new-" + a.sha256().substring(0, 12);
    }

    private static String backupName(RemoteAsset old) {
        return old.name() + ".old-" + old.id();
    }

    /** One publish run (or dry run): the release, and what we currently know of its assets. */
    private final class Run {
        private final PublishOptions options;
        private final boolean dryRun;
        private final RepositoryName repository;
        private final GitHubReleasesClient github = new GitHubReleasesClient(access);
        private final List<AssetOutcome> outcomes = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, RemoteAsset> byName = new LinkedHashMap<>();
        /** Empty only in a dry run that would create the release. */
        private Optional<RemoteRelease> release = Optional.empty();

        Run(PublishOptions options, boolean dryRun) {
            this.options = options;
            this.dryRun = dryRun;
            this.repository = options.repository();
        }

        Optional<String> releaseUrl() {
            return release.flatMap(RemoteRelease::htmlUrl);
        }

        PublishReport execute(List<Artifact> artifacts) throws IOException {
            retrier.call("read repository " + repository, () -> {
                github.checkRepository(repository);
                return null;
            });
            release = findRelease();
            if (release.isEmpty()) {
                if (!options.create()) {
                    return new PublishReport(List.of("error: " + repository + " has no release with tag '"
                            + options.tag() + "'; create it, or pass --create"), List.of(), Optional.empty(), false);
                }
                if (dryRun) {
                    notes.add("release " + options.tag() + ": would be created" + (options.draft() ? " as a draft" : "")
                            + (options.prerelease() ? ", marked as a pre-release" : ""));
                } else {
                    release = Optional.of(createRelease());
                }
            }
            if (release.isPresent()) {
                refresh();
            }

            long added = artifacts.stream().filter(a -> !byName.containsKey(a.name())).count();
            if (byName.size() + added > MAX_ASSETS) {
                return new PublishReport(List.of("error: the release has " + byName.size() + " assets and "
                        + added + " more would exceed GitHub's limit of " + MAX_ASSETS + " per release"),
                        List.of(), releaseUrl(), false, notes);
            }
            for (Artifact artifact : artifacts) {
                AssetOutcome outcome;
                try {
                    outcome = publishOne(artifact);
                } catch (IOException e) {
                    outcome = new AssetOutcome(artifact.name(), Result.FAILED, RetryPolicy.describe(e));
                }
                outcomes.add(outcome);
            }
            boolean draft = release.map(RemoteRelease::draft).orElse(options.draft());
            if (!options.publish() || !draft) {
                return new PublishReport(List.of(), outcomes, releaseUrl(), false, notes);
            }
            if (dryRun) {
                notes.add("release " + options.tag() + ": the draft would be published once every asset is on it");
                return new PublishReport(List.of(), outcomes, releaseUrl(), false, notes);
            }
            if (publishDraft(artifacts)) {
                return new PublishReport(List.of(), outcomes, releaseUrl(), true, notes);
            }
            return new PublishReport(List.of("error: the draft release was not published because not every asset"
                    + " is on it"), outcomes, releaseUrl(), false, notes);
        }

        private Optional<RemoteRelease> findRelease() throws IOException {
            Optional<RemoteRelease> byTag = retrier.call("find release " + options.tag(),
                    () -> github.releaseByTag(repository, options.tag()));
            if (byTag.isPresent()) {
                return byTag;
            }
            // GitHub's releases/tags/{tag} does not return drafts (a draft has no tag yet): look through the list.
            return github.findRelease(repository, r -> r.draft() && options.tag().equals(r.tag()), retrier);
        }

        private RemoteRelease createRelease() throws IOException {
            try {
                return retrier.call("create release " + options.tag(), () -> github.createRelease(repository,
                        options.tag(), options.draft(), options.prerelease()));
            } catch (GitHubHttpException e) {
                // A 422 here usually means an earlier attempt did create it and only the answer was lost.
                if (e.status() == 422) {
                    Optional<RemoteRelease> again = findRelease();
                    if (again.isPresent()) {
                        return again.get();
                    }
                }
                throw e;
            }
        }

        private void refresh() throws IOException {
            byName.clear();
            for (RemoteAsset asset : github.assets(repository, release.orElseThrow().id(), retrier)) {
                byName.put(asset.name(), asset);
            }
        }

        /** The outcome this run reports: in a dry run, what would happen. */
        private AssetOutcome outcome(String name, Result result, String detail) {
            return new AssetOutcome(name, result, detail, dryRun);
        }

        /** Decides what the artifact needs and, unless this is a dry run, does it. */
        private AssetOutcome publishOne(Artifact artifact) throws IOException {
            String name = artifact.name();
            RemoteAsset existing = byName.get(name);
            if (existing == null) {
                // A replace that stopped after moving the old asset aside leaves the verified new copy under its
                // temporary name: finish it instead of uploading again.
                RemoteAsset pending = byName.get(tempName(artifact));
                if (pending != null && pending.isUploaded() && difference(pending, artifact).isEmpty()) {
                    if (dryRun) {
                        return outcome(name, Result.UPLOADED, "by finishing an interrupted replace (" + pending.name()
                                + ")");
                    }
                    log.accept(name + ": finishing an interrupted replace (" + pending.name() + ")");
                    rename(pending, name);
                    cleanLeftovers(artifact);
                    return outcome(name, Result.UPLOADED, "");
                }
                if (dryRun) {
                    return outcome(name, Result.UPLOADED, "");
                }
                uploadFresh(artifact, name);
                cleanLeftovers(artifact);
                return outcome(name, Result.UPLOADED, "");
            }
            if (!existing.isUploaded()) {
                if (dryRun) {
                    return outcome(name, Result.UPLOADED, "after deleting the unfinished upload left on the release"
                            + " (state " + existing.state() + ")");
                }
                log.accept(name + ": deleting the unfinished upload left on the release (state " + existing.state()
                        + ")");
                delete(existing);
                uploadFresh(artifact, name);
                return outcome(name, Result.UPLOADED, "");
            }
            Optional<String> difference = difference(existing, artifact);
            if (difference.isEmpty()) {
                if (!dryRun) {
                    cleanLeftovers(artifact);
                }
                return outcome(name, Result.SKIPPED_IDENTICAL, "");
            }
            return switch (options.onExisting()) {
                case SKIP -> outcome(name, Result.SKIPPED_DIFFERENT, difference.get());
                case FAIL -> outcome(name, Result.FAILED, "already on the release with different content ("
                        + difference.get() + "); pass --on-existing replace to replace it");
                case REPLACE -> dryRun ? outcome(name, Result.REPLACED, difference.get()) : replace(existing, artifact);
            };
        }

        /**
         * Replaces {@code old} by the artifact without a moment where a failure leaves neither under the real name:
         * upload under a temporary name and verify it; move the old asset aside (rename); move the new one into
         * place (rename); delete the old one. GitHub refuses two assets of one name, so a plain "delete old, then
         * rename new" would leave nothing under the name if the rename failed; moving the old one aside first lets
         * us move it back. A crash between the renames is finished by the next run (see {@link #publishOne}).
         */
        private AssetOutcome replace(RemoteAsset old, Artifact artifact) throws IOException {
            String name = artifact.name();
            RemoteAsset fresh = uploadFresh(artifact, tempName(artifact));
            RemoteAsset aside;
            try {
                aside = rename(old, backupName(old));
            } catch (IOException e) {
                bestEffortDelete(fresh);
                return new AssetOutcome(name, Result.FAILED, "could not move the old asset aside ("
                        + RetryPolicy.describe(e) + "); the old asset is still on the release");
            }
            try {
                rename(fresh, name);
            } catch (IOException e) {
                try {
                    rename(aside, name);
                } catch (IOException rollback) {
                    return new AssetOutcome(name, Result.FAILED, "could not rename the new asset into place ("
                            + RetryPolicy.describe(e) + ") nor the old one back (" + RetryPolicy.describe(rollback)
                            + "); the old copy is '" + aside.name() + "' and the new one '" + fresh.name()
                            + "'; re-run to finish");
                }
                bestEffortDelete(byName.get(fresh.name()));
                return new AssetOutcome(name, Result.FAILED, "could not rename the new asset into place ("
                        + RetryPolicy.describe(e) + "); the old asset is back under its name");
            }
            try {
                delete(aside);
            } catch (IOException e) {
                return new AssetOutcome(name, Result.REPLACED, "the old copy is left as '" + aside.name() + "' ("
                        + RetryPolicy.describe(e) + ")");
            }
            return new AssetOutcome(name, Result.REPLACED, "");
        }

        /**
         * Uploads the artifact as {@code assetName}, which holds no uploaded asset of other content. After a failed
         * attempt it re-reads the release: an upload whose answer was lost is accepted when it verifies, a
         * {@code starter} left behind is deleted, and then it tries again.
         */
        private RemoteAsset uploadFresh(Artifact artifact, String assetName) throws IOException {
            Retrier.Attempts attempts = retrier.start("upload " + assetName);
            while (true) {
                RemoteAsset present = byName.get(assetName);
                if (present != null) {
                    if (present.isUploaded() && difference(present, artifact).isEmpty()) {
                        return present;
                    }
                    if (present.isUploaded() && assetName.equals(artifact.name())) {
                        throw new IOException("another upload of " + assetName + " with different content appeared"
                                + " on the release meanwhile (" + difference(present, artifact).get() + ")");
                    }
                    log.accept(assetName + ": deleting the " + (present.isUploaded() ? "stale" : "unfinished")
                            + " asset left on the release (state " + present.state() + ")");
                    delete(present);
                }
                if (!Files.isRegularFile(artifact.path())) {
                    throw new IOException("cannot read " + artifact.path());
                }
                RemoteAsset uploaded;
                try {
                    uploaded = github.upload(release.orElseThrow().uploadUrl(), artifact.path(), assetName,
                            artifact.contentType(), artifact.label());
                } catch (GitHubHttpException e) {
                    if (e.status() == 422 && e.errorCodes().contains("already_exists")) {
                        // Someone (or our own lost attempt) created it meanwhile: look again, then decide.
                        attempts.repeatNow(e);
                    } else {
                        attempts.failed(e);
                    }
                    refresh();
                    continue;
                } catch (IOException e) {
                    attempts.failed(e);
                    refresh();
                    continue;
                }
                byName.put(uploaded.name(), uploaded);
                Optional<String> wrong = uploaded.isUploaded() ? difference(uploaded, artifact)
                        : Optional.of("state " + uploaded.state());
                if (wrong.isPresent()) {
                    delete(uploaded);
                    throw new IOException("the uploaded asset " + assetName + " does not match the file ("
                            + wrong.get() + "); it was deleted");
                }
                return uploaded;
            }
        }

        private RemoteAsset rename(RemoteAsset asset, String newName) throws IOException {
            RemoteAsset renamed = retrier.call("rename " + asset.name() + " to " + newName,
                    () -> github.rename(repository, asset.id(), newName));
            byName.remove(asset.name());
            byName.put(renamed.name(), renamed);
            return renamed;
        }

        private void delete(RemoteAsset asset) throws IOException {
            retrier.call("delete " + asset.name(), () -> {
                github.delete(repository, asset.id(), asset.name());
                return null;
            });
            byName.remove(asset.name());
        }

        private void bestEffortDelete(RemoteAsset asset) {
            if (asset == null) {
                return;
            }
            try {
                delete(asset);
            } catch (IOException e) {
                log.accept(asset.name() + ": could not delete (" + RetryPolicy.describe(e) + ")");
            }
        }

        /** Deletes copies a previous interrupted replace of this artifact left behind. */
        private void cleanLeftovers(Artifact artifact) {
            for (RemoteAsset asset : List.copyOf(byName.values())) {
                String n = asset.name();
                if (n.startsWith(artifact.name() + ".old-") || n.startsWith(artifact.name() + ".new-")) {
                    log.accept(artifact.name() + ": deleting '" + n + "' left by an interrupted replace");
                    bestEffortDelete(asset);
                }
            }
        }

        private boolean publishDraft(List<Artifact> artifacts) throws IOException {
            if (!outcomes.stream().allMatch(AssetOutcome::onRelease)) {
                return false;
            }
            refresh();
            for (Artifact artifact : artifacts) {
                RemoteAsset asset = byName.get(artifact.name());
                boolean skippedDifferent = outcomes.stream().anyMatch(o -> o.name().equals(artifact.name())
                        && o.result() == Result.SKIPPED_DIFFERENT);
                if (asset == null || !asset.isUploaded()
                        || (!skippedDifferent && difference(asset, artifact).isPresent())) {
                    return false;
                }
            }
            RemoteRelease draft = release.orElseThrow();
            release = Optional.of(retrier.call("publish release " + options.tag(), () -> github.updateRelease(
                    repository, draft, false, options.prerelease() || draft.prerelease())));
            return true;
        }
    }

    /** How the asset differs from the file, or empty when they match (digest when GitHub has one, size always). */
    static Optional<String> difference(RemoteAsset asset, Artifact artifact) {
        if (asset.size() != artifact.size()) {
            return Optional.of("size " + asset.size() + " on the release, " + artifact.size() + " locally");
        }
        if (asset.digest().isPresent() && !asset.digest().get().equalsIgnoreCase(artifact.digest())) {
            return Optional.of("digest " + asset.digest().get() + " on the release, " + artifact.digest()
                    + " locally");
        }
        return Optional.empty();
    }
}
