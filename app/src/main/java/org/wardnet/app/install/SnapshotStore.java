package org.wardnet.app.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.wardnet.core.registry.Ids;

/**
 * Each camera's latest snapshot, one JPEG file per camera under the data directory, replaced
 * atomically so a reader never sees half a file. File names are camera ids, which the registry's
 * id rule keeps free of path separators; ids are checked again here all the same.
 */
final class SnapshotStore {

    private final Path directory;

    SnapshotStore(Path directory) {
        this.directory = directory;
    }

    void save(String cameraId, byte[] jpeg) {
        Path target = file(cameraId);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".snapshot-", ".tmp");
            Files.write(temporary, jpeg);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the snapshot of " + cameraId, e);
        }
    }

    Optional<byte[]> load(String cameraId) {
        Path file = file(cameraId);
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot of " + cameraId, e);
        }
    }

    private Path file(String cameraId) {
        return directory.resolve(Ids.require(cameraId, "camera id") + ".jpg");
    }
}
