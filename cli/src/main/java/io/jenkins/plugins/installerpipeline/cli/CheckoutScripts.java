package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.convert.ScriptSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The scripts a definition's commands run, read from the repository checkout they run in. */
final class CheckoutScripts {

    /** Scripts are build scripts; anything larger is not one worth scanning. */
    private static final long MAX_BYTES = 1 << 20;

    private CheckoutScripts() {}

    /** Reads scripts below {@code checkout} only: a path that leaves it ({@code ../x.sh}) is not read. */
    static ScriptSource in(Path checkout) {
        Path root = checkout.toAbsolutePath().normalize();
        return path -> {
            Path script = root.resolve(path).normalize();
            if (!script.startsWith(root) || !Files.isRegularFile(script)) {
                return Optional.empty();
            }
            try {
                if (Files.size(script) > MAX_BYTES) {
                    return Optional.empty();
                }
                // Lenient decoding: a stray byte in a comment must not hide the buildkite-agent calls.
                return Optional.of(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .decode(ByteBuffer.wrap(Files.readAllBytes(script))).toString());
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }

    /**
     * Where the commands of {@code definition} run: the git work tree holding it (Buildkite runs commands from the
     * checkout's root), else the current directory.
     */
    static Path checkoutOf(Path definition) {
        for (Path dir = definition.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return Path.of("");
    }
}
