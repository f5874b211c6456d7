package io.jenkins.plugins.installerpipeline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the command line as a script sees it: the exit code and everything printed.
 *
 * @param exit the exit code
 * @param out  standard output
 * @param err  standard error
 */
record CommandRun(int exit, String out, String err) {

    /** Runs {@code installer-pipeline ARGS...} in this JVM, capturing both streams. */
    static CommandRun of(String... args) {
        return of(Main.commandLine(), args);
    }

    /** Runs an already configured command line (for commands built with test doubles). */
    static CommandRun of(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
