package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wardnet.adapters.federation.HttpNodeFootage;
import org.wardnet.app.federation.ChildAccess;
import org.wardnet.app.registry.RecordOwners;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.core.access.Caller;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.federation.NodeAccess;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.Problem;

/**
 * Footage a child node holds, fetched from it on demand for a caller here: a clip's media (the
 * Range passed on, the node's 206 and Content-Range passed back), a camera's export and its
 * verification snapshot. The node
 * is reached as it announced ({@link ChildAccess}); the caller's scope is checked here first, and
 * the request is audited here (by the route) and at the node (as this node's account, naming the
 * caller). Each answer goes through a file of its own, deleted once sent.
 *
 * <p>Limits: an open Range ({@code bytes=N-}) is fetched {@value #WINDOW_BYTES} bytes at a time
 * (the answer is a 206 for that much, which players follow with the next range); a request without
 * Range fetches the whole clip before the first byte goes out.
 */
final class NodeFootage {

    static final long WINDOW_BYTES = 8L << 20;
    private static final Pattern OPEN_RANGE = Pattern.compile("bytes=(\\d{1,18})-");
    private static final Duration KEEP = Duration.ofHours(1);

    private final ChildAccess access;
    private final HttpNodeFootage client;
    private final RecordOwners owners;
    private final ScopedRegistry registry;
    private final Path directory;

    /** @param directory where fetched answers are written before they are sent */
    NodeFootage(ChildAccess access, HttpNodeFootage client, RecordOwners owners, ScopedRegistry registry,
            Path directory) {
        this.access = access;
        this.client = client;
        this.owners = owners;
        this.registry = registry;
        this.directory = directory;
    }

    /** A node clip's media, for a caller already allowed to see the clip. Blocking. */
    ApiResponse media(Caller caller, Clip clip, String range) {
        String node = clip.heldByNode();
        String asked = range == null ? null : window(range.strip());
        Fetched fetched = fetch(caller, node, "/api/v1/clips/" + clip.nodeClipId() + "/media", asked);
        HttpNodeFootage.Fetched answer = fetched.answer();
        if (answer.status() == 200 || answer.status() == 206) {
            ApiResponse response = ApiResponse.file(HttpResponseStatus.valueOf(answer.status()), answer.contentType(),
                    ApiResponse.FilePart.temporary(fetched.file(), answer.length())).withHeader("Accept-Ranges", "bytes");
            return answer.contentRange() == null ? response : response.withHeader("Content-Range", answer.contentRange());
        }
        discard(fetched.file());
        if (answer.status() == 416) {
            ApiException refused = new ApiException(Problem.of(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "range-not-satisfiable", "Range not satisfiable", "node " + node + ": " + answer.problemDetail()));
            throw refused;
        }
        throw refusedBy(node, answer, "clip " + clip.id());
    }

    /** The camera's owning node, when a child node holds it; empty for a camera of this node's own. */
    Optional<String> ownerOf(Caller caller, String cameraId) {
        return owners.ownerOf(registry.camera(caller, cameraId).siteId());
    }

    /** The snapshot of a node's camera, taken at its last verification there. Blocking. */
    ApiResponse snapshot(Caller caller, String node, String cameraId) {
        Fetched fetched = fetch(caller, node, "/api/v1/cameras/" + cameraId + "/snapshot", null);
        HttpNodeFootage.Fetched answer = fetched.answer();
        if (answer.status() == 200) {
            return ApiResponse.file(HttpResponseStatus.OK, answer.contentType(),
                    ApiResponse.FilePart.temporary(fetched.file(), answer.length())).withHeader("Cache-Control", "no-cache");
        }
        discard(fetched.file());
        if (answer.status() == 404) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "no-snapshot", "No snapshot",
                    "node " + node + " has no snapshot of camera '" + cameraId + "': " + answer.problemDetail());
        }
        throw refusedBy(node, answer, "the snapshot of " + cameraId);
    }

    /** A window of a node's camera cut by the node, as an attachment. Blocking. */
    ApiResponse export(Caller caller, String node, String cameraId, Instant from, Instant to) {
        Fetched fetched = fetch(caller, node, "/api/v1/cameras/" + cameraId + "/export?from=" + from + "&to=" + to,
                null);
        HttpNodeFootage.Fetched answer = fetched.answer();
        if (answer.status() == 200) {
            return ApiResponse.file(HttpResponseStatus.OK, answer.contentType(),
                    ApiResponse.FilePart.temporary(fetched.file(), answer.length()))
                    .withHeader("Content-Disposition", "attachment; filename=\"" + cameraId + "-"
                            + from.toString().replace(":", "") + ".mp4\"");
        }
        discard(fetched.file());
        throw refusedBy(node, answer, "the export of " + cameraId);
    }

    private record Fetched(Path file, HttpNodeFootage.Fetched answer) {
    }

    private Fetched fetch(Caller caller, String node, String path, String range) {
        NodeAccess reach = access.of(node).orElseThrow(() -> new ApiException(Problem.of(HttpResponseStatus.BAD_GATEWAY,
                "node-unreachable", "Node unreachable", "node " + node + " holds this footage but has not said how"
                        + " to reach it (its federation.publicUrl, announced when it connects)")));
        Path file = newFile();
        try {
            return new Fetched(file, client.fetch(reach, path, range, caller.principal().user(), file));
        } catch (HttpNodeFootage.Unreachable e) {
            discard(file);
            throw new ApiException(Problem.of(HttpResponseStatus.BAD_GATEWAY, "node-unreachable", "Node unreachable",
                    "node " + node + " holds this footage and cannot be reached now: " + e.getMessage()));
        }
    }

    /** An open range becomes a bounded one; any other is passed on as it came. */
    static String window(String range) {
        Matcher open = OPEN_RANGE.matcher(range);
        if (open.matches()) {
            long start = Long.parseLong(open.group(1));
            return "bytes=" + start + "-" + (start + WINDOW_BYTES - 1);
        }
        return range;
    }

    private static RuntimeException refusedBy(String node, HttpNodeFootage.Fetched answer, String what) {
        if (answer.status() == 404) {
            return new DomainException(DomainException.Kind.GONE, "media-gone", "Media gone",
                    what + " is indexed here but node " + node + " no longer has it: " + answer.problemDetail());
        }
        return new ApiException(Problem.of(HttpResponseStatus.BAD_GATEWAY, "node-refused", "Node refused",
                "node " + node + " answered " + answer.status() + " for " + what + ": " + answer.problemDetail()));
    }

    private Path newFile() {
        try {
            Files.createDirectories(directory);
            sweep();
            return directory.resolve("node-" + UUID.randomUUID() + ".part");
        } catch (IOException e) {
            throw new ApiException(Problem.of(HttpResponseStatus.INTERNAL_SERVER_ERROR, "relay-failed",
                    "Relay failed", "cannot write under " + directory + ": " + e.getMessage()));
        }
    }

    /** Files older than an hour are leftovers of answers never sent (a client gone, a crash). */
    private void sweep() throws IOException {
        Instant old = Instant.now().minus(KEEP);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "node-*.part")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(old)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // swept within the hour
        }
    }
}
