package io.jenkins.plugins.installerpipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's training run for the class-data sharing archive the {@code installer-pipeline} launcher uses: runs every
 * command once in this JVM, on the Kolibri definitions and a small release file, so that the JVM lists
 * ({@code -XX:DumpLoadedClassList}) the classes a real run needs; the build then stores them in a static archive
 * ({@code -Xshare:dump}). Not a command: the build runs it as {@code java
 * -XX:DumpLoadedClassList=installer-pipeline.classlist -cp installer-pipeline.jar
 * io.jenkins.plugins.installerpipeline.cli.ClassDataTraining examples/kolibri}.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {}

    /**
     * Runs the commands, printing nothing unless one fails.
     *
     * @param args the directory of the Kolibri definitions ({@code examples/kolibri})
     * @throws IOException when the examples cannot be read or the release file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path kolibri = Path.of(args.length > 0 ? args[0] : "examples/kolibri");
        String packageFile = kolibri.resolve("package.yml").toString();
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"--help"});
        runs.add(new String[] {"--version"});
        try (Stream<Path> files = Files.list(kolibri)) {
            List<String> validate = new ArrayList<>(List.of("validate"));
            files.map(Path::toString).filter(f -> f.endsWith(".yml")).sorted().forEach(validate::add);
            runs.add(validate.toArray(new String[0]));
        }
        for (String format : List.of("text", "json", "dot", "mermaid")) {
            runs.add(new String[] {"plan", packageFile, "--children", kolibri.toString(), "--tag", "v0.17.0",
                "--format", format});
            runs.add(new String[] {"plan", packageFile, "--pull-request", "13001", "--branch", "fix", "--format",
                format});
        }
        runs.add(new String[] {"convert", packageFile});
        runs.add(new String[] {"convert", packageFile, "--style", "scripted", "--jobs", "kolibri-debian=kolibri/deb"});
        runs.add(new String[] {"eval", "build.branch =~ /^release-v\\d+\\.\\d+\\.x$/ && build.tag != null",
            "--branch", "release-v0.17.x"});
        runs.add(new String[] {"interpolate", "${BUILDKITE_TAG:-false} ${BUILDKITE_MESSAGE}", "--tag", "v0.17.0"});
        runs.add(new String[] {"validate", "--no-such-option"});
        Path release = Files.createTempDirectory("installer-pipeline-training-");
        try {
            Path wheel = release.resolve("kolibri-0.17.0-py2.py3-none-any.whl");
            Files.write(wheel, new byte[1 << 20]);
            runs.add(new String[] {"manifest", wheel.toString()});
            runs.add(new String[] {"manifest", "--sha256sums", wheel.toString()});
            runs.add(new String[] {"publish", "--help"});
            for (String[] run : runs) {
                run(run);
            }
        } finally {
            try (Stream<Path> files = Files.list(release)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(release);
        }
    }

    private static void run(String[] args) {
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(args).setOut(new PrintWriter(Writer.nullWriter())).setErr(new PrintWriter(err))
                .execute(args);
        // Usage errors are trained on purpose; anything else failing means the training missed its path.
        if (exit != 0 && !(exit == Main.USAGE && args[args.length - 1].startsWith("--no-such"))) {
            System.err.println("training run failed (" + exit + "): " + String.join(" ", args) + "\n" + err);
        }
    }
}
