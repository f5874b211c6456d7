package io.jenkins.plugins.installerpipeline.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file, streamed through one fixed buffer: memory use does not depend on the file's size. */
public final class Sha256 {

    /**
     * 1 MiB direct buffer: large reads keep system-call overhead negligible, and a direct buffer lets the
     * channel read without an extra heap copy; the digest consumes it in place.
     */
    static final int BUFFER_BYTES = 1 << 20;

    private Sha256() {}

    /** Lower-case hex SHA-256 of the file's content. */
    public static String of(Path file) throws IOException {
        return HexFormat.of().formatHex(digest(file, ByteBuffer.allocateDirect(BUFFER_BYTES)));
    }

    /**
     * Lower-case hex SHA-256 of everything {@code in} yields, read through one 1 MiB buffer (for content that is not
     * a local file, such as a Jenkins build's archived artifact). Does not close the stream.
     */
    public static String of(InputStream in) throws IOException {
        MessageDigest sha = newDigest();
        byte[] buffer = new byte[BUFFER_BYTES];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The raw digest, reading through {@code buffer} (cleared before use); lets callers reuse one buffer. */
    public static byte[] digest(Path file, ByteBuffer buffer) throws IOException {
        MessageDigest sha = newDigest();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            buffer.clear();
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                sha.update(buffer);
                buffer.clear();
            }
        }
        return sha.digest();
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
