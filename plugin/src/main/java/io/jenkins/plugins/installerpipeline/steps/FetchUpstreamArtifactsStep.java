package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.installerpipeline.artifact.HandOff;
import io.jenkins.plugins.installerpipeline.artifact.HandedArtifact;
import io.jenkins.plugins.installerpipeline.jenkins.ArchivedArtifact;
import io.jenkins.plugins.installerpipeline.jenkins.BuildConsole;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerArtifactsAction;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jenkins.util.VirtualFile;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code fetchUpstreamArtifacts}: copies the artifacts the package build handed this installer build (its
 * {@code INSTALLER_ARTIFACTS}), or the archived artifacts of a dependency build (the Pi build's Debian build), into
 * the workspace at their archived paths, and verifies each one's SHA-256 on the agent before returning. A mismatch
 * deletes the file and fails naming it and both checksums. Replaces
 * {@code buildkite-agent artifact download --build $LE_TRIGGERED_FROM_BUILD_ID}.
 */
public final class FetchUpstreamArtifactsStep extends Step {

    /** {@code from} value for the triggering build. */
    public static final String UPSTREAM = "upstream";

    private String includes = "";
    private String from = UPSTREAM;

    @DataBoundConstructor
    public FetchUpstreamArtifactsStep() {
        // both arguments are optional
    }

    public String getIncludes() {
        return includes;
    }

    /** Comma-separated patterns matched against each artifact's path and name; blank = every handed artifact. */
    @DataBoundSetter
    public void setIncludes(String includes) {
        this.includes = Util.fixNull(includes).trim();
    }

    public String getFrom() {
        return from;
    }

    /** {@code upstream} (default) or the trigger key of a dependency ({@code kolibri-debian}). */
    @DataBoundSetter
    public void setFrom(String from) {
        String v = Util.fixEmptyAndTrim(from);
        this.from = v == null ? UPSTREAM : v;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, includes, from);
    }

    /** Copies and verifies on the step thread pool. */
    static final class Execution extends SynchronousNonBlockingStepExecution<List<Map<String, Object>>> {
        private static final long serialVersionUID = 1L;
        private final String includes;
        private final String from;

        Execution(StepContext context, String includes, String from) {
            super(context);
            this.includes = includes;
            this.from = from;
        }

        @Override
        protected List<Map<String, Object>> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            FilePath workspace = getContext().get(FilePath.class);
            InstallerMetadataAction metadata = InstallerMetadataAction.of(run).orElseThrow(() -> new AbortException(
                    "fetchUpstreamArtifacts: " + HandOff.noUpstreamMessage(run.getParent().getFullName())));

            Run<?, ?> source;
            List<HandedArtifact> available;
            if (UPSTREAM.equals(from)) {
                source = find(metadata.getUpstreamBuildId(), "the upstream build");
                HandOff.Parsed parsed = HandOff.parse(metadata.getArtifactsJson());
                if (parsed.problem().isPresent()) {
                    throw new AbortException("fetchUpstreamArtifacts: " + parsed.problem().get());
                }
                available = parsed.artifacts();
            } else {
                String id = metadata.getDependencyBuilds().get(from);
                if (id == null) {
                    throw new AbortException("fetchUpstreamArtifacts: " + HandOff.unknownDependencyMessage(from,
                            List.copyOf(metadata.getDependencyBuilds().keySet())));
                }
                source = find(id, "the " + from + " build");
                if (source.isBuilding()) {
                    throw new AbortException("fetchUpstreamArtifacts: " + source.getFullDisplayName()
                            + " has not finished yet; its artifacts can be fetched once it has");
                }
                available = dependencyArtifacts(metadata, id, source);
            }
            if (!source.hasPermission(Run.ARTIFACTS)) {
                throw new AbortException("fetchUpstreamArtifacts: this build may not read the artifacts of "
                        + source.getFullDisplayName());
            }
            String what = source.getFullDisplayName();
            HandOff.Selection selection = HandOff.select(available, includes);
            if (!selection.unmatched().isEmpty()) {
                throw new AbortException("fetchUpstreamArtifacts: " + HandOff.unmatchedMessage(selection.unmatched(),
                        available, what));
            }
            if (selection.artifacts().isEmpty()) {
                throw new AbortException("fetchUpstreamArtifacts: " + what + " handed over no artifacts");
            }
            VirtualFile root = source.getArtifactManager().root();
            List<Map<String, Object>> fetched = new ArrayList<>();
            for (HandedArtifact a : selection.artifacts()) {
                Run<?, ?> holder = source;
                VirtualFile file = root.child(a.path());
                if (!file.isFile() && UPSTREAM.equals(from)) {
                    // The metadata of a build that waited for another (the Pi image for Debian) also hands over that
                    // build's artifacts (the .deb); those are archived there, not in the package build. The
                    // checksum below still proves it is the file the orchestration described.
                    for (String id : metadata.getDependencyBuilds().values()) {
                        Run<?, ?> dependency = find(id, "the dependency build");
                        VirtualFile candidate = dependency.getArtifactManager().root().child(a.path());
                        if (candidate.isFile() && dependency.hasPermission(Run.ARTIFACTS)) {
                            holder = dependency;
                            file = candidate;
                            break;
                        }
                    }
                }
                if (!file.isFile()) {
                    throw new AbortException("fetchUpstreamArtifacts: " + a.path() + " is not among the archived"
                            + " artifacts of " + what
                            + (metadata.getDependencyBuilds().isEmpty() ? "" : " or of the builds it waited for"));
                }
                FilePath target = workspace.child(a.path());
                try (InputStream in = file.open()) {
                    target.copyFrom(in);
                }
                String[] actual = target.act(new FileChecksum());
                Optional<String> mismatch = HandOff.verify(a, Long.parseLong(actual[0]), actual[1]);
                if (mismatch.isPresent()) {
                    target.delete();
                    throw new AbortException("fetchUpstreamArtifacts: " + mismatch.get() + " (copied from "
                            + holder.getFullDisplayName() + "; the file was deleted)");
                }
                listener.getLogger().println("fetchUpstreamArtifacts: " + a.path() + " from "
                        + BuildConsole.link(holder) + " (" + a.size() + " bytes, SHA-256 " + a.sha256()
                        + " verified)");
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", a.name());
                m.put("path", a.path());
                m.put("size", a.size());
                m.put("sha256", a.sha256());
                fetched.add(m);
            }
            return fetched;
        }

        private static Run<?, ?> find(String id, String what) throws AbortException {
            Run<?, ?> r;
            try {
                r = Run.fromExternalizableId(id);
            } catch (IllegalArgumentException e) {
                r = null;
            }
            if (r == null) {
                throw new AbortException("fetchUpstreamArtifacts: " + what + " " + id
                        + " no longer exists or this build may not see it");
            }
            return r;
        }

        /**
         * A dependency's artifacts with their checksums: those the metadata lists for that build (a release: the
         * Debian build had finished when the Pi build was triggered), else the upstream's fan-in record made when
         * the dependency finished, else hashed now (the copy is then verified against the archive as it is).
         */
        private static List<HandedArtifact> dependencyArtifacts(InstallerMetadataAction metadata, String id,
                Run<?, ?> dependency) throws java.io.IOException {
            Optional<InstallerArtifactsAction.Child> recorded = Optional.ofNullable(
                    Run.fromExternalizableId(metadata.getUpstreamBuildId()))
                    .map(u -> u.getAction(InstallerArtifactsAction.class))
                    .flatMap(record -> record.find(id));
            List<ArchivedArtifact> archived = recorded.isPresent() ? recorded.get().getArtifacts()
                    : ArchivedArtifact.describe(dependency);
            Map<String, HandedArtifact> handed = new LinkedHashMap<>();
            HandOff.parse(metadata.getArtifactsJson()).artifacts().forEach(a -> handed.put(a.name(), a));
            List<HandedArtifact> out = new ArrayList<>();
            for (ArchivedArtifact a : archived) {
                HandedArtifact fromMetadata = handed.get(a.getName());
                // The metadata's checksum, when it names this file, is the one the orchestration promised.
                out.add(fromMetadata != null && fromMetadata.path().equals(a.getPath())
                        ? fromMetadata : a.toHanded(dependency));
            }
            return out;
        }
    }

    /** Registers {@code fetchUpstreamArtifacts}. */
    @Extension
    @Symbol("fetchUpstreamArtifacts")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "fetchUpstreamArtifacts";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Fetch the artifacts the package build handed over, verifying their SHA-256";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }
    }
}
