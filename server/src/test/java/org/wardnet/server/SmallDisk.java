package org.wardnet.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small filesystem for one child process: a tmpfs mounted at a directory in a mount namespace of
 * the child's own (so nothing outlives it), and reached from the test through {@code /proc/PID/root}
 * to fill it or give room back. Needs {@code unshare} and the right to mount (root, as in CI).
 */
public final class SmallDisk {

    private SmallDisk() {
    }

    /** The command prefix that runs what follows it with a tmpfs of {@code size} (as mount takes it) at {@code dir}. */
    public static List<String> mountedAt(Path dir, String size) {
        return List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o size=" + size + " tmpfs \"$0\" && exec \"$@\"", dir.toString());
    }

    /**
     * The command prefix that runs what follows it with a read-only filesystem at {@code dir}, holding
     * an empty directory {@code data} (as a disk remounted read-only after errors would be).
     */
    public static List<String> readOnlyAt(Path dir) {
        return List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o size=1m tmpfs \"$0\" && mkdir \"$0/data\" && mount -o remount,ro \"$0\" && exec \"$@\"",
                dir.toString());
    }

    /**
     * Lets {@code dir} take no new file, or takes that back ({@code chattr +i}/{@code -i}, which binds
     * root too and which tmpfs supports): files already open stay writable, as on a disk a kernel
     * remounted read-only after errors, where no new file can be made.
     */
    public static void refuseNewFiles(Path dir, boolean refuse) throws IOException, InterruptedException {
        Process chattr = new ProcessBuilder("chattr", refuse ? "+i" : "-i", dir.toString()).redirectErrorStream(true)
                .start();
        String said = new String(chattr.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!chattr.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || chattr.exitValue() != 0) {
            throw new IOException("chattr on " + dir + " failed: " + said);
        }
    }

    /** {@code dir} as the child started with {@link #mountedAt} sees it: its tmpfs, not the directory beneath. */
    public static Path asSeenBy(Process child, Path dir) {
        return Path.of("/proc/" + child.pid() + "/root" + dir.toAbsolutePath());
    }

    /** Writes into {@code file} until the filesystem refuses: every block taken. */
    public static void fillUntilFull(Path file) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < (1L << 30); written += block.length) { // bounded: 1 GiB
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertTrue(full.getMessage().contains("No space left on device"), full.toString());
            return;
        }
        throw new AssertionError("the filesystem never filled: is the tmpfs mounted?");
    }
}
