package org.wardnet.app.track;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.MediaFiles;
import org.wardnet.core.track.TrackCase;

/**
 * Writes a case's evidence bundle: a ZIP with, per hop, the footage around the sighting cut from
 * the camera's local segments by remux ({@code clips/}), the route as GeoJSON, the case with its
 * legs and history, the audit trail's entries about the case ({@code audit.json}, with their chain
 * hashes, so each can be checked against the server's trail), and {@code manifest.json} listing every other file with its size and SHA-256
 * (footage held only on edge recorders is listed by URL, not included). The ZIP is written to a
 * file, never held in memory.
 *
 * <p>Limits: each hop's window is cut separately (overlapping windows repeat footage); a hop
 * whose camera has no local footage in its window contributes no video file.
 */
public final class CaseExport {

    private final ClipIndex index;
    private final ObjectMapper mapper;
    private final MediaFiles media;
    private final Path directory;

    public CaseExport(ClipIndex index, MediaFiles media, ObjectMapper mapper, Path directory) {
        this.media = media;
        this.index = index;
        this.mapper = mapper;
        this.directory = directory;
    }

    /** Where bundles are written. */
    public Path directory() {
        return directory;
    }

    /**
     * @param caseView  the case as the API shows it (route, legs, history)
     * @param locations per camera id, [lat, lon]
     * @param around    footage kept before and after each sighting
     * @param audit     the audit entries about the case, oldest first (the export asking is not yet among them)
     * @return the ZIP file
     */
    public Path write(TrackCase trackCase, Object caseView, Map<String, double[]> locations,
            Duration around, List<?> audit) throws IOException {
        Files.createDirectories(directory);
        Path zip = directory.resolve("case-" + trackCase.id() + "-" + UUID.randomUUID() + ".zip");
        List<Map<String, Object>> files = new ArrayList<>();
        List<Map<String, Object>> remote = new ArrayList<>();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (TrackCase.Hop hop : trackCase.hops()) {
                Instant from = hop.time().minus(around);
                Instant to = hop.time().plus(around);
                List<Clip> clips = index.overlapping(hop.cameraId(), from, to, null, 1_000);
                List<MediaFiles.Source> local = new ArrayList<>();
                for (Clip clip : clips) {
                    if (clip.heldByNode() != null) { // fetched through this node, which asks the holder
                        remote.add(Map.of("hop", hop.seq(), "cameraId", hop.cameraId(), "clipId", clip.id(),
                                "mediaUrl", "/api/v1/clips/" + clip.id() + "/media", "node", clip.heldByNode()));
                    } else if (clip.remote()) {
                        remote.add(Map.of("hop", hop.seq(), "cameraId", hop.cameraId(), "clipId", clip.id(),
                                "mediaUrl", clip.media()));
                    } else {
                        local.add(new MediaFiles.Source(Path.of(clip.media()), clip.start()));
                    }
                }
                if (local.isEmpty()) {
                    continue;
                }
                Path cut = directory.resolve("hop-" + UUID.randomUUID() + ".mp4");
                try {
                    media.cut(local, from, to, cut);
                    String name = String.format("clips/%02d-%s-%s.mp4", hop.seq(), hop.cameraId(),
                            hop.time().toString().replace(":", ""));
                    files.add(entry(out, name, cut, Map.of("hop", hop.seq(), "cameraId", hop.cameraId(),
                            "from", from.toString(), "to", to.toString())));
                } finally {
                    Files.deleteIfExists(cut);
                }
            }
            files.add(entry(out, "route.geojson", mapper.writeValueAsBytes(RouteGeoJson.of(trackCase, locations)),
                    Map.of()));
            files.add(entry(out, "case.json", mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(caseView),
                    Map.of()));
            files.add(entry(out, "audit.json", mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(audit),
                    Map.of("entries", audit.size())));
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("caseId", trackCase.id());
            manifest.put("title", trackCase.title());
            manifest.put("generated", Instant.now().toString());
            manifest.put("hashAlgorithm", "SHA-256");
            manifest.put("files", files);
            manifest.put("notIncluded", remote);
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            out.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        }
        return zip;
    }

    private static Map<String, Object> entry(ZipOutputStream out, String name, Path file, Map<String, Object> about)
            throws IOException {
        out.putNextEntry(new ZipEntry(name));
        MessageDigest sha = sha256();
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                bytes += n;
            }
        }
        out.closeEntry();
        return describe(name, bytes, sha, about);
    }

    private static Map<String, Object> entry(ZipOutputStream out, String name, byte[] content, Map<String, Object> about)
            throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
        MessageDigest sha = sha256();
        sha.update(content);
        return describe(name, content.length, sha, about);
    }

    private static Map<String, Object> describe(String name, long bytes, MessageDigest sha, Map<String, Object> about) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", name);
        file.put("bytes", bytes);
        file.put("sha256", HexFormat.of().formatHex(sha.digest()));
        file.putAll(about);
        return file;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
