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
            "A FILE of - reads standard input, named <stdin> in diagnostics.",
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
                String text = fromStdin ? DefinitionFiles.read(stdin.get()) : DefinitionFiles.read(file);
                result = DefinitionReader.read(name, text, Planner.validationOptions());
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
