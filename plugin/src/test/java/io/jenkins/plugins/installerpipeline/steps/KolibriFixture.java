package io.jenkins.plugins.installerpipeline.steps;

import hudson.model.ParametersDefinitionProperty;
import hudson.model.StringParameterDefinition;
import io.jenkins.plugins.installerpipeline.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockFolder;

/**
 * A folder {@code ci} with the Kolibri package job and the five installer jobs, each driven by the shipped example
 * definition ({@code examples/kolibri/*.yml}) written into its workspace. Sandboxed Pipeline scripts.
 */
final class KolibriFixture {

    /** The installer pipelines of {@code examples/kolibri/package.yml}, by slug. */
    static final List<String> INSTALLERS = List.of("kolibri-android-installer", "kolibri-debian", "kolibri-windows",
            "kolibri-macos", "kolibri-raspbian-image");

    static final String DEB = "kolibri_0.18.0-0ubuntu1_all.deb";

    final MockFolder folder;
    final WorkflowJob kolibri;

    KolibriFixture(JenkinsRule r) throws Exception {
        this(r, false);
    }

    /** @param fetchDeb whether the Pi image's script fetches the Debian build's {@code .deb} */
    KolibriFixture(JenkinsRule r, boolean fetchDeb) throws Exception {
        r.jenkins.setNumExecutors(6);
        folder = r.createFolder("ci");
        kolibri = folder.createProject(WorkflowJob.class, "kolibri");
        // A tag build is a build with TAG_NAME, as a multibranch tag job sets it.
        kolibri.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("TAG_NAME", "")));
        write(r, kolibri, ".buildkite/pipeline.yml", example("package.yml"));
        kolibri.setDefinition(new CpsFlowDefinition(String.join("\n",
                "node {",
                "  writeFile file: 'dist/kolibri-0.18.0-py2.py3-none-any.whl', text: 'wheel'",
                "  archiveArtifacts 'dist/*'",
                "  def plan = readPipelineDefinition(file: '.buildkite/pipeline.yml')",
                "  for (s in plan.steps) {",
                "    if (s.trigger == 'kolibri-android-installer') {",
                "      echo \"PLAN LE_KOLIBRI_RELEASE=${s.build.env.LE_KOLIBRI_RELEASE} LE_TRIGGERED_FROM_BUILD_ID=${s.build.env.LE_TRIGGERED_FROM_BUILD_ID}\"",
                "    }",
                "  }",
                "  triggerInstallers definition: '.buildkite/pipeline.yml'",
                "}"), true));
        for (String slug : INSTALLERS) {
            WorkflowJob job = folder.createProject(WorkflowJob.class, slug);
            write(r, job, "installer.yml", example(slug + ".yml"));
            // Debian archives its .deb; the Pi image fetches it as its converted Jenkinsfile does (from the
            // default, upstream: the .deb reaches its metadata from the Debian build it waited for).
            String build = slug.equals("kolibri-debian")
                    ? "  writeFile file: 'dist/" + DEB + "', text: 'deb'\n  archiveArtifacts 'dist/*.deb'\n"
                    : slug.equals("kolibri-raspbian-image") && fetchDeb
                    ? "  fetchUpstreamArtifacts includes: 'dist/*.deb'\n  echo \"FETCHED ${readFile('dist/" + DEB + "')}\"\n"
                    : "";
            job.setDefinition(new CpsFlowDefinition(String.join("\n",
                    "def gate = false",
                    "node {",
                    "  def plan = readPipelineDefinition(file: 'installer.yml')",
                    "  for (s in plan.steps) { if (s.approval_gate) { gate = true } }",
                    "}",
                    "echo \"plan gate=${gate}\"",
                    "blockUnlessTag()",
                    "node {",
                    "  echo \"ENV LE_KOLIBRI_RELEASE=${env.LE_KOLIBRI_RELEASE} LE_TRIGGERED_FROM_BUILD_ID=${env.LE_TRIGGERED_FROM_BUILD_ID} LE_TRIGGERED_FROM_JOB_ID=${env.LE_TRIGGERED_FROM_JOB_ID}\"",
                    "  echo \"ARTIFACTS ${env.INSTALLER_ARTIFACTS}\"",
                    build + "}",
                    "echo 'installer built'"), true));
        }
    }

    WorkflowJob installer(String slug) {
        return (WorkflowJob) folder.getItem(slug);
    }

    /** Writes a file into the workspace the job's {@code node} block gets on the built-in node. */
    static void write(JenkinsRule r, WorkflowJob job, String path, String text) throws IOException, InterruptedException {
        r.jenkins.getWorkspaceFor(job).child(path).write(text, StandardCharsets.UTF_8.name());
    }

    /** A shipped example, read from the repository (tests run in {@code plugin/}). */
    static String example(String name) throws IOException {
        for (String base : List.of("../examples/kolibri/", "examples/kolibri/")) {
            Path p = Path.of(base, name);
            if (Files.isRegularFile(p)) {
                return Files.readString(p);
            }
        }
        throw new IOException("examples/kolibri/" + name + " not found from " + Path.of("").toAbsolutePath());
    }

    /** Polls a condition the listeners establish on a background thread; a whole orchestration may take two minutes. */
    static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        Await.await(what, Duration.ofMinutes(2), condition);
    }
}
