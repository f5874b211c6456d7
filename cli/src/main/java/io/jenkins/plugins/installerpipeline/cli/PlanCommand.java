package io.jenkins.plugins.installerpipeline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import io.jenkins.plugins.installerpipeline.plan.Orchestration;
import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlanResult;
import io.jenkins.plugins.installerpipeline.plan.Planner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
                    + " gives them, so approval gates in installer pipelines show.",
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
            description = "Plan triggered pipelines too, reading each from DIR/<pipeline slug>.yml when it exists.")
    Path childrenDirectory;

    @Option(names = "--child", paramLabel = "SLUG=FILE",
            description = "Plan the triggered pipeline SLUG from FILE; repeatable, and wins over --children.")
    Map<String, Path> children = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildContext build = context.toBuildContext();
        try {
            String text = definitionFiles.read(file);
            PlanResult result = Planner.plan(file.toString(), text, build, definitionFiles.limits());
            report(result.diagnostics(), err);
            if (result.plan().isEmpty()) {
                return 1;
            }
            Plan plan = result.plan().get();
            Orchestration.Result orchestration = Orchestration.of(plan, build, this::definitionOf,
                    definitionFiles.limits());
            report(orchestration.diagnostics(), err);
            if (orchestration.orchestration().isEmpty()) {
                return 1;
            }
            out.print(render(orchestration.orchestration().get(), build));
            out.flush();
            return 0;
        } catch (IOException e) {
            return DefinitionFiles.cannotRead(err, file, e);
        }
    }

    private Optional<Path> definitionOf(String slug) {
        if (children.containsKey(slug)) {
            return Optional.of(children.get(slug));
        }
        if (childrenDirectory == null) {
            return Optional.empty();
        }
        return Optional.of(childrenDirectory.resolve(slug + ".yml")).filter(Files::isRegularFile);
    }

    private String render(Orchestration orchestration, BuildContext build) throws JsonProcessingException {
        return switch (format) {
            case text -> PlanText.render(orchestration, build);
            case json -> new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(orchestration.triggered().isEmpty()
                            ? orchestration.pipeline().toMap()
                            : orchestration.toMap()) + "\n";
            case dot -> PlanGraph.dot(orchestration);
            case mermaid -> PlanGraph.mermaid(orchestration);
        };
    }

    private static void report(Diagnostics diagnostics, PrintWriter err) {
        for (Diagnostic d : diagnostics.all()) {
            err.println(d.format());
        }
        err.flush();
    }
}
