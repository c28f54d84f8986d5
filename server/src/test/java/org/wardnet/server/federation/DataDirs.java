package org.wardnet.server.federation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A node's data directory as the node tests handle it: copied for a backup, emptied for a wipe. */
final class DataDirs {

    private DataDirs() {
    }

    /** Copies the tree under {@code from} to {@code to} (a stopped node's store: a backup). */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** Deletes everything under {@code dir}, and {@code dir} itself unless {@code keepDir}. */
    static void delete(Path dir, boolean keepDir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!keepDir || !file.equals(dir)) {
                    Files.delete(file);
                }
            }
        }
    }
}
