package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.interpolation.InterpolationResult;
import io.jenkins.plugins.installerpipeline.interpolation.Interpolator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code interpolate TEXT [context]}: expands {@code $VAR} and {@code ${VAR:-default}} as
 * {@code buildkite-agent pipeline upload} would, printing the result (exit 0) or the error with its column
 * (exit 1).
 */
@Command(name = "interpolate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        // $${ is picocli's escape for a literal ${: it would otherwise expand the example itself.
        description = {"Expands upload-time variables in TEXT (e.g. '$${BUILDKITE_TAG:-false}') against a build"
                + " context.",
                "Prints the expanded text; a malformed or failed expansion prints the error with its column.",
                "Values Buildkite sets when the build runs (BUILDKITE_BUILD_ID, BUILDKITE_BUILD_NUMBER,"
                        + " BUILDKITE_BUILD_URL, BUILDKITE_JOB_ID, BUILDKITE_COMMIT, BUILDKITE_MESSAGE) expand to"
                        + " placeholders such as <build id, set when the build runs> unless given with their options."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the expanded text was printed",
            "1:the text is malformed or an expansion failed (the error on standard error)",
            "2:usage error",
        })
public final class InterpolateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TEXT", description = "The text to expand.")
    String text;

    @Mixin
    BuildContextOptions context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        InterpolationResult result = Interpolator.interpolate(text,
                context.toBuildContext(spec.commandLine().getErr()));
        if (result instanceof InterpolationResult.Failed failed) {
            return Carets.fail(spec.commandLine().getErr(), text, failed.error());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.text().orElseThrow());
        out.flush();
        return 0;
    }
}
