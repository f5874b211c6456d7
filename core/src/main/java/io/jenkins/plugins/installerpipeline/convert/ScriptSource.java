package io.jenkins.plugins.installerpipeline.convert;

import java.util.Optional;

/**
 * Reads the scripts a definition's commands run ({@code .buildkite/build.sh}), so that {@code convert} can look inside
 * them for {@code buildkite-agent} calls, which fail on a Jenkins agent. The command line reads them from the
 * repository checkout; {@link #none()} reads nothing, and {@code convert} then says which scripts it could not check.
 */
@FunctionalInterface
public interface ScriptSource {

    /**
     * The text of a script, if it can be read.
     *
     * @param path the script as a command names it, relative to the checkout the commands run in
     *             ({@code ./build.sh}, {@code .buildkite\sign.bat})
     */
    Optional<String> read(String path);

    /** Reads no script. */
    static ScriptSource none() {
        return path -> Optional.empty();
    }
}
