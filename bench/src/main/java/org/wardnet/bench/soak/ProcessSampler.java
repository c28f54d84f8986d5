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
    private long[] heapRange;

    ProcessSampler(long pid, SoakApi api) {
        this.pid = pid;
        this.api = api;
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

    /**
     * Resident memory outside the Java heap, in MB: the process's RSS less what of it lies in the heap's
     * reserved range (read once from {@code jcmd PID GC.heap_info}). The heap's share grows as the
     * collector first touches regions it had only reserved; what grows outside it is native memory
     * (FFmpeg's, Netty's direct buffers, thread stacks, the JIT's), where a leak would show.
     */
    double rssOutsideHeapMb() throws IOException, InterruptedException {
        if (heapRange == null) {
            heapRange = heapRange();
        }
        long outside = 0;
        long from = -1;
        long to = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps"))) {
            if (!line.isEmpty() && Character.isLetterOrDigit(line.charAt(0)) && line.indexOf('-') > 0
                    && line.indexOf(' ') > line.indexOf('-')) {
                String[] bounds = line.substring(0, line.indexOf(' ')).split("-");
                try {
                    from = Long.parseUnsignedLong(bounds[0], 16);
                    to = Long.parseUnsignedLong(bounds[1], 16);
                } catch (NumberFormatException e) {
                    // a field line that happens to look like a range: not one
                }
            } else if (line.startsWith("Rss:")) {
                boolean inHeap = from >= heapRange[0] && to <= heapRange[1];
                if (!inHeap) {
                    outside += Long.parseLong(line.substring(4).strip().split("\\s+")[0]);
                }
            }
        }
        return outside / 1024.0;
    }

    /** The heap's reserved address range, [from, to), from the JVM itself. */
    private long[] heapRange() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String said = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        java.util.regex.Matcher range = java.util.regex.Pattern.compile("\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)")
                .matcher(said);
        if (!range.find()) {
            throw new IOException("no heap range in jcmd GC.heap_info: " + said);
        }
        return new long[] {Long.parseUnsignedLong(range.group(1), 16), Long.parseUnsignedLong(range.group(2), 16)};
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
