package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.artifact.ArtifactScan;
import io.jenkins.plugins.installerpipeline.artifact.Artifacts;
import io.jenkins.plugins.installerpipeline.artifact.Manifest;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code manifest FILE_OR_GLOB... [--sha256sums]}: describes release files as JSON, or as a SHA256SUMS file. */
@Command(name = "manifest", mixinStandardHelpOptions = true,
        description = {"Prints the JSON manifest (name, size, sha256, kind, version, content_type, label) of release"
                + " files, or with --sha256sums the lines `sha256sum -c` reads.",
                "Exit 0 when every file was described, 1 when a file is malformed or missing, 2 on a usage error."})
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
        ArtifactScan scan;
        try {
            scan = Artifacts.describe(files, Path.of("").toAbsolutePath());
        } catch (IOException e) {
            err.println("error: cannot read " + e.getMessage());
            return Main.USAGE;
        }
        if (scan.diagnostics().hasErrors()) {
            for (Diagnostic d : scan.diagnostics().errors()) {
                err.println(d.format());
            }
            return 1;
        }
        out.print(sha256sums ? Manifest.sha256sums(scan.artifacts()) : Manifest.json(scan.artifacts()));
        out.flush();
        return 0;
    }
}
