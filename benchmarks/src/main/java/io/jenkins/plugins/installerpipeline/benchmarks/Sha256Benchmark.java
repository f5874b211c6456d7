package io.jenkins.plugins.installerpipeline.benchmarks;

import io.jenkins.plugins.installerpipeline.artifact.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SHA-256 of one 1 GiB file (random bytes, in the page cache after the first read) by {@link Sha256#of}, by
 * {@code openssl dgst -sha256} and by coreutils {@code sha256sum}, side by side in one run: each operation hashes the
 * whole file, so throughput = 1 GiB / time per operation. A fourth variant reads through a heap {@code byte[]} for
 * comparison.
 * The file is created in {@code java.io.tmpdir} and deleted at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class Sha256Benchmark {

    @Param("1073741824")
    public long bytes;

    private Path file;

    @Setup(Level.Trial)
    public void createFile() throws IOException {
        file = Files.createTempFile("sha256-bench-", ".bin");
        byte[] block = new byte[1 << 20];
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public String javaSha256DirectBuffer() throws IOException {
        return Sha256.of(file);
    }

    @Benchmark
    public String javaSha256HeapArray() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Benchmark
    public String coreutilsSha256sum() throws Exception {
        return spawn("sha256sum", file.toString());
    }

    @Benchmark
    public String opensslDgst() throws Exception {
        return spawn("openssl", "dgst", "-sha256", "-r", file.toString());
    }

    /** The hex digest a hashing tool prints first, run once per operation (its start-up is in the figure). */
    private static String spawn(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(command[0] + " failed: " + out);
        }
        return out.substring(0, 64);
    }
}
