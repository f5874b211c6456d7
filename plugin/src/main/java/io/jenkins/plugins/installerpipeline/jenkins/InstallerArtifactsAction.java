package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fan-in on the upstream (package) build: every finished installer build's archived artifacts with size and SHA-256,
 * so one page lists all installers of a commit (as Buildkite's {@code artifact upload --job} did). Filled by
 * {@link InstallerArtifactsRecorder} when a child build finishes; read by {@code uploadReleaseArtifact(fromInstallers:
 * true)} and by the GitHub checks. Plain data only.
 */
public final class InstallerArtifactsAction extends BuildRecord {

    private final List<Child> children = new ArrayList<>();

    /** One finished installer build and its artifacts. */
    public static final class Child {
        private final String triggerKey;
        private final String jobFullName;
        private final int number;
        private final List<ArchivedArtifact> artifacts;

        public Child(@NonNull String triggerKey, @NonNull String jobFullName, int number,
                @NonNull List<ArchivedArtifact> artifacts) {
            this.triggerKey = Objects.requireNonNull(triggerKey);
            this.jobFullName = Objects.requireNonNull(jobFullName);
            this.number = number;
            this.artifacts = new ArrayList<>(artifacts);
        }

        public String getTriggerKey() {
            return triggerKey;
        }

        public String getJobFullName() {
            return jobFullName;
        }

        public int getNumber() {
            return number;
        }

        /** {@code fullName#number}. */
        public String getExternalizableId() {
            return jobFullName + '#' + number;
        }

        public List<ArchivedArtifact> getArtifacts() {
            return Collections.unmodifiableList(artifacts);
        }

        /** For Jelly: the build's URL relative to the context path. */
        public String getUrl() {
            StringBuilder url = new StringBuilder();
            for (String segment : jobFullName.split("/")) {
                url.append("job/").append(hudson.Util.rawEncode(segment)).append('/');
            }
            return url.append(number).append('/').toString();
        }
    }

    /** The record of a build, created and attached (not yet saved) if it has none. */
    public static @NonNull InstallerArtifactsAction getOrCreate(@NonNull Run<?, ?> run) {
        return attachedTo(run, InstallerArtifactsAction.class, InstallerArtifactsAction::new);
    }

    /** Records (or, for the same build, replaces) a child's artifacts. Call {@link #save()} afterwards. */
    public synchronized void record(@NonNull Child child) {
        children.removeIf(c -> c.getExternalizableId().equals(child.getExternalizableId()));
        children.add(child);
    }

    /** A snapshot of every recorded child, in the order they finished. */
    public synchronized List<Child> getChildren() {
        return List.copyOf(children);
    }

    /** The record of one build, if it has been made. */
    public synchronized Optional<Child> find(@NonNull String externalizableId) {
        return children.stream().filter(c -> c.getExternalizableId().equals(externalizableId)).findFirst();
    }


    @Override
    public @CheckForNull String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Installer artifacts";
    }

    @Override
    public @CheckForNull String getUrlName() {
        return null;
    }
}
