package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The release assets {@code uploadReleaseArtifact} brought onto GitHub Releases in this build, shown on the build
 * page: name, size, SHA-256, link and what happened (uploaded, skipped, replaced, error). Plain data only; one entry
 * per asset per call, in order.
 */
public final class ReleaseAssetsAction extends BuildRecord {

    private final List<Asset> assets = new ArrayList<>();

    /** One asset and what happened to it. */
    public static final class Asset {
        private final String repository;
        private final String tag;
        private final String name;
        private final long size;
        private final String sha256;
        private final String url;
        private final String result;
        private final String detail;

        /**
         * @param repository {@code OWNER/NAME}
         * @param tag        the release tag
         * @param name       the asset name
         * @param size       bytes
         * @param sha256     lower-case hex
         * @param url        the asset's download link (empty when unknown)
         * @param result     {@code uploaded}, {@code skipped (identical)}, {@code skipped (differs)},
         *                   {@code replaced} or {@code error}
         * @param detail     the error or difference; empty otherwise
         */
        public Asset(@NonNull String repository, @NonNull String tag, @NonNull String name, long size,
                @NonNull String sha256, @NonNull String url, @NonNull String result, @NonNull String detail) {
            this.repository = Objects.requireNonNull(repository);
            this.tag = Objects.requireNonNull(tag);
            this.name = Objects.requireNonNull(name);
            this.size = size;
            this.sha256 = Objects.requireNonNull(sha256);
            this.url = Objects.requireNonNull(url);
            this.result = Objects.requireNonNull(result);
            this.detail = Objects.requireNonNull(detail);
        }

        public String getRepository() {
            return repository;
        }

        public String getTag() {
            return tag;
        }

        public String getName() {
            return name;
        }

        public long getSize() {
            return size;
        }

        public String getSha256() {
            return sha256;
        }

        public String getUrl() {
            return url;
        }

        public String getResult() {
            return result;
        }

        public String getDetail() {
            return detail;
        }
    }

    /** The record of a build, created and attached (not yet saved) if it has none. */
    public static @NonNull ReleaseAssetsAction getOrCreate(@NonNull Run<?, ?> run) {
        return attachedTo(run, ReleaseAssetsAction.class, ReleaseAssetsAction::new);
    }

    /** Adds the assets of one upload. Save the run afterwards. */
    public synchronized void addAll(@NonNull List<Asset> more) {
        assets.addAll(more);
    }

    public synchronized List<Asset> getAssets() {
        return List.copyOf(assets);
    }

    @Override
    public @CheckForNull String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Release assets";
    }

    @Override
    public @CheckForNull String getUrlName() {
        return null;
    }
}
