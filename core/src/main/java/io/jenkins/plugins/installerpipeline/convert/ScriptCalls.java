package io.jenkins.plugins.installerpipeline.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code buildkite-agent} calls inside a script a command runs, which the converter cannot replace (the script is
 * not part of the Jenkinsfile) and which fail on a Jenkins agent, where there is no {@code buildkite-agent}. Each
 * comes with what to do instead.
 */
final class ScriptCalls {

    private static final Pattern AGENT = Pattern.compile("(?<![\\w.-])buildkite-agent(\\.exe)?(?![\\w-])",
            Pattern.CASE_INSENSITIVE);

    /**
     * One call.
     *
     * @param line   1-based line in the script
     * @param column 1-based column of {@code buildkite-agent}
     * @param text   the line, stripped
     * @param advice what to do in Jenkins instead
     */
    record Call(int line, int column, String text, String advice) {}

    private ScriptCalls() {}

    /** The calls in a script's text; comment lines are skipped. */
    static List<Call> in(String path, String text) {
        ShellKind kind = kindOf(path);
        List<Call> calls = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (ShellSyntax.isComment(stripped, kind)) {
                continue;
            }
            Matcher m = AGENT.matcher(lines[i]);
            if (m.find()) {
                // Advice from the call itself: what precedes it on the line (an if, a subshell) does not change it.
                String call = stripped.substring(Math.max(0, stripped.toLowerCase(Locale.ROOT).indexOf("buildkite-agent")));
                calls.add(new Call(i + 1, m.start() + 1, stripped, advice(call)));
            }
        }
        return calls;
    }

    private static ShellKind kindOf(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bat") || lower.endsWith(".cmd")) {
            return ShellKind.BAT;
        }
        return lower.endsWith(".ps1") ? ShellKind.POWERSHELL : ShellKind.SH;
    }

    /** What to do instead of the call that starts {@code call} (the rest of the line from {@code buildkite-agent}). */
    static String advice(String call) {
        AgentCommand command = AgentCommand.parse(call).orElse(new AgentCommand.Unclear(""));
        if (command instanceof AgentCommand.Upload upload) {
            return "delete it and archive " + upload.pattern() + " in the Jenkinsfile: archiveArtifacts after the"
                    + " script, or list it in the step's artifact_paths before converting"
                    + (upload.job().isPresent() ? " (the package build lists every installer's archived artifacts,"
                            + " so the upload into its job needs nothing more)" : "");
        }
        if (command instanceof AgentCommand.Download download) {
            if (download.step().isPresent() && download.fromAnotherBuild()) {
                return "delete it and fetch " + download.pattern() + " with fetchUpstreamArtifacts from: (the build"
                        + " that makes it) before the script";
            }
            return download.fromAnotherBuild()
                    ? "delete it and fetch " + download.pattern() + " with fetchUpstreamArtifacts includes: '"
                            + download.pattern() + "' before the script (the file reaches the same path)"
                    : "delete it and hand " + download.pattern() + " over with stash in the stage that makes it and"
                            + " unstash before the script";
        }
        if (command instanceof AgentCommand.PipelineUpload) {
            return "steps generated at run time have no Jenkinsfile form: convert the uploaded file too and run it"
                    + " with load or as another job";
        }
        String lower = call.toLowerCase(Locale.ROOT);
        if (lower.contains(" meta-data ")) {
            return "Jenkins has no build meta-data store: pass the value through env or a file (a trigger's"
                    + " build.meta_data reaches an installer build as INSTALLER_META_DATA)";
        }
        if (lower.contains(" annotate")) {
            return "print the text to the console, or set the build description, instead";
        }
        return "replace it with the Jenkins step that does the same, or delete it";
    }
}
