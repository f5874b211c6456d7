package io.jenkins.plugins.installerpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.definition.testing.Fifos;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

/** Every command that reads a definition refuses the same files the same way, and lets the size limit be raised. */
public class DefinitionFileLimitsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** A valid definition of a little more than 11 MiB: one step, then a long comment. */
    private Path big() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("big.yml");
        Files.writeString(file, "steps:\n  - command: make\n# " + "x".repeat(11 * 1024 * 1024) + "\n");
        return file;
    }

    @Test
    public void aFileOverTenMebibytesIsRefusedByEveryCommandInOneLine() throws IOException {
        Path file = big();
        String refusal = file + ": error: cannot read file: 11534364 bytes, more than the limit of 10485760 bytes"
                + " (10 MiB); raise it with --max-file-size\n";
        for (String command : new String[] {"validate", "plan", "convert"}) {
            CommandRun run = CommandRun.of(command, file.toString());
            assertThat(run.exit()).as(command).isEqualTo(2);
            assertThat(run.err()).as(command).isEqualTo(refusal);
            assertThat(run.out()).as(command).isEmpty();
        }
    }

    @Test
    public void maxFileSizeRaisesTheLimit() throws IOException {
        Path file = big();
        assertThat(CommandRun.of("validate", "--max-file-size", "12MiB", file.toString()).exit()).isZero();
        assertThat(CommandRun.of("plan", "--max-file-size", "12m", file.toString()).out()).contains("command  step-1");
        assertThat(CommandRun.of("convert", "--max-file-size", "13000000", file.toString()).out())
                .contains("sh 'make'");
        CommandRun small = CommandRun.of("validate", "--max-file-size", "1KiB", file.toString());
        assertThat(small.err()).contains("more than the limit of 1024 bytes; raise it with --max-file-size");
    }

    @Test
    public void aSizeThatIsNotOneIsAUsageError() {
        CommandRun run = CommandRun.of("validate", "--max-file-size", "lots", "x.yml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'lots' is not a size: write bytes, or a number with KiB or MiB (20MiB)");
    }

    @Test
    public void aTriggeredDefinitionIsReadWithinTheSameLimit() throws IOException {
        Path dir = tmp.newFolder("children").toPath();
        Path parent = dir.resolve("package.yml");
        Files.writeString(parent, "steps:\n  - trigger: child\n");
        Files.writeString(dir.resolve("child.yml"), "steps:\n  - command: make\n# " + "x".repeat(2048) + "\n");
        CommandRun run = CommandRun.of("plan", "--max-file-size", "1KiB", parent.toString(), "--children",
                dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(dir.resolve("child.yml") + ": error: cannot read file: 2076 bytes, more than"
                + " the limit of 1024 bytes; raise it with --max-file-size\n");
    }

    @Test
    public void aTriggeredDefinitionFoundAsYamlOrNamedByChildIsReadWithinTheSameLimit() throws IOException {
        Path dir = tmp.newFolder("children").toPath();
        Path parent = tmp.getRoot().toPath().resolve("package.yml");
        Files.writeString(parent, "steps:\n  - trigger: child\n");
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, "steps:\n  - command: make\n# " + "x".repeat(2048) + "\n");
        String refusal = child + ": error: cannot read file: 2076 bytes, more than the limit of 1024 bytes; raise it"
                + " with --max-file-size\n";

        CommandRun found = CommandRun.of("plan", "--max-file-size", "1KiB", parent.toString(), "--children",
                dir.toString());
        assertThat(found.exit()).isEqualTo(2);
        assertThat(found.err()).isEqualTo(refusal);
        CommandRun named = CommandRun.of("plan", "--max-file-size", "1KiB", parent.toString(), "--child",
                "child=" + child);
        assertThat(named.exit()).isEqualTo(2);
        assertThat(named.err()).isEqualTo(refusal);
        assertThat(CommandRun.of("plan", "--max-file-size", "4KiB", parent.toString(), "--children", dir.toString())
                .out()).contains("child");
    }

    @Test
    public void aTriggeredDefinitionThatIsAFifoIsRefusedNotCalledMissing() throws Exception {
        Path dir = tmp.newFolder("children").toPath();
        Path parent = tmp.getRoot().toPath().resolve("package.yml");
        Files.writeString(parent, "steps:\n  - trigger: child\n");
        Path fifo = Fifos.make(dir.resolve("child.yml"));
        CommandRun run = CommandRun.of("plan", parent.toString(), "--children", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(fifo + ": error: cannot read file: not a regular file (a FIFO, socket or"
                + " device is not read)\n");
    }

    /** {@code validate -} with {@code stdin} as standard input. */
    private static CommandRun validateStdin(Supplier<InputStream> stdin, String... options) {
        String[] args = new String[options.length + 1];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = "-";
        return CommandRun.of(Main.configure(new CommandLine(new ValidateCommand(stdin))), args);
    }

    @Test
    public void standardInputIsReadWithinTheSameLimitAndRefusedInOneLine() {
        byte[] text = ("steps:\n  - command: make\n# " + "x".repeat(2048) + "\n").getBytes(StandardCharsets.UTF_8);
        CommandRun small = validateStdin(() -> new ByteArrayInputStream(text), "--max-file-size", "1KiB");
        assertThat(small.exit()).isEqualTo(2);
        assertThat(small.err()).isEqualTo("<stdin>: error: cannot read file: more than the limit of 1024 bytes;"
                + " raise it with --max-file-size\n");
        assertThat(small.out()).isEmpty();

        CommandRun raised = validateStdin(() -> new ByteArrayInputStream(text), "--max-file-size", "4KiB");
        assertThat(raised.exit()).isZero();
        assertThat(raised.err()).isEmpty();
    }

    @Test
    public void endlessStandardInputIsRefusedAfterTheLimitIsRead() {
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return '#';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) '#');
                read.addAndGet(len);
                return len;
            }
        };
        CommandRun run = validateStdin(() -> endless);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("<stdin>: error: cannot read file: more than the limit of 10485760 bytes"
                + " (10 MiB); raise it with --max-file-size\n");
        assertThat(read.get()).isEqualTo(10L * 1024 * 1024 + 1);
    }

    @Test
    public void aFifoIsRefusedInsteadOfWaitedOn() throws Exception {
        Path fifo = Fifos.make(tmp.getRoot().toPath().resolve("pipeline.yml"));
        for (String command : new String[] {"validate", "plan", "convert"}) {
            CommandRun run = CommandRun.of(command, fifo.toString());
            assertThat(run.exit()).as(command).isEqualTo(2);
            assertThat(run.err()).as(command).isEqualTo(fifo + ": error: cannot read file: not a regular file (a FIFO,"
                    + " socket or device is not read)\n");
        }
    }
}
