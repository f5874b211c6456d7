package io.jenkins.plugins.installerpipeline.definition;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads a definition file's text within {@link ReadLimits#maxBytes()}: what is not a regular file, or is larger
 * than the limit, is refused before a byte is read, so a FIFO cannot hang the reader and a huge file cannot
 * exhaust the heap. Every command and step that reads a definition from disk reads it here; a stream (standard
 * input) is read here too, up to one byte past the limit.
 */
public final class DefinitionFile {

    private DefinitionFile() {}

    /** A file larger than the limit; {@link #getReason()} says both sizes. */
    public static final class TooLargeException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String file, String reason) {
            super(file, null, reason);
        }
    }

    /**
     * The text of {@code path}, decoded as UTF-8.
     *
     * @throws java.nio.file.NoSuchFileException        if there is no such file
     * @throws TooLargeException                         if it has more than {@code limits.maxBytes()} bytes
     * @throws FileSystemException                       if it is a directory, or not a regular file (a FIFO,
     *                                                   socket or device), naming it
     * @throws java.nio.charset.CharacterCodingException if it is not UTF-8
     * @throws IOException                               if it cannot be read otherwise
     */
    public static String read(Path path, ReadLimits limits) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new FileSystemException(path.toString(), null, "is a directory");
        }
        if (!attributes.isRegularFile()) {
            // Opening a FIFO blocks until a writer comes, and a device may never end.
            throw new FileSystemException(path.toString(), null,
                    "not a regular file (a FIFO, socket or device is not read)");
        }
        if (attributes.size() > limits.maxBytes()) {
            throw new TooLargeException(path.toString(), limits.tooBig(attributes.size()));
        }
        try (InputStream in = Files.newInputStream(path)) {
            // The size is known: one read of that many bytes (and one more, to tell a file that grew since).
            int expected = (int) Math.min(attributes.size() + 1, Integer.MAX_VALUE - 8L);
            return read(in, path.toString(), limits, expected, "more than the limit of " + limits.maxBytes()
                    + " bytes (it grew while it was read)");
        }
    }

    /**
     * The text of {@code in} (standard input, say), decoded as UTF-8; at most one byte past {@code limits.maxBytes()}
     * is read, so endless or huge input is refused without being held. The stream is not closed.
     *
     * @param name what a refusal names ({@code <stdin>})
     * @throws TooLargeException                         if it has more than {@code limits.maxBytes()} bytes
     * @throws java.nio.charset.CharacterCodingException if it is not UTF-8
     * @throws IOException                               if it cannot be read otherwise
     */
    public static String read(InputStream in, String name, ReadLimits limits) throws IOException {
        return read(in, name, limits, 8192, limits.overLimit());
    }

    private static String read(InputStream in, String name, ReadLimits limits, int expected, String tooLarge)
            throws IOException {
        // One byte more than allowed tells input past the limit (or a file that grew since it was measured).
        int most = (int) Math.min(Integer.MAX_VALUE - 8L, limits.maxBytes() + 1L);
        byte[] bytes = new byte[Math.min(most, Math.max(expected, 1))];
        int length = 0;
        while (true) {
            int n = in.read(bytes, length, bytes.length - length);
            if (n < 0) {
                break;
            }
            length += n;
            if (length == bytes.length) {
                if (length == most) {
                    break;
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(most, Math.max(2L * length, 8192)));
            }
        }
        if (length > limits.maxBytes()) {
            throw new TooLargeException(name, tooLarge);
        }
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        // Decoding puts U+FFFD for bytes that are not UTF-8: only a text holding one needs the strict check, which
        // says where (and a text of one-byte characters cannot hold it, so most never pay for that check).
        if (text.indexOf('\uFFFD') >= 0) {
            checkUtf8(ByteBuffer.wrap(bytes, 0, length));
        }
        return text;
    }

    /** Throws {@link java.nio.charset.MalformedInputException} unless {@code in} holds UTF-8, saying where not. */
    private static void checkUtf8(ByteBuffer in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                result.throwException();
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        CoderResult end = decoder.flush(out);
        if (end.isError()) {
            end.throwException();
        }
    }
}
