package org.wardnet.bench.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What the users do during the soak, lightly: two requests a second in turn (a camera, the health
 * summary, a recorded camera's clips of the last hour, a follow from a sighting, readiness), and one
 * operator holding the alarm event stream open, reconnecting when it closes. Counts per minute what
 * was answered 2xx, what was not, and the events received; and for the whole run, the failures of
 * each kind of request by status with the first answer of each, so a failure names its cause.
 */
final class UserLoad implements AutoCloseable {

    private final SoakApi api;
    private final List<String> cameras;
    private final String recordedCamera;
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger streamOpenings = new AtomicInteger();
    /** "kind status" to count and the first answer's opening; guarded by itself. */
    private final Map<String, Failure> failures = new TreeMap<>();
    private final Thread requests;
    private final Thread stream;
    private volatile boolean stopped;
    private volatile HttpResponse<Stream<String>> open;

    UserLoad(SoakApi api, List<String> cameras, String recordedCamera) {
        this.api = api;
        this.cameras = cameras;
        this.recordedCamera = recordedCamera;
        this.requests = new Thread(this::requestLoop, "soak-users");
        this.stream = new Thread(this::streamLoop, "soak-events");
        requests.setDaemon(true);
        stream.setDaemon(true);
        requests.start();
        stream.start();
    }

    /** The counts since the last call: answered 2xx, not, events. */
    int[] takeMinute() {
        return new int[] {ok.getAndSet(0), failed.getAndSet(0), events.getAndSet(0)};
    }

    /** How many times the event stream was opened (1 when it never dropped). */
    int streamOpenings() {
        return streamOpenings.get();
    }

    private static final String[] KINDS = {"camera", "health summary", "clips", "follow", "readyz"};

    /** A kind of request and status that failed: how often, and the first answer. */
    record Failure(int count, String first) {
    }

    /** The failures of the run so far, by "kind status" ("follow 422", "events stream"). */
    Map<String, Failure> failures() {
        synchronized (failures) {
            return Map.copyOf(failures);
        }
    }

    private void remember(String key, String body) {
        String opening = body == null ? "" : body.replaceAll("\\s+", " ");
        synchronized (failures) {
            failures.merge(key, new Failure(1, opening.substring(0, Math.min(200, opening.length()))),
                    (was, one) -> new Failure(was.count() + 1, was.first()));
        }
    }

    private void requestLoop() {
        ObjectMapper json = new ObjectMapper();
        long n = 0;
        while (!stopped) {
            String camera = cameras.get((int) (n % cameras.size()));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            int kind = (int) (n % 5);
            SoakApi.Answer answer = switch (kind) {
                case 0 -> api.get("/api/v1/cameras/" + camera);
                case 1 -> api.get("/api/v1/health/summary?site=sub-0" + (1 + n % 8));
                case 2 -> api.get("/api/v1/clips?camera=" + recordedCamera + "&from=" + now.minus(1, ChronoUnit.HOURS)
                        + "&to=" + now);
                case 3 -> api.post("/api/v1/track/follow", json.createObjectNode().put("cameraId", camera)
                        .put("time", now.minus(90, ChronoUnit.MINUTES).toString()).put("mode", "WALK")
                        .put("horizonSeconds", 300).put("limit", 5).toString());
                default -> api.get("/readyz");
            };
            (answer.ok() ? ok : failed).incrementAndGet();
            if (!answer.ok()) {
                remember(KINDS[kind] + " " + answer.status(), answer.body());
            }
            n++;
            sleep(500);
        }
    }

    private void streamLoop() {
        while (!stopped) {
            try {
                HttpResponse<Stream<String>> response = api.stream("/api/v1/events?alarms=true");
                open = response;
                streamOpenings.incrementAndGet();
                try (Stream<String> lines = response.body()) {
                    lines.filter(line -> line.startsWith("data:")).forEach(line -> events.incrementAndGet());
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                if (!stopped) {
                    failed.incrementAndGet();
                    remember("events stream", String.valueOf(e));
                }
            } catch (InterruptedException e) {
                return;
            }
            sleep(1_000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped = true;
        HttpResponse<Stream<String>> response = open;
        if (response != null) {
            response.body().close();
        }
        requests.interrupt();
        stream.interrupt();
    }
}
