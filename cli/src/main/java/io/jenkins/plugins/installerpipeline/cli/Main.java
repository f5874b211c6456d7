package io.jenkins.plugins.installerpipeline.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar installer-pipeline.jar COMMAND ...}: the entry point that lists the commands. */
@Command(
        name = "installer-pipeline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads Buildkite pipeline definitions and plans, checks and publishes Kolibri installer releases.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ValidateCommand.class,
            EvalCommand.class,
            InterpolateCommand.class,
            PlanCommand.class,
            ConvertCommand.class,
            ManifestCommand.class,
            PublishCommand.class,
        })
public final class Main implements Runnable {

    /** Exit code for a usage error or an unreadable file. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line, shared by {@link #run} and tests that capture output. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /**
     * Applies the command line's conventions to {@code cl} and its subcommands: a usage error is exit 2 everywhere,
     * and prints the error and one line pointing at {@code --help}, as git and gh do, rather than the whole help.
     * Tests that build a command with test doubles configure it here too.
     */
    public static CommandLine configure(CommandLine cl) {
        cl.setExitCodeExceptionMapper(e -> USAGE);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        }
        return cl;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return USAGE;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
    }
}
