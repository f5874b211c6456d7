package io.jenkins.plugins.installerpipeline.cli;

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
}
