package io.jenkins.plugins.installerpipeline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar installer-pipeline.jar COMMAND ...}: the entry point that lists the commands. */
@Command(
        name = "installer-pipeline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads Buildkite pipeline definitions and plans, checks and publishes Kolibri installer releases.")
public final class Main implements Runnable {

    /** Exit code for a usage error or an unreadable file. */
    public static final int USAGE = 2;

    /** The commands, by name, in the order {@code --help} lists them. */
    private static final List<Map.Entry<String, Supplier<Object>>> COMMANDS = List.of(
            Map.entry("help", CommandLine.HelpCommand::new),
            Map.entry("validate", ValidateCommand::new),
            Map.entry("eval", EvalCommand::new),
            Map.entry("interpolate", InterpolateCommand::new),
            Map.entry("plan", PlanCommand::new),
            Map.entry("convert", ConvertCommand::new),
            Map.entry("manifest", ManifestCommand::new),
            Map.entry("publish", PublishCommand::new));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** The configured picocli command line with every command, for tests that capture output. */
    public static CommandLine commandLine() {
        return commandLine(List.of());
    }

    /**
     * The command line that runs {@code args}: when they start with a command's name (other than {@code help}),
     * only that command is set up, since reading the other commands' annotations is a good part of a short run's
     * start-up; what the command prints and returns is the same. Otherwise (no command, {@code help}, a misspelt
     * name, which picocli answers with the names it knows) every command is.
     *
     * @param args the arguments the command line will be run with
     * @return the configured command line
     */
    public static CommandLine commandLine(String... args) {
        return commandLine(args.length > 0 && !args[0].equals("help") ? List.of(args[0]) : List.of());
    }

    /** The command line with the commands named, or with every command when {@code names} is empty. */
    private static CommandLine commandLine(List<String> names) {
        CommandLine cl = new CommandLine(new Main());
        for (Map.Entry<String, Supplier<Object>> command : COMMANDS) {
            if (names.isEmpty() || names.contains(command.getKey())) {
                cl.addSubcommand(command.getKey(), command.getValue().get());
            }
        }
        if (cl.getSubcommands().isEmpty()) {
            return commandLine(List.of());
        }
        return configure(cl);
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
