package io.jenkins.plugins.installerpipeline.steps;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.installerpipeline.github.GitHubSources;
import io.jenkins.plugins.installerpipeline.github.GitHubToken;
import io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction;
import io.jenkins.plugins.installerpipeline.jenkins.JenkinsBuildFacts;
import io.jenkins.plugins.installerpipeline.jenkins.ReleaseAssetsAction;
import io.jenkins.plugins.installerpipeline.release.OnExisting;
import io.jenkins.plugins.installerpipeline.release.Redaction;
import io.jenkins.plugins.installerpipeline.release.ReleaseTarget;
import io.jenkins.plugins.installerpipeline.release.RepositoryName;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code uploadReleaseArtifact}: publishes files of the workspace (and, with {@code fromInstallers}, every finished
 * installer build's artifacts) to the GitHub Release of the build's tag, through the engine's
 * {@code ReleasePublisher}, running on the agent that holds the files. Not a release build (no tag): one console
 * line, nothing uploaded, success. Records each asset on the build page ({@link ReleaseAssetsAction}) and returns
 * them as a list of maps ({@code name}, {@code size}, {@code sha256}, {@code url}, {@code result}).
 */
public final class UploadReleaseArtifactStep extends Step {

    private String files = "";
    private String credentialsId = "";
    private String repository = "";
    private String tag = "";
    private String apiUrl = "";
    private boolean createRelease;
    private boolean draft;
    private boolean publish;
    private boolean prerelease;
    private String onExisting = "fail";
    private boolean allowVersionMismatch;
    private boolean fromInstallers;

    @DataBoundConstructor
    public UploadReleaseArtifactStep() {
        // every argument is optional or checked when the step runs, so the Snippet Generator can start empty
    }

    public String getFiles() {
        return files;
    }

    /** Comma-separated Ant patterns relative to the workspace ({@code dist/*.whl, dist/*.tar.gz}). */
    @DataBoundSetter
    public void setFiles(String files) {
        this.files = Util.fixNull(files).trim();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixNull(credentialsId).trim();
    }

    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = Util.fixNull(repository).trim();
    }

    public String getTag() {
        return tag;
    }

    @DataBoundSetter
    public void setTag(String tag) {
        this.tag = Util.fixNull(tag).trim();
    }

    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = Util.fixNull(apiUrl).trim();
    }

    public boolean isCreateRelease() {
        return createRelease;
    }

    @DataBoundSetter
    public void setCreateRelease(boolean createRelease) {
        this.createRelease = createRelease;
    }

    public boolean isDraft() {
        return draft;
    }

    @DataBoundSetter
    public void setDraft(boolean draft) {
        this.draft = draft;
    }

    public boolean isPublish() {
        return publish;
    }

    @DataBoundSetter
    public void setPublish(boolean publish) {
        this.publish = publish;
    }

    public boolean isPrerelease() {
        return prerelease;
    }

    @DataBoundSetter
    public void setPrerelease(boolean prerelease) {
        this.prerelease = prerelease;
    }

    public String getOnExisting() {
        return onExisting;
    }

    /** {@code skip}, {@code replace} or {@code fail} (the default); checked when the step runs. */
    @DataBoundSetter
    public void setOnExisting(String onExisting) {
        String v = Util.fixEmptyAndTrim(onExisting);
        this.onExisting = v == null ? "fail" : v.toLowerCase(Locale.ROOT);
    }

    public boolean isAllowVersionMismatch() {
        return allowVersionMismatch;
    }

    @DataBoundSetter
    public void setAllowVersionMismatch(boolean allowVersionMismatch) {
        this.allowVersionMismatch = allowVersionMismatch;
    }

    public boolean isFromInstallers() {
        return fromInstallers;
    }

    @DataBoundSetter
    public void setFromInstallers(boolean fromInstallers) {
        this.fromInstallers = fromInstallers;
    }

    /** The {@code onExisting} mode, or empty for a value the engine does not know. */
    static Optional<OnExisting> onExistingMode(String value) {
        try {
            return Optional.of(OnExisting.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /**
     * Uploads on the step thread pool. A restart during an upload fails the step (as for any synchronous step);
     * running it again is safe: identical assets are skipped.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<List<Map<String, Object>>> {
        private static final long serialVersionUID = 1L;
        private final transient UploadReleaseArtifactStep step;

        Execution(StepContext context, UploadReleaseArtifactStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected List<Map<String, Object>> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            FilePath workspace = getContext().get(FilePath.class);
            PrintStream log = listener.getLogger();

            Optional<String> buildTag = JenkinsBuildFacts.contextOf(getContext()).tag();
            Optional<ReleaseTarget.Source> upstream = InstallerMetadataAction.of(run)
                    .flatMap(m -> GitHubSources.job(m.getUpstreamJob()))
                    .flatMap(GitHubSources::sourceOf);
            ReleaseTarget.Resolution resolution = ReleaseTarget.resolve(step.tag, step.repository, step.apiUrl,
                    buildTag, GitHubSources.sourceOf(run.getParent()), upstream);
            ReleaseTarget target;
            if (resolution instanceof ReleaseTarget.NotARelease notARelease) {
                log.println("uploadReleaseArtifact: " + notARelease.message());
                return List.of();
            } else if (resolution instanceof ReleaseTarget.Invalid invalid) {
                throw new AbortException("uploadReleaseArtifact: " + invalid.message());
            } else {
                target = ((ReleaseTarget.Resolved) resolution).target();
            }
            OnExisting mode = onExistingMode(step.onExisting).orElseThrow(() -> new AbortException(
                    "uploadReleaseArtifact: onExisting '" + step.onExisting + "' is not skip, replace or fail"));
            if (step.files.isEmpty() && !step.fromInstallers) {
                throw new AbortException("uploadReleaseArtifact: say which files to upload (files: 'dist/*.whl'),"
                        + " or pass fromInstallers: true");
            }
            if (step.credentialsId.isEmpty()) {
                throw new AbortException("uploadReleaseArtifact: credentialsId is required (Secret text, Username"
                        + " with password, or GitHub App credentials allowed to write releases of "
                        + target.repository() + ")");
            }
            String token = GitHubToken.forRun(step.credentialsId, run);

            InstallerFanIn.Prepared installers = step.fromInstallers
                    ? InstallerFanIn.prepare(run, workspace, listener)
                    : new InstallerFanIn.Prepared(List.of(), Map.of());
            log.println("uploadReleaseArtifact: publishing to " + target.repository() + " release " + target.tag()
                    + " (" + target.apiUrl() + ")");
            ReleaseUpload.Outcome outcome;
            try {
                outcome = workspace.act(new ReleaseUpload(step.files, installers.files(),
                        installers.expectedSha256(), target, step.createRelease, step.draft, step.publish,
                        step.prerelease, mode, step.allowVersionMismatch, token, listener));
            } catch (IOException e) {
                throw new AbortException("uploadReleaseArtifact: " + Redaction.mask(String.valueOf(e), token));
            }

            List<ReleaseAssetsAction.Asset> recorded = new ArrayList<>();
            List<Map<String, Object>> value = new ArrayList<>();
            int failed = 0;
            for (ReleaseUpload.AssetLine a : outcome.assets) {
                log.println(a.line + " (" + a.size + " bytes, SHA-256 " + a.sha256 + ")"
                        + (a.url.isEmpty() ? "" : " " + a.url));
                recorded.add(new ReleaseAssetsAction.Asset(target.repository().toString(), target.tag(), a.name,
                        a.size, a.sha256, a.url, a.result, a.detail));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", a.name);
                m.put("size", a.size);
                m.put("sha256", a.sha256);
                m.put("url", a.url);
                m.put("result", a.result);
                value.add(m);
                if (a.failed) {
                    failed++;
                }
            }
            if (!recorded.isEmpty()) {
                ReleaseAssetsAction.getOrCreate(run).addAll(recorded);
                run.save();
            }
            for (String problem : outcome.problems) {
                log.println(problem);
            }
            if (!outcome.succeeded) {
                throw new AbortException("uploadReleaseArtifact: " + (failed > 0
                        ? failed + " of " + outcome.assets.size() + " assets not on the release"
                        : outcome.problems.isEmpty() ? "failed" : outcome.problems.get(0)));
            }
            if (!outcome.releaseUrl.isEmpty()) {
                log.println("uploadReleaseArtifact: " + outcome.releaseUrl);
            }
            return value;
        }
    }

    /** Registers {@code uploadReleaseArtifact}. */
    @Extension
    @Symbol("uploadReleaseArtifact")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "uploadReleaseArtifact";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Upload release artifacts to the GitHub Release of the build's tag";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }

        /** Credentials the job may use: Secret text, Username with password, GitHub App. */
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (item == null || !item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(
                    com.cloudbees.plugins.credentials.CredentialsProvider.USE_ITEM)) {
                return result.includeCurrentValue(credentialsId);
            }
            return result.includeEmptyValue()
                    .includeAs(ACL.SYSTEM2, item, StandardCredentials.class, List.of())
                    .includeCurrentValue(credentialsId);
        }

        public FormValidation doCheckRepository(@QueryParameter String value) {
            String v = Util.fixEmptyAndTrim(value);
            if (v != null && RepositoryName.parse(v).isEmpty()) {
                return FormValidation.error("Give OWNER/NAME, such as learningequality/kolibri");
            }
            return FormValidation.ok();
        }

        public FormValidation doCheckOnExisting(@QueryParameter String value) {
            String v = Util.fixEmptyAndTrim(value);
            if (v != null && onExistingMode(v).isEmpty()) {
                return FormValidation.error("One of skip, replace, fail");
            }
            return FormValidation.ok();
        }

        public ListBoxModel doFillOnExistingItems() {
            ListBoxModel m = new ListBoxModel();
            m.add("fail: stop on an asset that differs", "fail");
            m.add("skip: leave a differing asset as it is", "skip");
            m.add("replace: replace a differing asset", "replace");
            return m;
        }
    }
}
