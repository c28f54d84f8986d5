package org.wardnet.app.clips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.clips.MediaFile;
import org.wardnet.core.clips.MediaFiles;
import org.wardnet.core.clips.RecordingNames;

/**
 * Indexes a folder of existing recordings where they lie. With a camera id, the folder holds that
 * camera's files; without, each subfolder is named by the camera whose files it holds. A file's
 * start comes from its name ({@link RecordingNames}) or else the container's creation time, its
 * length and video format from FFmpeg, and its SHA-256 is taken. Files already indexed (same
 * camera, start and path) are skipped, so an import can be run again after new files arrive.
 *
 * <p>Blocking and slow (it reads every file whole for the hash): run it off the event loops.
 * Not thread-safe; one import per instance.
 */
public final class DirectoryImport {

    private static final Set<String> EXTENSIONS = Set.of("mp4", "m4v", "mov", "mkv", "ts");
    private static final int BATCH = 1_000;

    private final ClipIndex index;
    private final Predicate<String> cameraExists;
    private final MediaFiles files;

    public DirectoryImport(ClipIndex index, Predicate<String> cameraExists, MediaFiles files) {
        this.index = index;
        this.files = files;
        this.cameraExists = cameraExists;
    }

    /** What an import did: counts, and each skipped file with its reason (the first 1,000). */
    public record Outcome(int files, int indexed, int alreadyIndexed, List<Skipped> skipped) {
    }

    public record Skipped(String file, String reason) {
    }

    /**
     * @param directory an existing directory the server can read
     * @param cameraId  the camera of every file, or null to take it from each subfolder's name
     * @throws IOException when the directory cannot be listed
     */
    public Outcome run(Path directory, String cameraId) throws IOException {
        List<Skipped> skipped = new ArrayList<>();
        List<Clip> pending = new ArrayList<>();
        int files = 0;
        int indexed = 0;
        int already = 0;
        for (Path file : recordings(directory)) {
            files++;
            String camera = cameraId != null ? cameraId : file.getParent().getFileName().toString();
            String reason = null;
            Clip clip = null;
            if (!cameraExists.test(camera)) {
                reason = "no camera '" + camera + "' is registered";
            } else {
                try {
                    clip = clipOf(file, camera);
                    if (clip == null) {
                        reason = "no start time: neither the name nor the file's creation_time gives one";
                    } else if (indexedAlready(clip)) {
                        already++;
                        clip = null;
                    }
                } catch (IOException e) {
                    reason = e.getMessage();
                }
            }
            if (reason != null) {
                if (skipped.size() < 1_000) {
                    skipped.add(new Skipped(file.toString(), reason));
                }
            } else if (clip != null) {
                pending.add(clip);
                if (pending.size() == BATCH) {
                    indexed += index.add(pending).size();
                    pending.clear();
                }
            }
        }
        indexed += index.add(pending).size();
        return new Outcome(files, indexed, already, skipped);
    }

    private static List<Path> recordings(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory, 2)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
            }).sorted().toList();
        }
    }

    private Clip clipOf(Path file, String camera) throws IOException {
        MediaFile media = files.probe(file);
        if (media.durationMillis() <= 0) {
            throw new IOException("FFmpeg reads no duration in " + file.getFileName());
        }
        Instant start = RecordingNames.startOf(file.getFileName().toString()).orElse(media.createdAt());
        if (start == null) {
            return null;
        }
        return Clip.ofFile(camera, start, file.toAbsolutePath().toString(), Files.size(file), media, files.sha256(file),
                ClipOrigin.IMPORTED);
    }

    private boolean indexedAlready(Clip clip) {
        return index.overlapping(clip.cameraId(), clip.start(), clip.start().plusMillis(1), null, 100).stream()
                .anyMatch(c -> c.media().equals(clip.media()) && c.start().equals(clip.start()));
    }
}
