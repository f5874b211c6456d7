package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.artifact.Manifest;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code manifest FILE_OR_GLOB... [--sha256sums]}: describes release files as JSON, or as a SHA256SUMS file. */
@Command(name = "manifest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Prints the JSON manifest (name, size, sha256, kind, version, content_type, label) of release"
                + " files, or with --sha256sums the lines `sha256sum -c` reads."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every file was described",
            "1:a file's name is not a release file's, two files share a name, or a pattern matches nothing",
            "2:usage error, or a file named cannot be read",
        })
public final class ManifestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_GLOB", description = "Files or glob patterns, e.g. 'dist/*.whl'.")
    List<String> files;

    @Option(names = "--sha256sums", description = "Print `HEX  NAME` lines instead of JSON.")
    boolean sha256sums;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArtifactArguments described = ArtifactArguments.describe(files, err);
        if (described.exitCode() != 0) {
            return described.exitCode();
        }
        out.print(sha256sums ? Manifest.sha256sums(described.artifacts()) : Manifest.json(described.artifacts()));
        out.flush();
        return 0;
    }
}
