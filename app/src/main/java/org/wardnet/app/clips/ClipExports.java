package org.wardnet.app.clips;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.core.access.Caller;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.MediaFiles;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.errors.ExportFailures;

/**
 * One MP4 cut from a camera's local segments covering a window, by remux, written under the
 * exports directory. Exports older than an hour are removed on the next one. Footage held on edge
 * recorders is not fetched: a window covered only remotely is a conflict naming it. Blocking and
 * slow (it reads the segments): run it on an executor of its own.
 */
public final class ClipExports {

    private static final Duration KEEP = Duration.ofHours(1);
    private static final int MAX_CLIPS = 10_000;

    private final ClipIndex index;
    private final MediaFiles media;
    private final ScopedRegistry registry;
    private final Path directory;
    private final Clock clock;

    public ClipExports(ClipIndex index, MediaFiles media, ScopedRegistry registry, Path directory, Clock clock) {
        this.index = index;
        this.media = media;
        this.registry = registry;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * @return the file written
     * @throws DomainException NOT_FOUND (camera not in scope, or no footage), CONFLICT (footage only
     *                         on edge recorders), UNPROCESSABLE (the segments could not be cut)
     */
    public Path export(Caller caller, String cameraId, Instant from, Instant to) {
        registry.camera(caller, cameraId);
        List<Clip> clips = index.overlapping(cameraId, from, to, null, MAX_CLIPS);
        List<MediaFiles.Source> local = new ArrayList<>();
        for (Clip clip : clips) {
            if (!clip.remote() && clip.heldByNode() == null) {
                local.add(new MediaFiles.Source(Path.of(clip.media()), clip.start()));
            }
        }
        if (local.isEmpty()) {
            throw clips.isEmpty()
                    ? new DomainException(DomainException.Kind.NOT_FOUND, "no-footage", "No footage",
                            "camera '" + cameraId + "' has no footage in the window")
                    : new DomainException(DomainException.Kind.CONFLICT, "no-footage", "No footage",
                            clips.get(0).heldByNode() != null ? "the window's footage is held on node "
                                    + clips.get(0).heldByNode() + "; export it there"
                                    : "the window's footage is held on edge recorders (" + clips.get(0).media()
                                    + "); fetch it there");
        }
        Path out = directory.resolve(cameraId + "-" + from.getEpochSecond() + "-" + UUID.randomUUID() + ".mp4");
        try {
            Files.createDirectories(directory);
            removeOld();
            media.cut(local, from, to, out);
            return out;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(out); // a cut the disk stopped half-way is no export
            } catch (IOException ignored) {
                // the failure reported is the write's
            }
            throw ExportFailures.of(e, directory);
        }
    }

    private void removeOld() throws IOException {
        Instant cutoff = clock.instant().minus(KEEP);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
