package io.jenkins.plugins.installerpipeline.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.installerpipeline.definition.testing.Fifos;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What reading a definition from disk refuses before reading a byte, and what it reads. */
public class DefinitionFileTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void readsARegularFileOfUtf8() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("pipeline.yml");
        Files.writeString(file, "steps: [{label: \"Build \u00e9\"}]\n");
        assertThat(DefinitionFile.read(file, ReadLimits.DEFAULT)).isEqualTo("steps: [{label: \"Build \u00e9\"}]\n");
    }

    @Test
    public void aFileLargerThanTheLimitIsRefusedNamingBothSizes() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("big.yml");
        Files.writeString(file, "steps: []\n" + "#".repeat(2 * 1024 * 1024));
        assertThatThrownBy(() -> DefinitionFile.read(file, ReadLimits.DEFAULT.withMaxBytes(1024 * 1024)))
                .isInstanceOf(DefinitionFile.TooLargeException.class)
                .hasMessage(file + ": 2097162 bytes, more than the limit of 1048576 bytes (1 MiB)");
        assertThat(DefinitionFile.read(file, ReadLimits.DEFAULT.withMaxBytes(3 * 1024 * 1024))).startsWith("steps");
    }

    @Test
    public void aStreamIsReadUpToTheLimitAndRefusedPastIt() throws IOException {
        String yaml = "steps: [wait]\n# \u00e9\n";
        byte[] text = yaml.getBytes(StandardCharsets.UTF_8);
        ReadLimits exact = ReadLimits.DEFAULT.withMaxBytes(text.length);
        assertThat(DefinitionFile.read(new ByteArrayInputStream(text), "<stdin>", exact)).isEqualTo(yaml);
        assertThatThrownBy(() -> DefinitionFile.read(new ByteArrayInputStream(text), "<stdin>",
                exact.withMaxBytes(text.length - 1)))
                .isInstanceOf(DefinitionFile.TooLargeException.class)
                .hasMessage("<stdin>: more than the limit of " + (text.length - 1) + " bytes");

        // Reading stops one byte past the limit: the rest is never taken from the stream.
        ByteArrayInputStream huge = new ByteArrayInputStream(new byte[3 * 1024 * 1024]);
        assertThatThrownBy(() -> DefinitionFile.read(huge, "<stdin>", ReadLimits.DEFAULT.withMaxBytes(1024 * 1024)))
                .hasMessage("<stdin>: more than the limit of 1048576 bytes (1 MiB)");
        assertThat(huge.available()).isEqualTo(2 * 1024 * 1024 - 1);
        assertThatThrownBy(() -> DefinitionFile.read(new ByteArrayInputStream(new byte[] {(byte) 0xE9}), "<stdin>",
                ReadLimits.DEFAULT)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    public void aFifoIsRefusedInsteadOfWaitedOn() throws Exception {
        Path fifo = Fifos.make(tmp.getRoot().toPath().resolve("pipeline.yml"));
        // Opening it would block until a writer comes: the reader must not open it at all.
        assertThatThrownBy(() -> DefinitionFile.read(fifo, ReadLimits.DEFAULT))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(fifo + ": not a regular file (a FIFO, socket or device is not read)");
    }

    @Test
    public void aDirectoryOrAMissingFileIsRefused() {
        Path dir = tmp.getRoot().toPath();
        assertThatThrownBy(() -> DefinitionFile.read(dir, ReadLimits.DEFAULT)).hasMessage(dir + ": is a directory");
        assertThatThrownBy(() -> DefinitionFile.read(dir.resolve("none.yml"), ReadLimits.DEFAULT))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    public void textThatIsNotUtf8IsRefused() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("latin1.yml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> DefinitionFile.read(file, ReadLimits.DEFAULT))
                .isInstanceOf(MalformedInputException.class);
    }

    @Test
    public void theReplacementCharacterWrittenInUtf8IsText() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("replacement.yml");
        Files.writeString(file, "a: \uFFFD \u00e9\n");
        assertThat(DefinitionFile.read(file, ReadLimits.DEFAULT)).isEqualTo("a: \uFFFD \u00e9\n");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> DefinitionFile.read(file, ReadLimits.DEFAULT))
                .isInstanceOf(MalformedInputException.class);
    }

    @Test
    public void theReaderReadsFilesThisWay() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("big.yml");
        Files.writeString(file, "steps: [wait]\n" + "#".repeat(100));
        ReadOptions small = ReadOptions.defaults().withLimits(ReadLimits.DEFAULT.withMaxBytes(50));
        assertThatThrownBy(() -> DefinitionReader.read(file, small)).isInstanceOf(DefinitionFile.TooLargeException.class);
    }
}
