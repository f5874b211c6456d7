package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.definition.DefinitionFile;
import io.jenkins.plugins.installerpipeline.definition.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Reading the definition files the commands are given, within a size limit the user can raise, and saying one way
 * why one cannot be read. Add to a command with {@code @Mixin DefinitionFiles files;}.
 */
final class DefinitionFiles {

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = SizeConverter.class,
            defaultValue = "" + ReadLimits.DEFAULT_MAX_BYTES,
            description = "Largest definition file read, in bytes, or with a unit: 20MiB, 512KiB (default: 10MiB)."
                    + " Larger files, and anything not a regular file (a FIFO), are refused before reading.")
    int maxBytes = ReadLimits.DEFAULT_MAX_BYTES;

    /** The reader's limits, with the largest file size given. */
    ReadLimits limits() {
        return ReadLimits.DEFAULT.withMaxBytes(maxBytes);
    }

    /** The file's text (UTF-8), as {@link DefinitionFile#read} reads it within {@link #limits()}. */
    String read(Path file) throws IOException {
        return DefinitionFile.read(file, limits());
    }

    /**
     * All of {@code in} as UTF-8 text (standard input, say), named {@code name}: malformed UTF-8 fails as a file
     * would, and input past {@link #limits()} is refused once that much is read.
     */
    String read(InputStream in, String name) throws IOException {
        return DefinitionFile.read(in, name, limits());
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
        if (e instanceof DefinitionFile.TooLargeException tooLarge) {
            return tooLarge.getReason() + "; raise it with --max-file-size";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Bytes, or a number with a unit: {@code 20MiB}, {@code 20M}, {@code 512KiB}, {@code 512k}. */
    static final class SizeConverter implements ITypeConverter<Integer> {
        private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|k|kb|kib|m|mb|mib)");

        @Override
        public Integer convert(String value) {
            Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a size: write bytes, or a number with"
                        + " KiB or MiB (20MiB)");
            }
            long unit = switch (m.group(2)) {
                case "k", "kb", "kib" -> 1024L;
                case "m", "mb", "mib" -> 1024L * 1024L;
                default -> 1L;
            };
            long bytes;
            try {
                bytes = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
            } catch (ArithmeticException | NumberFormatException e) {
                bytes = Long.MAX_VALUE;
            }
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 8L) {
                throw new TypeConversionException("'" + value + "' is not a size between 1 byte and 2047 MiB");
            }
            return (int) bytes;
        }
    }
}
