package org.wardnet.app.recording;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps recording off a full disk: below {@code recording.minFreeBytes} of usable space under the
 * recording directory, or after a write failed for want of space (until twice that much is free
 * again), recording pauses and this says why. Thread-safe.
 */
final class DiskGuard {

    private final Path root;
    private final long minFree;
    private volatile boolean writeFailed;

    DiskGuard(Path root, long minFree) {
        this.root = root;
        this.minFree = minFree;
    }

    /** A recorder's failure: if it was a full disk, recording pauses until space is back. */
    void failed(String reason) {
        if (reason != null && reason.contains("No space left")) { // the recorder names ENOSPC as the system does
            writeFailed = true;
        }
    }

    /** Space on the recording directory's file system now; zeros when it cannot be read. */
    RecordingStatus.Disk usage() {
        try {
            Files.createDirectories(root);
            FileStore store = Files.getFileStore(root);
            return new RecordingStatus.Disk(store.getUsableSpace(), store.getTotalSpace(), minFree);
        } catch (IOException e) {
            return new RecordingStatus.Disk(0, 0, minFree);
        }
    }

    /** Why recording must pause now; empty when there is room. */
    Optional<String> alarm() {
        long free;
        try {
            Files.createDirectories(root);
            free = Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return Optional.of("cannot use the recording directory " + root + ": " + e.getMessage());
        }
        if (writeFailed && free >= 2 * minFree) {
            writeFailed = false;
        }
        if (writeFailed) {
            return Optional.of("disk full: a segment write failed under " + root + " (" + free + " bytes free)");
        }
        if (free < minFree) {
            return Optional.of("disk nearly full: " + free + " bytes free under " + root + ", below recording.minFreeBytes "
                    + minFree);
        }
        return Optional.empty();
    }
}
