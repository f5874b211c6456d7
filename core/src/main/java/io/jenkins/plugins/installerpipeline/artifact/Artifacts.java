package io.jenkins.plugins.installerpipeline.artifact;

import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds release files from names and glob patterns ({@code dist/*.whl}, {@code out/**}) and describes them. */
public final class Artifacts {

    private Artifacts() {}

    /**
     * Expands each argument (a file, or a glob relative to {@code workingDirectory}) and describes every file found:
     * name, size, SHA-256, kind and version. Each pattern must match at least one regular file, and each file named
     * must exist ({@link ArtifactScan#unreadable()}); two files with the same name are an error (they would be the
     * same asset on a release).
     *
     * @throws IOException when a matched file cannot be read
     */
    public static ArtifactScan describe(List<String> filesOrGlobs, Path workingDirectory) throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        Map<String, String> givenAs = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (String arg : filesOrGlobs) {
            List<Path> matches = expand(arg, workingDirectory);
            if (matches.isEmpty() && isGlob(arg)) {
                problems.add(Diagnostic.error(SourceLocation.startOf(arg), "pattern '" + arg + "' matches no files"));
            } else if (matches.isEmpty()) {
                unreadable.add(arg);
                problems.add(Diagnostic.error(SourceLocation.startOf(arg), "cannot read file: "
                        + (Files.isDirectory(workingDirectory.resolve(arg)) ? "is a directory" : "no such file")));
            }
            for (Path match : matches) {
                String name = match.getFileName().toString();
                Path previous = byName.putIfAbsent(name, match);
                if (previous != null && !previous.equals(match)) {
                    problems.add(Diagnostic.error(SourceLocation.startOf(display(match, workingDirectory)),
                            "two files are named '" + name + "' (" + display(previous, workingDirectory) + " and "
                                    + display(match, workingDirectory) + "); a release holds one asset per name"));
                }
                givenAs.putIfAbsent(name, display(match, workingDirectory));
            }
        }
        List<Artifact> artifacts = new ArrayList<>();
        for (Map.Entry<String, Path> entry : byName.entrySet()) {
            NameParse parse = ArtifactNames.parse(entry.getKey());
            if (parse.problem().isPresent()) {
                problems.add(Diagnostic.error(SourceLocation.startOf(givenAs.get(entry.getKey())),
                        parse.problem().get()));
                continue;
            }
            artifacts.add(Artifact.of(entry.getValue(), parse.name().orElseThrow()));
        }
        artifacts.sort(Comparator.comparing(Artifact::name));
        return new ArtifactScan(artifacts, Diagnostics.of(problems), unreadable);
    }

    private static boolean isGlob(String arg) {
        return arg.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static List<Path> expand(String arg, Path workingDirectory) throws IOException {
        if (!isGlob(arg)) {
            Path file = workingDirectory.resolve(arg).normalize();
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }
        // Walk from the longest directory prefix without glob characters, so 'dist/*.whl' reads only dist/.
        String[] segments = arg.replace('\\', '/').split("/");
        StringBuilder fixed = new StringBuilder();
        int firstGlob = 0;
        while (firstGlob < segments.length - 1 && !isGlob(segments[firstGlob])) {
            fixed.append(segments[firstGlob]).append('/');
            firstGlob++;
        }
        Path base = workingDirectory.resolve(fixed.length() == 0 ? "." : fixed.toString()).normalize();
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        String rest = String.join("/", List.of(segments).subList(firstGlob, segments.length));
        int depth = rest.contains("**") ? Integer.MAX_VALUE : segments.length - firstGlob;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(base.relativize(p)))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String display(Path path, Path workingDirectory) {
        Path abs = workingDirectory.toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        return p.startsWith(abs) ? abs.relativize(p).toString() : p.toString();
    }
}
