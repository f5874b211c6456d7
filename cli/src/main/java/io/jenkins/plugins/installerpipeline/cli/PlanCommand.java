package io.jenkins.plugins.installerpipeline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import io.jenkins.plugins.installerpipeline.plan.ChildDefinition;
import io.jenkins.plugins.installerpipeline.plan.Orchestration;
import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlanResult;
import io.jenkins.plugins.installerpipeline.plan.Planner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code plan FILE [context] [--format ...]}: what a build of a definition will run, before anything runs. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Shows what a build of a pipeline definition will run: which steps are included and why not, what waits"
                    + " for what, the stages that run in parallel, and the metadata each trigger passes on.",
            "With --children or --child, the pipelines it triggers are planned too, with the context each trigger"
                    + " gives them, so approval gates in installer pipelines show; one that cannot be found is named"
                    + " with a warning.",
            "Values Buildkite sets when the build runs (BUILDKITE_BUILD_ID, BUILDKITE_BUILD_NUMBER,"
                    + " BUILDKITE_BUILD_URL, BUILDKITE_JOB_ID, and BUILDKITE_COMMIT and BUILDKITE_MESSAGE when"
                    + " --commit and --message are not given) show as placeholders such as"
                    + " <build id, set when the build runs>; give them with --build-id, --build-number, --build-url,"
                    + " --job-id, --commit and --message.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the plan was printed (warnings, if any, on standard error)",
            "1:the definition is invalid or a condition could not be evaluated (diagnostics on standard error)",
            "2:usage error or unreadable file",
        })
final class PlanCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, dot, mermaid }

    @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline definition to plan.")
    Path file;

    @Mixin
    BuildContextOptions context;

    @Mixin
    DefinitionFiles definitionFiles;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, dot or mermaid.")
    Format format;

    @Option(names = "--children", paramLabel = "DIR",
            description = "Plan triggered pipelines too, reading each from DIR/<pipeline slug>.yml or .yaml.")
    Path childrenDirectory;

    @Option(names = "--child", paramLabel = "SLUG=FILE", converter = NameValue.Converter.class,
            description = "Plan the triggered pipeline SLUG from FILE; repeatable, and wins over --children.")
    List<NameValue> children = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (childrenDirectory != null && !Files.isDirectory(childrenDirectory)) {
            throw new ParameterException(spec.commandLine(), "--children " + childrenDirectory + ": "
                    + (Files.exists(childrenDirectory) ? "not a directory" : "no such directory"));
        }
        BuildContext build = context.toBuildContext(err);
        try {
            String text = definitionFiles.read(file);
            PlanResult result = Planner.plan(file.toString(), text, build, definitionFiles.limits());
            report(result.diagnostics(), err);
            if (result.plan().isEmpty()) {
                return 1;
            }
            Plan plan = result.plan().get();
            Map<String, Path> explicit = new LinkedHashMap<>();
            NameValue.toMap(children).forEach((slug, path) -> explicit.put(slug, Path.of(path)));
            checkTriggered(plan, explicit.keySet());
            Orchestration.Result orchestration = Orchestration.of(plan, build,
                    ChildDefinition.lookup(Optional.ofNullable(childrenDirectory), explicit), definitionFiles.limits());
            report(orchestration.diagnostics(), err);
            if (orchestration.orchestration().isEmpty()) {
                return 1;
            }
            orchestration.orchestration().get().notPlanned().forEach((slug, reason) -> err.println(
                    "warning: " + slug + ": not planned: " + reason + "; its approval gates, if any, are not shown"));
            err.flush();
            out.print(render(orchestration.orchestration().get(), build));
            out.flush();
            return 0;
        } catch (IOException e) {
            return DefinitionFiles.cannotRead(err, file.toString(), e);
        }
    }

    /** A {@code --child} for a pipeline no trigger starts is a typo: planning nothing for it would hide it. */
    private void checkTriggered(Plan plan, Set<String> slugs) {
        List<String> triggered = plan.triggeredPipelines();
        for (String slug : slugs) {
            if (!triggered.contains(slug)) {
                throw new ParameterException(spec.commandLine(), "--child " + slug + ": no trigger step in " + file
                        + " starts pipeline '" + slug + "'" + (triggered.isEmpty() ? " (it has no trigger steps)"
                        : "; it triggers " + String.join(", ", triggered)));
            }
        }
    }

    private String render(Orchestration orchestration, BuildContext build) throws JsonProcessingException {
        String title = PlanHeading.title(orchestration.pipeline().file(), build);
        return switch (format) {
            case text -> PlanText.render(orchestration, title);
            case json -> new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(orchestration,
                    build, title)) + "\n";
            case dot -> PlanGraph.dot(orchestration, title);
            case mermaid -> PlanGraph.mermaid(orchestration, title);
        };
    }

    /** The plan's documented JSON, after a title and the build context it was made for. */
    private Map<String, Object> json(Orchestration orchestration, BuildContext build, String title) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        json.put("context", PlanHeading.context(build));
        json.putAll(childrenAsked() ? orchestration.toMap() : orchestration.pipeline().toMap());
        return json;
    }

    private boolean childrenAsked() {
        return childrenDirectory != null || !children.isEmpty();
    }

    private static void report(Diagnostics diagnostics, PrintWriter err) {
        for (Diagnostic d : diagnostics.all()) {
            err.println(d.format());
        }
        err.flush();
    }
}
