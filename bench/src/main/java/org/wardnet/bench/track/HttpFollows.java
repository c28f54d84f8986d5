package org.wardnet.bench.track;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import org.wardnet.core.track.TravelMode;

/**
 * Follow requests sent one at a time to a server's {@code POST /api/v1/track/follow}, as an
 * investigator's page sends them, each timed from sending to the whole answer read. Any answer
 * other than 200 fails the run, and so does a run in which no answer held a clip.
 */
final class HttpFollows {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    private final String token;

    HttpFollows(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** {@code count} timed follows (limit 10) from random cameras, times and modes; nanoseconds each. */
    long[] timed(String[] ids, Random random, int count, Instant first, long spanSeconds) throws Exception {
        long[] nanos = new long[count];
        TravelMode[] modes = TravelMode.values();
        int withClips = 0;
        for (int i = 0; i < count; i++) {
            TravelMode mode = modes[random.nextInt(modes.length)];
            Instant at = first.plusSeconds(random.nextInt((int) Math.max(1, spanSeconds)));
            String body = String.format(Locale.ROOT, "{\"cameraId\":\"%s\",\"time\":\"%s\",\"mode\":\"%s\","
                    + "\"horizonSeconds\":%d,\"limit\":10}", ids[random.nextInt(ids.length)], at, mode,
                    TrackEvaluation.horizon(mode));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/track/follow"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - t;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("follow answered " + answer.statusCode() + ": " + answer.body());
            }
            withClips += answer.body().contains("\"seekSeconds\"") ? 1 : 0;
        }
        if (withClips == 0) {
            throw new IllegalStateException("no follow answer had a clip: the benchmark measured nothing");
        }
        return nanos;
    }
}
