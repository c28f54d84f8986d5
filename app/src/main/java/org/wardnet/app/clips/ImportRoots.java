package org.wardnet.app.clips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;

/**
 * The directories a directory import may read, so a request cannot have the server index (and
 * then serve) files from anywhere on its disk. A requested folder is resolved to its real path
 * ({@code ..} and symbolic links followed) before it is compared with the roots' real paths.
 *
 * <p>Limit: a root that does not exist yet is skipped until it does.
 */
public final class ImportRoots {

    private final List<Path> roots;

    public ImportRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** From {@code clips.importRoots} (comma-separated), or the defaults when it is empty. */
    /** {@code clips.importRoots}; by default the data directory and the recording directory. */
    public static ImportRoots from(WardnetConfig config) {
        Path data = Path.of(config.get(WardnetKeys.STORE_DATA_DIR));
        String recordings = config.get(WardnetKeys.RECORDING_DIRECTORY);
        return of(config.get(WardnetKeys.CLIPS_IMPORT_ROOTS), List.of(data,
                recordings.isEmpty() ? data.resolve("recordings") : Path.of(recordings)));
    }

    public static ImportRoots of(String configured, List<Path> defaults) {
        List<Path> roots = new ArrayList<>();
        for (String part : configured.split(",")) {
            if (!part.isBlank()) {
                roots.add(Path.of(part.strip()));
            }
        }
        return new ImportRoots(roots.isEmpty() ? defaults : roots);
    }

    /**
     * The real path of {@code requested} when it is a readable directory under a root.
     *
     * @throws IllegalArgumentException saying why it is refused
     */
    public Path check(String requested) {
        Path real;
        try {
            real = Path.of(requested).toAbsolutePath().toRealPath();
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("'" + requested + "' is not a directory the server can read");
        }
        if (!Files.isDirectory(real)) {
            throw new IllegalArgumentException("'" + requested + "' is not a directory the server can read");
        }
        for (Path root : roots) {
            try {
                if (real.startsWith(root.toAbsolutePath().toRealPath())) {
                    return real;
                }
            } catch (IOException e) {
                // a root that does not exist (yet) admits nothing
            }
        }
        throw new IllegalArgumentException("'" + requested + "' is outside the folders imports may read"
                + " (clips.importRoots: " + roots + ")");
    }
}
