package org.wardnet.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of a Java process outside its heap: the process's RSS less what of it lies in
 * the heap's reserved range (read once from {@code jcmd PID GC.heap_info}). The heap's share grows
 * as the collector first touches regions it had only reserved; what grows outside it is native
 * memory (FFmpeg's, Netty's direct buffers, thread stacks, the JIT's), where a leak would show.
 *
 * <p>Limits: Linux only ({@code /proc/PID/smaps}); needs {@code jcmd} on the PATH; a reading walks
 * every mapping of the process, a few milliseconds.
 */
public final class OutsideHeap {

    private final long pid;
    private long[] heapRange;

    /** @param pid a Java process's id (this one's: {@code ProcessHandle.current().pid()}) */
    public OutsideHeap(long pid) {
        this.pid = pid;
    }

    /** Resident memory outside the Java heap now, in MB. */
    public double megabytes() throws IOException, InterruptedException {
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
}
