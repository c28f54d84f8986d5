package org.wardnet.bench.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What the users do during the soak, lightly: two requests a second in turn (a camera, the health
 * summary, a recorded camera's clips of the last hour, a follow from a sighting, readiness), and one
 * operator holding the alarm event stream open, reconnecting when it closes. Counts per minute what
 * was answered 2xx, what was not, and the events received.
 */
final class UserLoad implements AutoCloseable {

    private final SoakApi api;
    private final List<String> cameras;
    private final String recordedCamera;
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger streamOpenings = new AtomicInteger();
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

    private void requestLoop() {
        ObjectMapper json = new ObjectMapper();
        long n = 0;
        while (!stopped) {
            String camera = cameras.get((int) (n % cameras.size()));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            SoakApi.Answer answer = switch ((int) (n % 5)) {
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
