package io.jenkins.plugins.installerpipeline.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.Objects;
import hudson.scm.SCM;
import io.jenkins.plugins.installerpipeline.definition.DefinitionFile;
import io.jenkins.plugins.installerpipeline.definition.ReadLimits;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.model.Jenkins;
import jenkins.scm.api.SCMFile;
import jenkins.scm.api.SCMFileSystem;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.SCMRevisionAction;
import jenkins.scm.api.SCMSource;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Reads a pipeline definition file for a build, as Jenkins reads a Jenkinsfile (workflow-multibranch's
 * {@code readTrusted}, {@code SCMSource.getTrustedRevision}): a definition decides which jobs start and with what
 * environment, so a build of a revision its source does not trust (a pull request from a fork) never reads it from
 * its own checkout. For such a build the file is read from the trusted revision (the pull request's target), and the
 * step fails if the pull request changes it. Otherwise the file comes from the workspace when the step runs inside
 * {@code node} (a definition the build generated counts), else from the build's revision, so that
 * {@code triggerInstallers} can run outside {@code node} and hold no executor. A revision is read through the SCM's
 * lightweight file access (GitHub's API), or, for an SCM without one, from a checkout into a temporary directory on
 * the controller, deleted afterwards (as {@code readTrusted} falls back to a checkout).
 */
final class DefinitionSource {

    /** The file's text, and where it came from, for the console. */
    record Read(String text, String origin) {}

    private DefinitionSource() {}

    static Read read(@NonNull StepContext context, @NonNull String path, @NonNull String step)
            throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        Job<?, ?> job = run.getParent();
        SCMSource source = SCMSource.SourceByItem.findSource(job);
        SCMHead head = SCMHead.HeadByItem.findHead(job);
        if (source != null && head != null) {
            Scm scm = new Scm(source, head, run, listener, step);
            SCMRevision tip = SCMRevisionAction.getRevision(source, run);
            if (tip == null) {
                tip = source.fetch(head, listener);
            }
            if (tip == null) {
                throw new AbortException(step + ": cannot tell which revision of " + head.getName() + " this build is"
                        + " for, so " + path + " cannot be read safely");
            }
            SCMRevision trusted = source.getTrustedRevision(tip, listener);
            if (!trusted.equals(tip)) {
                return untrusted(scm, tip, trusted, path);
            }
            if (workspace == null) {
                String text = scm.read(tip, path);
                if (text == null) {
                    throw new AbortException(step + ": " + path + ": no such file in " + describe(tip));
                }
                return new Read(text, describe(tip));
            }
        }
        if (workspace == null) {
            throw new AbortException(step + ": reading " + path + " needs a workspace: call it inside node (or in a"
                    + " multibranch project, where it is read from the build's revision without one)");
        }
        FilePath file = workspace.child(path);
        if (!file.exists()) {
            throw new AbortException(step + ": " + path + ": no such file in the workspace " + workspace.getRemote());
        }
        if (file.isDirectory()) {
            throw new AbortException(step + ": " + path + " is a directory in the workspace " + workspace.getRemote());
        }
        try (InputStream in = file.read()) {
            return new Read(bounded(in, path, step), "the workspace");
        }
    }

    /**
     * The text of a definition, read only up to the engine's size limit (one byte past it tells a larger file):
     * a file of any size from a workspace or a pull request must not fill the controller's memory.
     */
    static String bounded(InputStream in, String path, String step) throws IOException {
        try {
            return DefinitionFile.read(in, path, ReadLimits.DEFAULT);
        } catch (DefinitionFile.TooLargeException e) {
            throw new AbortException(step + ": " + path + ": " + e.getReason() + ", which a pipeline definition may"
                    + " not exceed");
        } catch (CharacterCodingException e) {
            throw new AbortException(step + ": " + path + ": not UTF-8 text");
        }
    }

    /** A revision its source does not trust: the trusted revision's file, if the build's revision has the same. */
    private static Read untrusted(Scm scm, SCMRevision tip, SCMRevision trusted, String path)
            throws IOException, InterruptedException {
        String proposed = scm.read(tip, path);
        String used = scm.read(trusted, path);
        String step = scm.step();
        String head = scm.head().getName();
        if (used == null) {
            throw new AbortException(step + ": " + path + ": no such file in the trusted revision " + describe(trusted)
                    + ", which is what a build of " + head + " (not trusted) reads");
        }
        if (!Objects.equals(proposed, used)) {
            throw new AbortException(step + ": " + head + " changes " + path + ", and its author is not"
                    + " trusted, so the change is not used: a pull request that is not trusted cannot change which"
                    + " jobs start or what they are given. The file of the trusted revision is used only when the"
                    + " pull request leaves it as it is; a maintainer can push the change to a branch of the"
                    + " repository, or the source's trust settings can trust the author");
        }
        return new Read(used, "the trusted revision " + describe(trusted) + " (" + head + " is not trusted;"
                + " it does not change the file)");
    }

    /** Reading single files of revisions of a build's SCM source. */
    private record Scm(SCMSource source, SCMHead head, Run<?, ?> run, TaskListener listener, String step) {

        /** The file at a revision, or null when it does not exist there. */
        @CheckForNull
        String read(SCMRevision revision, String path) throws IOException, InterruptedException {
            try (SCMFileSystem fs = SCMFileSystem.of(source, head, revision)) {
                if (fs != null) {
                    SCMFile file = fs.child(path);
                    if (!file.isFile()) {
                        return null;
                    }
                    try (InputStream in = file.content()) {
                        return bounded(in, path, step);
                    }
                }
            }
            return checkout(revision, path);
        }

        /** For an SCM without lightweight file access: a checkout on the controller, deleted afterwards. */
        @CheckForNull
        private String checkout(SCMRevision revision, String path) throws IOException, InterruptedException {
            SCM scm = source.build(head, revision);
            FilePath dir = new FilePath(Files.createTempDirectory("installer-definition").toFile());
            // Some SCMs write a change log unconditionally (a null file is allowed by the API, not by all of them).
            Path changelog = Files.createTempFile("installer-definition", ".changelog");
            try {
                listener.getLogger().println(step + ": checking out " + describe(revision) + " to read " + path);
                scm.checkout(run, Jenkins.get().createLauncher(listener), dir, listener, changelog.toFile(), null);
                FilePath file = dir.child(path);
                Path real = Path.of(file.getRemote()).toRealPath();
                if (!real.startsWith(Path.of(dir.getRemote()).toRealPath())) {
                    throw new AbortException(step + ": " + path + " leads outside the checkout of " + describe(revision));
                }
                if (!file.exists() || file.isDirectory()) {
                    return null;
                }
                try (InputStream in = file.read()) {
                    return bounded(in, path, step);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                return null;
            } finally {
                dir.deleteRecursive();
                Files.deleteIfExists(changelog);
            }
        }
    }

    private static String describe(SCMRevision revision) {
        return revision.getHead().getName() + " at " + revision;
    }
}
