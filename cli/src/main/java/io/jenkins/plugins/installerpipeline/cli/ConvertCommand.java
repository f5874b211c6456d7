package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.convert.ConversionResult;
import io.jenkins.plugins.installerpipeline.convert.ConvertOptions;
import io.jenkins.plugins.installerpipeline.convert.JenkinsfileConverter;
import io.jenkins.plugins.installerpipeline.convert.JenkinsfileStyle;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code convert FILE [--jobs SLUG=JOB ...] [--style declarative|scripted] [--definition PATH] [--checkout DIR]}: a
 * Jenkinsfile for a Buildkite pipeline.
 */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints a Jenkinsfile for a Buildkite pipeline definition that uses the Installer Pipeline plugin's steps:"
                    + " stages in the order of the plan's layers; trigger steps become triggerInstallers calls that"
                    + " hold no executor, a conditional block becomes blockUnlessTag, command steps become stages"
                    + " running their commands as one sh (bat or powershell for Windows scripts) on the agent label of"
                    + " agents.queue.",
            "Constructs without a faithful Jenkins form are kept as comments and reported on standard error as"
                    + " FILE:LINE:COL: warning: MESSAGE. See docs/migrating-from-buildkite.md.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the Jenkinsfile was printed (warnings, if any, on standard error)",
            "1:the definition is invalid (diagnostics on standard error)",
            "2:usage error or unreadable file",
        })
final class ConvertCommand implements Callable<Integer> {

    /** Output syntaxes. */
    enum Style { declarative, scripted }

    @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline definition to convert.")
    Path file;

    @Option(names = "--jobs", paramLabel = "SLUG=JOB", arity = "1..*", converter = NameValue.Converter.class,
            description = "The Jenkins job (full name) that runs the pipeline SLUG, passed to triggerInstallers as"
                    + " jobs; repeatable. Slugs not given resolve beside the package job.")
    List<NameValue> jobs = new ArrayList<>();

    @Option(names = "--style", paramLabel = "STYLE", defaultValue = "declarative",
            description = "declarative (default) or scripted.")
    Style style;

    @Option(names = "--definition", paramLabel = "PATH",
            description = "Workspace path of the definition, read at run time by readPipelineDefinition when an if,"
                    + " branches or skip, or a trigger's value with ${...}, needs the engine (default: FILE as given).")
    String definitionPath;

    @Option(names = "--checkout", paramLabel = "DIR",
            description = "The repository checkout the commands run in, where convert reads the scripts they name to"
                    + " find buildkite-agent calls (default: the git work tree holding FILE, else the current"
                    + " directory).")
    Path checkout;

    @Mixin
    DefinitionFiles definitionFiles;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = definitionFiles.read(file);
        } catch (IOException e) {
            return DefinitionFiles.cannotRead(err, file.toString(), e);
        }
        ConvertOptions options = new ConvertOptions(
                style == Style.scripted ? JenkinsfileStyle.SCRIPTED : JenkinsfileStyle.DECLARATIVE,
                NameValue.toMap(jobs), Optional.ofNullable(definitionPath), definitionFiles.limits(),
                CheckoutScripts.in(Optional.ofNullable(checkout).orElseGet(() -> CheckoutScripts.checkoutOf(file))));
        ConversionResult result = JenkinsfileConverter.convert(file.toString(), text, options);
        for (Diagnostic d : result.diagnostics().all()) {
            err.println(d.format());
        }
        err.flush();
        if (result.jenkinsfile().isEmpty()) {
            return 1;
        }
        out.print(result.jenkinsfile().get());
        out.flush();
        return 0;
    }
}
