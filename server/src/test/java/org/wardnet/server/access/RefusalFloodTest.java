package org.wardnet.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.TestServer;
import org.wardnet.server.cli.CliAccess;

/**
 * A flood of 100,000 requests without credentials from one address on an audited route (a clip
 * listing): the first refusals of each window are answered 401 and audited one by one, the rest
 * 429 with Retry-After and counted into one entry per window, so the trail grows by a bounded
 * number of entries and still verifies; meanwhile a logged-in user from the same address is
 * answered as usual.
 */
class RefusalFloodTest {

    private static final int REQUESTS = 100_000;
    private static final int CONNECTIONS = 4;
    private static final int PER_WINDOW = 100;

    @TempDir
    Path dir;
    private TestServer api;

    @BeforeEach
    void start() throws Exception {
        api = TestServer.start(dir, config -> config.with(WardnetKeys.AUTH_REFUSALS_PER_ADDRESS, PER_WINDOW)
                .with(WardnetKeys.AUTH_REFUSAL_WINDOW_SECONDS, 3));
        api.smallTree();
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aFloodCostsTheTrailAFewEntriesPerWindowAndUsersAreStillAnswered() throws Exception {
        long before = lastSeq();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong withoutRetryAfter = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS * 2);
        List<Future<?>> flood = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Socket socket = new Socket();
            socket.connect(api.server.address(), 5_000);
            socket.setSoTimeout(60_000);
            int count = REQUESTS / CONNECTIONS;
            // pipelined, but at most 64 unanswered: Netty's codec closes a connection with over 128
            Semaphore window = new Semaphore(64);
            flood.add(pool.submit(() -> send(socket, count, window)));
            flood.add(pool.submit(() -> read(socket, count, window, statuses, withoutRetryAfter)));
        }
        int usersAnswered = 0;
        while (!flood.stream().allMatch(Future::isDone)) {
            assertEquals(200, api.get("/api/v1/sites/S1").statusCode(), "a logged-in user during the flood");
            usersAnswered++;
        }
        for (Future<?> f : flood) {
            f.get();
        }
        pool.shutdown();
        long unauthorized = count(statuses, 401);
        long throttled = count(statuses, 429);
        assertEquals(REQUESTS, unauthorized + throttled, "only 401 and 429: " + statuses);
        assertEquals(0, withoutRetryAfter.get(), "every 429 says when to retry");
        assertTrue(usersAnswered > 0);

        // the last window is summed within a second of its end
        List<JsonNode> entries = List.of();
        long summed = 0;
        for (int attempt = 0; attempt < 60 && summed < throttled; attempt++) {
            Thread.sleep(500);
            entries = entriesAfter(before);
            summed = entries.stream().filter(e -> e.get("action").asText().equals("auth.refusals"))
                    .mapToLong(e -> Long.parseLong(e.get("target").asText().replaceAll("^count=(\\d+) .*", "$1")))
                    .sum();
        }
        assertEquals(throttled, summed, "every 429 is counted in the trail");
        long summaries = entries.stream().filter(e -> e.get("action").asText().equals("auth.refusals")).count();
        long single = entries.stream().filter(e -> e.get("action").asText().equals("clips.list")).count();
        assertEquals(unauthorized, single, "each 401 has its own entry");
        assertTrue(single <= (long) PER_WINDOW * (summaries + 1), single + " single entries in " + summaries
                + " windows");
        assertTrue(single + summaries < REQUESTS / 50, "the trail grew by " + (single + summaries) + " entries for "
                + REQUESTS + " requests");
        entries.stream().filter(e -> e.get("action").asText().equals("auth.refusals")).forEach(e -> {
            assertEquals(429, e.get("result").asInt());
            assertEquals("127.0.0.1", e.get("address").asText());
        });

        api.close();
        api = null;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("audit", "verify"));
        args.addAll(TestServer.storeOptions(dir));
        int verified = CliAccess.run(args.toArray(String[]::new), new PrintStream(printed, true, StandardCharsets.UTF_8),
                Map.of());
        assertEquals(0, verified, "the trail's chain holds: " + printed.toString(StandardCharsets.UTF_8));
    }

    private static long count(Map<Integer, AtomicLong> statuses, int status) {
        AtomicLong n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    private static Void send(Socket socket, int count, Semaphore window) throws IOException, InterruptedException {
        byte[] request = ("GET /api/v1/clips?camera=c1&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        OutputStream out = socket.getOutputStream();
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int sent = 0; sent < count; ) {
            int room = window.drainPermits();
            if (room == 0) {
                window.acquire();
                room = 1;
            }
            int n = Math.min(room, count - sent);
            for (int i = 0; i < n; i++) {
                batch.writeBytes(request);
            }
            out.write(batch.toByteArray());
            out.flush();
            batch.reset();
            sent += n;
        }
        return null;
    }

    /** Reads {@code count} responses, tallying their statuses, then closes the socket. */
    private static Void read(Socket socket, int count, Semaphore window, Map<Integer, AtomicLong> statuses,
            AtomicLong withoutRetryAfter) throws IOException {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            for (int i = 0; i < count; i++) {
                String status;
                try {
                    status = line(in);
                } catch (IOException e) {
                    throw new IOException("after " + i + " responses (" + statuses + "): " + e.getMessage(), e);
                }
                int code = Integer.parseInt(status.substring(9, 12));
                int length = 0;
                boolean retryAfter = false;
                for (String header = line(in); !header.isEmpty(); header = line(in)) {
                    String lower = header.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(lower.substring(15).strip());
                    }
                    retryAfter |= lower.startsWith("retry-after:");
                }
                in.readNBytes(length);
                window.release();
                statuses.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
                if (code == 429 && !retryAfter) {
                    withoutRetryAfter.incrementAndGet();
                }
            }
        }
        return null;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended mid-response: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private long lastSeq() throws Exception {
        List<JsonNode> all = entriesAfter(0);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).get("seq").asLong();
    }

    private List<JsonNode> entriesAfter(long after) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        long next = after;
        while (true) {
            JsonNode page = TestServer.json(api.get("/api/v1/audit?limit=1000&after=" + next));
            page.get("items").forEach(out::add);
            if (page.get("items").isEmpty() || !page.hasNonNull("nextAfter")) {
                return out;
            }
            next = page.get("nextAfter").asLong();
        }
    }
}
