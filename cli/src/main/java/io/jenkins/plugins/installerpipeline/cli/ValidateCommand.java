package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.definition.DefinitionReader;
import io.jenkins.plugins.installerpipeline.definition.ReadResult;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.plan.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate FILE...}: reads and validates pipeline definitions, printing every diagnostic. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads Buildkite pipeline definitions and reports every problem Buildkite would reject.",
            "Diagnostics go to standard output, one per line: FILE:LINE:COL: error: MESSAGE (or warning:),"
                    + " sorted by file and position. Unreadable files are reported on standard error.",
            "A FILE of - reads standard input, named <stdin> in diagnostics; more of it than --max-file-size is"
                    + " refused too.",
            "",
            "Errors, as Buildkite refuses them: a step key used twice (key, id and identifier are one), in the"
                    + " server's words; an attribute its step type does not have (with the name you probably meant);"
                    + " a group without steps; `script:` holding commands instead of a step; an empty file or YAML"
                    + " document; a top-level env that is not a mapping; invalid if conditions and $${...}"
                    + " expansions; hostile YAML; a file over --max-file-size (10MiB by default) or not a regular"
                    + " file (a FIFO).",
            "Warnings, for what Buildkite runs but may surprise you: depends_on naming no step (Buildkite accepts"
                    + " the upload, then fails the build without running the step); if_changed (the agent skips the"
                    + " step unless files matching it changed); env as a string or a list of mappings (no variables);"
                    + " a YAML key written twice (the last value wins); several YAML documents (each is an upload,"
                    + " later ones run first); no steps (an empty pipeline); an unknown top-level key (ignored).",
            "Accepted as Buildkite accepts them: a top-level list of steps, env as a list of KEY=VALUE, nested"
                    + " steps (block: {prompt: ...}, wait: {...}, trigger: {...}, command: {...}), type: commands,"
                    + " waiter or manual, top-level secrets, image, priority, notify, agents, env.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every file is valid (warnings allowed)",
            "1:at least one file has an error",
            "2:usage error or unreadable file",
        })
final class ValidateCommand implements Callable<Integer> {

    /** How diagnostics name standard input. */
    static final String STDIN = "<stdin>";

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pipeline definition files (YAML), or - for"
            + " standard input.")
    List<Path> files;

    @Mixin
    DefinitionFiles definitionFiles;

    @Spec
    CommandSpec spec;

    private final Supplier<InputStream> stdin;

    /** Reads {@code -} from the process's standard input. */
    ValidateCommand() {
        this(() -> System.in);
    }

    /** Reads {@code -} from {@code stdin}; for tests. */
    ValidateCommand(Supplier<InputStream> stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean unreadable = false;
        boolean invalid = false;
        for (Path file : files) {
            boolean fromStdin = file.toString().equals("-");
            String name = fromStdin ? STDIN : file.toString();
            ReadResult result;
            try {
                String text = fromStdin ? definitionFiles.read(stdin.get(), name) : definitionFiles.read(file);
                result = DefinitionReader.read(name, text,
                        Planner.validationOptions().withLimits(definitionFiles.limits()));
            } catch (IOException e) {
                DefinitionFiles.cannotRead(err, name, e);
                unreadable = true;
                continue;
            }
            for (Diagnostic d : result.diagnostics().all()) {
                out.println(d.format());
            }
            invalid |= !result.isValid();
        }
        out.flush();
        err.flush();
        return unreadable ? Main.USAGE : invalid ? 1 : 0;
    }
}
