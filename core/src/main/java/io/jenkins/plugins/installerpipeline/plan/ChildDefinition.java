package io.jenkins.plugins.installerpipeline.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the definition of a pipeline that a trigger starts is, for planning it too ({@link Orchestration}), or why
 * it is not planned. A child that was asked for but cannot be found must be said: otherwise a typo looks exactly like
 * "this installer has no approval gate".
 */
public sealed interface ChildDefinition {

    /** The file names tried in a directory for pipeline {@code slug}, in order: Learning Equality uses both. */
    static List<String> fileNames(String slug) {
        return java.util.List.of(slug + ".yml", slug + ".yaml");
    }

    /** Plan the child from this file. */
    record File(Path path) implements ChildDefinition {}

    /**
     * The child was asked for and cannot be planned.
     *
     * @param reason why, naming what was looked for ({@code no kolibri-macos.yml or kolibri-macos.yaml in DIR})
     */
    record Missing(String reason) implements ChildDefinition {}

    /** The child was not asked for: it is left out without a word, as when no children are planned at all. */
    record NotAsked() implements ChildDefinition {}

    /**
     * The definitions the command line's {@code --child SLUG=FILE} and {@code --children DIR} name: the explicit file
     * of a slug, else {@code DIR/<slug>.yml}, else {@code DIR/<slug>.yaml}, else missing when a directory was
     * given; with neither, {@link NotAsked}. A name that exists but is not a regular file (a FIFO, a directory) is
     * still its {@link File}, so that reading it refuses it by name ({@code DefinitionFile#read}) instead of
     * calling it missing.
     */
    static Function<String, ChildDefinition> lookup(Optional<Path> directory, Map<String, Path> explicit) {
        Map<String, Path> files = Map.copyOf(explicit);
        return slug -> {
            if (files.containsKey(slug)) {
                return new File(files.get(slug));
            }
            if (directory.isEmpty()) {
                return new NotAsked();
            }
            List<String> names = fileNames(slug);
            for (String name : names) {
                Path candidate = directory.get().resolve(name);
                if (Files.exists(candidate)) {
                    return new File(candidate);
                }
            }
            return new Missing("no " + String.join(" or ", names) + " in " + directory.get());
        };
    }
}
