package org.wardnet.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.ChildServer;
import org.wardnet.server.TestServer;
import org.wardnet.server.cli.CliAccess;

/**
 * A server in its own JVM answers audited footage reads from eight clients at once and is killed
 * with SIGKILL in the middle of them: every read that was answered must have its entry in the
 * trail a new server on the same store shows, and the trail must verify. With the embedded store
 * this is the journal's promise (an entry is forced to its file before the answer is sent, and
 * the next start indexes what the killed one had not); on PostgreSQL, the direct append's.
 */
class AuditKillTest {

    private static final int CLIENTS = 8;
    private static final int ANSWERED_BEFORE_KILL = 3_000;

    @TempDir
    Path data;

    @Test
    void everyAnsweredFootageReadHasItsEntryAfterKillMinus9UnderLoad() throws Exception {
        ChildServer first = ChildServer.start(List.of(), TestServer.storeOptions(data));
        Set<String> answered = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                clients.execute(() -> {
                    while (first.process().isAlive()) {
                        String target = "/api/v1/clips?camera=cam-" + next.incrementAndGet()
                                + "&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z";
                        try {
                            HttpResponse<String> response = ChildServer.request("GET", first.base() + target, null, null);
                            if (response.statusCode() < 500) { // 404 for these unknown cameras: answered, audited
                                answered.add(target);
                            } else {
                                unexpected.add(new AssertionError(target + ": HTTP " + response.statusCode() + " "
                                        + response.body()));
                            }
                        } catch (Exception e) {
                            return; // the server is gone: what was not answered need not be in the trail
                        }
                    }
                });
            }
            while (answered.size() < ANSWERED_BEFORE_KILL && unexpected.isEmpty()) {
                Thread.sleep(20);
            }
        } finally {
            first.kill(); // SIGKILL while the clients are still sending
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        }
        assertTrue(unexpected.isEmpty(), () -> "reads refused by the server: " + unexpected);

        ChildServer second = ChildServer.start(List.of(), TestServer.storeOptions(data));
        Set<String> recorded = new HashSet<>();
        try {
            long after = 0;
            while (true) {
                JsonNode page = ChildServer.json("GET", second.base() + "/api/v1/audit?after=" + after + "&limit=1000",
                        null);
                for (JsonNode entry : page.get("items")) {
                    if (entry.get("action").asText().equals("clips.list")) {
                        recorded.add(entry.get("target").asText());
                    }
                    after = entry.get("seq").asLong();
                }
                if (page.get("items").size() < 1000) {
                    break;
                }
            }
        } finally {
            second.stop();
        }
        List<String> lost = new ArrayList<>(answered);
        lost.removeAll(recorded);
        assertTrue(lost.isEmpty(), () -> lost.size() + " of " + answered.size() + " answered reads have no entry,"
                + " e.g. " + lost.subList(0, Math.min(5, lost.size())));
        assertTrue(recorded.size() >= answered.size()); // those answered as the kill came may also be in it

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> verify = new ArrayList<>(List.of("audit", "verify"));
        verify.addAll(TestServer.storeOptions(data));
        int status = CliAccess.run(verify.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8),
                Map.of());
        assertEquals(0, status, output.toString(StandardCharsets.UTF_8));
    }
}
