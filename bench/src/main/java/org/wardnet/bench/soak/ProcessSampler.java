package org.wardnet.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads one process from outside: its threads, resident memory and open files from {@code /proc},
 * its heap from its {@code /metrics} before and after a full collection asked for with
 * {@code jcmd PID GC.run} (the live set, which a leak makes grow; heap in use at a random moment
 * mostly shows where the collector's cycle is), and the sizes of directories on disk.
 *
 * <p>Limits: Linux only; the collection it asks for is itself a pause of the server once a minute.
 */
final class ProcessSampler {

    private final long pid;
    private final SoakApi api;
    private final OutsideHeap outsideHeap;

    ProcessSampler(long pid, SoakApi api) {
        this.pid = pid;
        this.api = api;
        this.outsideHeap = new OutsideHeap(pid);
    }

    /** Heap in use (MB) now, then after a full collection. */
    double[] heapBeforeAndAfterCollection() throws IOException, InterruptedException {
        double before = heapMb();
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
            throw new IOException("jcmd GC.run did not finish within 60 s");
        }
        return new double[] {before, heapMb()};
    }

    /** The sum of the heap pools' use, from the server's own metrics. */
    private double heapMb() throws IOException {
        SoakApi.Answer metrics = api.get("/metrics");
        if (!metrics.ok()) {
            throw new IOException("/metrics answered " + metrics.status());
        }
        double bytes = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return bytes / (1 << 20);
    }

    /** Resident memory outside the Java heap, in MB: see {@link OutsideHeap}. */
    double rssOutsideHeapMb() throws IOException, InterruptedException {
        return outsideHeap.megabytes();
    }

    int threads() throws IOException {
        return (int) statusField("Threads:");
    }

    double rssMb() throws IOException {
        return statusField("VmRSS:") / 1024.0; // kB
    }

    int openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        }
    }

    private long statusField(String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        for (String line : lines) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).strip().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + name + " in /proc/" + pid + "/status");
    }

    /**
     * The bytes of the regular files under {@code path} (0 when it does not exist), in MB. Files
     * that vanish while the tree is walked (a recording's open marker, a segment renamed, a
     * temporary file) count as nothing rather than failing the sample: the server creates and
     * removes them all the time.
     */
    static double sizeMb(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        long[] bytes = {0};
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    bytes[0] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return bytes[0] / (double) (1 << 20);
    }
}
