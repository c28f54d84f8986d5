package org.wardnet.app.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.clips.MediaFile;
import org.wardnet.core.clips.MediaFiles;
import org.wardnet.core.clips.OpenSegments;
import org.wardnet.core.clips.RecordingNames;

/**
 * At start, before recording resumes: finds segments on disk that the index lacks (the segment
 * that was open when the process died, or one closed just before its row was written), repairs
 * each (a clean copy of every readable packet) and indexes it. Leftover repair copies are removed.
 * Each camera's segments marked open are checked, then its files newest first, and the walk stops
 * at the first indexed one, so the cost does not grow with the footage kept.
 */
final class RecordingRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingRecovery.class);

    private RecordingRecovery() {
    }

    /** @return the segments indexed */
    static int run(Path root, ClipIndex index, MediaFiles media) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int recovered = 0;
        try (Stream<Path> cameras = Files.list(root)) {
            for (Path directory : cameras.filter(Files::isDirectory).sorted().toList()) {
                recovered += recoverCamera(directory, index, media);
            }
        } catch (IOException e) {
            LOG.warn("recovery could not list {}: {}", root, e.getMessage());
        }
        if (recovered > 0) {
            LOG.info("recovery: {} segments that were not indexed were repaired and indexed", recovered);
        }
        return recovered;
    }

    /**
     * One camera's segments: first those the recorder marked open ({@link OpenSegments}), wherever
     * their names sort (after the clock was stepped back, the segment open at a crash sorts before
     * footage already indexed); then newest first, until one is found indexed: segments are indexed
     * in the order they close, so only the newest can lack a row (the one open when the process
     * died, and one closed just before its row was written; and segments recorded before markers
     * existed). Older unindexed files are the directory import's to find, not start-up's.
     */
    private static int recoverCamera(Path directory, ClipIndex index, MediaFiles media) throws IOException {
        String camera = directory.getFileName().toString();
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(Files::isRegularFile).sorted(Comparator.reverseOrder()).toList();
        }
        int recovered = 0;
        Set<Path> handled = new HashSet<>();
        for (Path file : files) {
            Optional<Path> marked = OpenSegments.segmentOf(file);
            if (marked.isEmpty()) {
                continue;
            }
            Path segment = marked.get();
            Optional<Instant> start = RecordingNames.startOf(segment.getFileName().toString());
            if (Files.isRegularFile(segment) && start.isPresent() && handled.add(segment)
                    && !indexed(index, camera, start.get(), segment) && recover(index, media, segment, camera,
                            start.get())) {
                recovered++;
            }
            Files.deleteIfExists(file);
        }
        for (Path file : files) {
            if (handled.contains(file)) {
                continue;
            }
            String name = file.getFileName().toString();
            if (name.endsWith(".repair")) {
                Files.deleteIfExists(file);
                continue;
            }
            Optional<Instant> start = RecordingNames.startOf(name);
            if (!name.endsWith(".mp4") || start.isEmpty()) {
                continue;
            }
            if (indexed(index, camera, start.get(), file)) {
                break;
            }
            if (recover(index, media, file, camera, start.get())) {
                recovered++;
            }
        }
        return recovered;
    }

    private static boolean indexed(ClipIndex index, String camera, Instant start, Path file) {
        String media = file.toAbsolutePath().toString();
        return index.overlapping(camera, start, start.plusMillis(1), null, 100).stream()
                .anyMatch(c -> c.media().equals(media));
    }

    private static boolean recover(ClipIndex index, MediaFiles files, Path file, String camera, Instant start) {
        try {
            if (files.repair(file) == 0) {
                LOG.warn("recovery: {} holds no readable video; left as it is", file);
                return false;
            }
            MediaFile media = files.probe(file);
            if (media.durationMillis() <= 0) {
                LOG.warn("recovery: {} has no duration after repair; left unindexed", file);
                return false;
            }
            index.add(List.of(Clip.ofFile(camera, start, file.toAbsolutePath().toString(), Files.size(file), media,
                    files.sha256(file), ClipOrigin.RECORDED)));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("recovery: cannot recover {}: {}", file, e.getMessage());
            return false;
        }
    }
}
