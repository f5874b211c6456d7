package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.condition.Compilation;
import io.jenkins.plugins.installerpipeline.condition.Condition;
import io.jenkins.plugins.installerpipeline.condition.Evaluation;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code eval EXPRESSION [context]}: evaluates a Buildkite {@code if:} conditional as the server would, printing
 * exactly {@code true} or {@code false} (exit 0), or the error with its column (exit 1).
 */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Evaluates a Buildkite conditional (an `if:` value) against a build context.",
                "Prints exactly true or false; an invalid expression prints the error with its column."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:true or false was printed",
            "1:the expression is invalid or cannot be evaluated (the error on standard error)",
            "2:usage error",
        })
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXPRESSION", description = "The conditional, e.g. 'build.tag != null'.")
    String expression;

    @Mixin
    BuildContextOptions context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Compilation compilation = Condition.compile(expression);
        if (compilation instanceof Compilation.Invalid invalid) {
            return Carets.fail(err, expression, invalid.error());
        }
        Evaluation evaluation = ((Compilation.Valid) compilation).condition()
                .evaluate(context.toBuildContext(err));
        if (evaluation instanceof Evaluation.Failed failed) {
            return Carets.fail(err, expression, failed.error());
        }
        out.println(((Evaluation.Decided) evaluation).value());
        out.flush();
        return 0;
    }
}
