package io.jenkins.plugins.installerpipeline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the definition files the commands are given, and saying one way why one cannot be read. */
final class DefinitionFiles {

    private DefinitionFiles() {}

    /** The file's text (UTF-8). */
    static String read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** All of {@code in} as UTF-8 text (standard input, say); malformed UTF-8 fails as a file would. */
    static String read(InputStream in) throws IOException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(in.readAllBytes()))
                .toString();
    }

    /**
     * Prints {@code FILE: error: cannot read file: REASON} and returns the usage-error exit code. The file is the one
     * the exception names, if it names one (a triggered pipeline's file, say), else {@code file}.
     */
    static int cannotRead(PrintWriter err, String file, IOException e) {
        String named = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : file;
        // A FileSystemException that only names the file keeps the real failure as its cause.
        IOException reason = e instanceof FileSystemException && e.getCause() instanceof IOException cause ? cause : e;
        err.println(named + ": error: cannot read file: " + describe(reason));
        err.flush();
        return Main.USAGE;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
