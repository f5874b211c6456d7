package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import java.io.PrintWriter;

/** Prints a one-line input with a caret under the offending column, the way compilers point at an error. */
final class Carets {

    private Carets() {
    }

    static void print(PrintWriter err, String input, int column) {
        if (input.indexOf('\n') >= 0 || input.indexOf('\r') >= 0 || column > input.length() + 1) {
            return;
        }
        err.println("  " + input);
        err.println("  " + " ".repeat(column - 1) + "^");
    }

    /** Prints {@code error: column N: MESSAGE} and the input with a caret; returns exit code 1 for the caller. */
    static int fail(PrintWriter err, String input, ColumnError error) {
        err.println("error: " + error.format());
        print(err, input, error.column());
        err.flush();
        return 1;
    }
}
