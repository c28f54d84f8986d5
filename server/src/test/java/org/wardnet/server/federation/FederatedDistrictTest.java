package org.wardnet.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.federation.Eventually.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.ChildServer;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.camera.FaultPlan;
import org.wardnet.simulator.district.SyntheticCameras;
import org.wardnet.simulator.run.FreePorts;
import org.wardnet.simulator.run.SimulatorRunner;

/**
 * The district as separate processes: a center, two substation nodes and three room nodes, each
 * {@code wardnet serve} in its own JVM with its own store, the simulated cameras (in this JVM)
 * split among the rooms and probed by them, and a TCP proxy of the test's own on each link upward.
 * <ul>
 * <li>A substation's link cut for {@value #CUT_SECONDS} s while its room's cameras go down, a camera
 * is added and a clip indexed: the center raises one alarm and shows the subtree STALE; after the
 * link is back the center's rows equal the substation's, row by row, the states are current, and
 * the alarm has cleared once.</li>
 * <li>{@code kill -9} of the center while a room's burst of cameras is on its way up, and of a room
 * while it pushes: after the restarts, every tier holds the room's records once.</li>
 * <li>Coverage and follow at the center find a room's footage, which plays through two relays.</li>
 * <li>A room restored from an older backup: the substation and the center end with what it holds.</li>
 * <li>A forged token, a revoked node's token and a push outside the node's subtree are refused.</li>
 * <li>The center wiped and set up again: its substations, registered anew, refill it.</li>
 * </ul>
 */
class FederatedDistrictTest {

    static final int CUT_SECONDS = Integer.getInteger("federation.cutSeconds", 60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<String, ChildServer> servers = new TreeMap<>();

    /** A node of the test: its process, its address, and how to start it again. */
    private record Node(String id, int port, List<String> args) {
        String base() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** On a failure, what each node said of its sync (its warnings and errors), for whoever reads the report. */
    private void printNodeLogs() {
        for (String id : servers.keySet()) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(id + ".log")).stream()
                        .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception"))
                        .filter(line -> !line.contains("alarm: CAMERA")).toList();
                System.err.println("---- " + id + " (" + lines.size() + " warnings and errors, the last 40):");
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
            } catch (IOException e) {
                System.err.println("---- " + id + ": no log (" + e.getMessage() + ")");
            }
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        for (ChildServer server : servers.values()) {
            server.kill();
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aDistrictOfSixNodesSurvivesCutsKillsAndForgedTokens() throws Exception {
        try {
            run();
        } catch (AssertionError | Exception e) {
            printNodeLogs();
            throw e;
        }
        if (Boolean.getBoolean("federation.printLogs")) { // -Dfederation.printLogs=true: what the nodes said
            printNodeLogs();
        }
    }

    private void run() throws Exception {
        int rtspPort = FreePorts.tcp();
        SimulatorRunner sim = SimulatorRunner.start(SyntheticCameras.district(0, 30, rtspPort), rtspPort,
                FaultPlan.parse(""), 0);
        open.add(sim);

        Node center = start("center", null, null, List.of("--set", "health.enabled=false"));
        post(center, "/api/v1/sites", "{\"id\":\"C\",\"name\":\"Center\",\"tier\":\"CENTER\"}");
        post(center, "/api/v1/sites", "{\"id\":\"S1\",\"name\":\"Sub 1\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}");
        post(center, "/api/v1/sites", "{\"id\":\"S2\",\"name\":\"Sub 2\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}");
        LinkProxy sub1Link = proxy(center);
        LinkProxy sub2Link = proxy(center);
        String sub1Token = register(center, "sub-one", "S1");
        Node sub1 = start("sub-one", sub1Link, sub1Token, List.of());
        Node sub2 = start("sub-two", sub2Link, register(center, "sub-two", "S2"), List.of());
        await(() -> status(sub1, "/api/v1/sites/S1") == 200 && status(sub2, "/api/v1/sites/S2") == 200,
                "the substations copy their ancestry");
        room(sub1, "R1", "S1");
        room(sub2, "R2", "S2");
        room(sub2, "R3", "S2");
        LinkProxy roomALink = proxy(sub1);
        LinkProxy roomBLink = proxy(sub2);
        LinkProxy roomCLink = proxy(sub2);
        Node roomA = start("room-a", roomALink, register(sub1, "room-a", "R1"), List.of());
        Node roomB = start("room-b", roomBLink, register(sub2, "room-b", "R2"), List.of());
        Node roomC = start("room-c", roomCLink, register(sub2, "room-c", "R3"), List.of());
        await(() -> status(roomA, "/api/v1/sites/R1") == 200 && status(roomB, "/api/v1/sites/R2") == 200
                && status(roomC, "/api/v1/sites/R3") == 200, "the rooms copy their ancestry");
        cameras(roomA, "R1", 0, 10, rtspPort);
        cameras(roomB, "R2", 10, 10, rtspPort);
        cameras(roomC, "R3", 20, 10, rtspPort);
        await(() -> count(center, "ONLINE") == 30, "every room's cameras reach the center, probed ONLINE by their room",
                () -> "states at each node " + statesAt(center, sub1, sub2, roomA, roomB, roomC) + "; links at the center "
                        + linksAt(center) + ", at sub-one " + linksAt(sub1) + ", at sub-two " + linksAt(sub2));

        // --- a substation's link cut while its room's cameras change, a camera is added and footage indexed
        // Six JVMs starting on two cores can hold a node's push past the test's 3 s staleness during
        // set-up; what is asserted is what the cut itself raised.
        int eventsBeforeCut = linkEvents(center, "sub-one").size();
        sub1Link.cut();
        for (int i = 0; i < 3; i++) {
            sim.district().fault(String.format("scale-%05d", i), CameraFault.REFUSING);
        }
        post(roomA, "/api/v1/cameras", camera("scale-00029-b", "R1", 29, rtspPort));
        Path recordings = Files.createDirectories(dir.resolve("room-a").resolve("recordings"));
        Recordings.mp4(recordings.resolve("20261129T140000Z.mp4"));
        post(roomA, "/api/v1/clips/import", "{\"directory\":\"" + recordings + "\",\"cameraId\":\"scale-00000\"}");
        await(() -> "DOWN".equals(link(center, "sub-one")), "the center notices the cut");
        await(() -> count(center, "STALE") == 10, "and shows the substation's cameras STALE, not OFFLINE");
        assertEquals(0, count(center, "OFFLINE"));
        await(() -> count(sub1, "OFFLINE") == 3, "the substation itself still hears its room");
        Thread.sleep(CUT_SECONDS * 1_000L);
        sub1Link.restore();
        await(() -> "UP".equals(link(center, "sub-one")), "the link is back");
        await(() -> count(center, "OFFLINE") == 3 && count(center, "STALE") == 0, "the states are current");
        await(() -> rows(center, "S1").equals(rows(sub1, "S1")), "the center's rows equal the substation's");
        assertEquals(rows(roomA, "R1"), rows(sub1, "S1"), "which are the room's");
        assertEquals(11, rows(center, "S1").size(), "with the camera added during the cut");
        assertEquals(clips(sub1, "scale-00000"), clips(center, "scale-00000"), "the clip, once");
        List<String> events = linkEvents(center, "sub-one");
        assertEquals(List.of("REACHABLE", "UNREACHABLE (alarm)"), events.subList(0, events.size() - eventsBeforeCut),
                "the cut raised one alarm, cleared once: " + events);

        // --- coverage and follow at the center find the room's footage, which plays through two relays
        JsonNode coverage = ChildServer.json("GET", center.base() + "/api/v1/coverage?site=S1"
                + "&from=2026-11-29T14:00:00Z&to=2026-11-29T14:00:01Z", null);
        assertEquals(1, coverage.get("camerasWithFootage").asInt(), coverage.toString());
        JsonNode next = ChildServer.json("POST", center.base() + "/api/v1/track/follow", "{\"cameraId\":\"scale-00001\","
                + "\"time\":\"2026-11-29T13:59:50Z\",\"mode\":\"WALK\",\"limit\":20}");
        JsonNode seen = null;
        for (JsonNode candidate : next.get("candidates")) {
            if (candidate.get("cameraId").asText().equals("scale-00000") && candidate.get("clips").size() > 0) {
                seen = candidate.get("clips").get(0);
            }
        }
        assertTrue(seen != null, "follow names the room's camera with its footage: " + next);
        HttpResponse<byte[]> played = HTTP.send(HttpRequest.newBuilder(URI.create(center.base() + "/api/v1/clips/"
                + seen.get("id").asLong() + "/media")).header("Authorization", "Bearer " + token(center)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, played.statusCode());
        assertEquals(Files.size(recordings.resolve("20261129T140000Z.mp4")), played.body().length,
                "the room's file, through the substation and the center");

        // --- a room restored from an older backup: the tiers above end with what the restored room holds
        kill(roomA);
        DataDirs.copy(dir.resolve("room-a"), dir.resolve("room-a-backup"));
        restart(roomA);
        post(roomA, "/api/v1/cameras", camera("after-backup", "R1", 5, rtspPort));
        await(() -> rows(center, "S1").containsKey("after-backup"), "a camera made after the backup reaches the center");
        kill(roomA);
        DataDirs.delete(dir.resolve("room-a"), false);
        DataDirs.copy(dir.resolve("room-a-backup"), dir.resolve("room-a"));
        restart(roomA);
        post(roomA, "/api/v1/cameras", camera("after-restore", "R1", 6, rtspPort));
        awaitSame(() -> rows(roomA, "R1"), () -> rows(center, "S1"), "after the restore, the room's rows at the center");
        assertTrue(!rows(center, "S1").containsKey("after-backup"), "what the restored room lost is gone above it too");

        // --- kill -9 the center while a burst of a room's cameras goes up, ten changes a push, on a slow link
        sub2Link.slow(Duration.ofMillis(300));
        for (int i = 0; i < 150; i++) {
            post(roomB, "/api/v1/cameras", camera(String.format("burst-%03d", i), "R2", 10 + i % 10, rtspPort));
        }
        await(() -> rows(center, "S2").size() > 20, "part of the burst has reached the center");
        assertTrue(rows(center, "S2").size() < 170, "the center is killed with the burst still on its way");
        kill(center);
        sub2Link.restore();
        restart(center);
        awaitSame(() -> rows(roomB, "R2", roomC, "R3"), () -> rows(sub2, "S2"), "the substation holds its rooms' rows");
        awaitSame(() -> rows(sub2, "S2"), () -> rows(center, "S2"),
                "after the center's kill -9, every camera of the burst once");

        // --- kill -9 a room while it pushes (its link slowed, and reset once on the way)
        roomCLink.slow(Duration.ofMillis(300));
        for (int i = 0; i < 100; i++) {
            post(roomC, "/api/v1/cameras", camera(String.format("late-%03d", i), "R3", 20 + i % 10, rtspPort));
        }
        await(() -> rows(sub2, "S2").keySet().stream().anyMatch(id -> id.startsWith("late-")), "the room pushes");
        roomCLink.resetAll();
        assertTrue(rows(sub2, "S2").keySet().stream().filter(id -> id.startsWith("late-")).count() < 100,
                "the room is killed with its changes still on their way");
        kill(roomC);
        roomCLink.restore();
        restart(roomC);
        await(() -> rows(center, "S2").equals(rows(roomB, "R2", roomC, "R3"))
                && rows(sub2, "S2").equals(rows(center, "S2")), "after the room's kill -9, each tier holds its rows once");

        // --- tokens that must not work
        String outside = "{\"seq\":999999,\"kind\":\"CAMERA\",\"op\":\"DELETE\",\"key\":\"scale-00010\","
                + "\"at\":\"2026-12-03T10:00:00Z\"}\n";
        HttpResponse<String> forged = push(center, "wn_forged0000000000000000000000000000", outside);
        assertEquals(401, forged.statusCode(), forged.body());
        HttpResponse<String> elsewhere = push(center, sub1Token, outside);
        assertEquals(403, elsewhere.statusCode(), "sub-one may not delete sub-two's camera: " + elsewhere.body());
        assertEquals(200, status(center, "/api/v1/cameras/scale-00010"));
        JsonNode revoked = ChildServer.json("DELETE", sub2.base() + "/api/v1/nodes/room-c", null);
        assertTrue(revoked.get("revoked").asBoolean());
        post(roomC, "/api/v1/cameras", camera("after-revoke", "R3", 20, rtspPort));
        Thread.sleep(3_000);
        assertEquals(404, status(sub2, "/api/v1/cameras/after-revoke"), "a revoked node's pushes stop at once");

        // --- the center wiped and set up again: its administrator registers the substations anew, and they
        // refill it with everything below them
        kill(center);
        DataDirs.delete(dir.resolve("center"), false);
        ChildServer.forget(center.base());
        restart(center);
        post(center, "/api/v1/sites", "{\"id\":\"C\",\"name\":\"Center\",\"tier\":\"CENTER\"}");
        post(center, "/api/v1/sites", "{\"id\":\"S1\",\"name\":\"Sub 1\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}");
        post(center, "/api/v1/sites", "{\"id\":\"S2\",\"name\":\"Sub 2\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}");
        Node sub1Again = withToken(sub1, register(center, "sub-one", "S1"));
        Node sub2Again = withToken(sub2, register(center, "sub-two", "S2"));
        kill(sub1);
        restart(sub1Again);
        kill(sub2);
        restart(sub2Again);
        awaitSame(() -> rows(sub1Again, "S1", sub2Again, "S2"), () -> rows(center, "S1", center, "S2"),
                "the wiped center holds every camera below it again");
        assertEquals(clips(sub1Again, "scale-00000"), clips(center, "scale-00000"), "and the rooms' clips");
    }

    /** The same node started again with another token from its parent. */
    private static Node withToken(Node node, String token) {
        List<String> args = node.args().stream().map(arg -> arg.startsWith("federation.nodeToken=")
                ? "federation.nodeToken=" + token : arg).toList();
        return new Node(node.id(), node.port(), args);
    }

    private static String token(Node node) throws Exception {
        return ChildServer.authorizationHeader(node.base()).replace("Authorization: Bearer ", "").strip();
    }

    /** A source of rows that may need I/O. */
    private interface Rows {
        TreeMap<String, String> read() throws Exception;
    }

    /** Waits up to 30 s for two views to agree; then says how they differ. */
    private static void awaitSame(Rows expected, Rows actual, String what) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (expected.read().equals(actual.read())) {
                return;
            }
            Thread.sleep(100);
        }
        TreeMap<String, String> want = expected.read();
        TreeMap<String, String> got = actual.read();
        TreeMap<String, String> missing = new TreeMap<>(want);
        missing.keySet().removeAll(got.keySet());
        TreeMap<String, String> extra = new TreeMap<>(got);
        extra.keySet().removeAll(want.keySet());
        List<String> changed = want.keySet().stream().filter(got::containsKey)
                .filter(id -> !want.get(id).equals(got.get(id))).toList();
        throw new AssertionError("not within 30 s: " + what + "; missing " + missing + ", extra " + extra
                + ", different " + changed);
    }

    // ------------------------------------------------------------------ the district's nodes

    private Node start(String id, LinkProxy parent, String token, List<String> extra) throws Exception {
        int port = FreePorts.tcp();
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--data",
                dir.resolve(id).toString(), "--set", "recording.enabled=false", "--set", "live.rtspPort=0", "--set", "health.intervalSeconds=5",
                "--set", "health.offlineAfterFailures=2", "--set", "health.offlineAfterSeconds=0",
                "--set", "federation.staleAfterSeconds=3", "--set", "federation.batchRows=10"));
        if (parent != null) {
            args.addAll(List.of("--set", "federation.parentUrl=http://127.0.0.1:" + parent.port(),
                    "--set", "federation.nodeToken=" + token, "--set", "federation.publicUrl=http://127.0.0.1:" + port,
                    "--set", "federation.idleMillis=100", "--set", "federation.heartbeatSeconds=1",
                    "--set", "federation.maxRetrySeconds=1"));
        }
        args.addAll(extra);
        Node node = new Node(id, port, args);
        servers.put(id, ChildServer.start(List.of(), args, dir.resolve(id + ".log")));
        return node;
    }

    private void restart(Node node) throws Exception {
        servers.put(node.id(), ChildServer.start(List.of(), node.args(), dir.resolve(node.id() + ".log")));
    }

    private void kill(Node node) throws InterruptedException {
        servers.remove(node.id()).kill();
    }

    private LinkProxy proxy(Node parent) throws Exception {
        LinkProxy proxy = LinkProxy.start(new InetSocketAddress("127.0.0.1", parent.port()));
        open.add(proxy);
        return proxy;
    }

    private static String register(Node parent, String node, String site) throws Exception {
        return ChildServer.json("POST", parent.base() + "/api/v1/nodes", "{\"id\":\"" + node + "\",\"siteId\":\""
                + site + "\"}").get("token").asText();
    }

    private static void room(Node node, String id, String parent) throws Exception {
        post(node, "/api/v1/sites", "{\"id\":\"" + id + "\",\"name\":\"Room " + id + "\",\"tier\":\"ROOM\",\"parentId\":\""
                + parent + "\",\"kind\":\"BANK\"}");
    }

    private static void cameras(Node node, String site, int first, int count, int rtspPort) throws Exception {
        for (int i = first; i < first + count; i++) {
            post(node, "/api/v1/cameras", camera(String.format("scale-%05d", i), site, i, rtspPort));
        }
    }

    /** A camera on synthetic simulated camera {@code index}'s address. */
    private static String camera(String id, String site, int index, int rtspPort) {
        return "{\"id\":\"" + id + "\",\"siteId\":\"" + site + "\",\"name\":\"" + id + "\",\"location\":{\"lat\":"
                + (29.85 + index * 1e-4) + ",\"lon\":121.52},\"rtsp\":{\"url\":\"rtsp://127.2.0." + (index + 1) + ":"
                + rtspPort + "/stream\",\"username\":\"admin\",\"password\":\"pw\"}}";
    }

    // ------------------------------------------------------------------ what the nodes answer

    private static void post(Node node, String path, String json) throws Exception {
        HttpResponse<String> answer = ChildServer.request("POST", node.base() + path, "application/json", json);
        assertTrue(answer.statusCode() < 300, "POST " + path + " at " + node.id() + ": " + answer.statusCode() + " "
                + answer.body());
    }

    private static int status(Node node, String path) throws Exception {
        return ChildServer.request("GET", node.base() + path, null, null).statusCode();
    }

    private static int count(Node node, String state) throws Exception {
        HttpResponse<String> answer = ChildServer.request("GET", node.base() + "/api/v1/health/states", null, null);
        if (answer.statusCode() != 200) {
            return -1;
        }
        int n = 0;
        for (JsonNode value : JSON.readTree(answer.body()).get("states")) {
            n += value.asText().equals(state) ? 1 : 0;
        }
        return n;
    }

    /** Each node's cameras counted by state, e.g. {@code center={ONLINE=20, STALE=10}}. */
    private static Map<String, Map<String, Integer>> statesAt(Node... nodes) throws Exception {
        Map<String, Map<String, Integer>> seen = new TreeMap<>();
        for (Node node : nodes) {
            Map<String, Integer> counts = new TreeMap<>();
            HttpResponse<String> answer = ChildServer.request("GET", node.base() + "/api/v1/health/states", null, null);
            if (answer.statusCode() == 200) {
                JSON.readTree(answer.body()).get("states").forEach(v -> counts.merge(v.asText(), 1, Integer::sum));
            } else {
                counts.put("HTTP " + answer.statusCode(), 0);
            }
            seen.put(node.id(), counts);
        }
        return seen;
    }

    /** The parent's view of its children's links: GET /api/v1/nodes as it answered. */
    private static String linksAt(Node parent) throws Exception {
        return ChildServer.request("GET", parent.base() + "/api/v1/nodes", null, null).body();
    }

    private static String link(Node parent, String child) throws Exception {
        return ChildServer.json("GET", parent.base() + "/api/v1/nodes/" + child, null).path("link").path("state")
                .asText();
    }

    private static List<String> linkEvents(Node parent, String child) throws Exception {
        List<String> events = new ArrayList<>();
        for (JsonNode event : ChildServer.json("GET", parent.base() + "/api/v1/nodes/" + child, null)
                .path("linkEvents")) {
            events.add(event.get("to").asText() + (event.get("alarm").asBoolean() ? " (alarm)" : ""));
        }
        return events;
    }

    /** The cameras of the sites' subtrees as rows (id, site, name, stream address), by id. */
    private static TreeMap<String, String> rows(Object... nodesAndSites) throws Exception {
        TreeMap<String, String> rows = new TreeMap<>();
        for (int i = 0; i < nodesAndSites.length; i += 2) {
            Node node = (Node) nodesAndSites[i];
            JsonNode page = ChildServer.json("GET", node.base() + "/api/v1/cameras?site=" + nodesAndSites[i + 1]
                    + "&limit=1000", null);
            for (JsonNode camera : page.get("items")) {
                rows.put(camera.get("id").asText(), camera.get("siteId").asText() + " " + camera.get("name").asText()
                        + " " + camera.path("rtsp").path("url").asText());
            }
        }
        return rows;
    }

    private static List<String> clips(Node node, String camera) throws Exception {
        List<String> clips = new ArrayList<>();
        for (JsonNode clip : ChildServer.json("GET", node.base() + "/api/v1/clips?camera=" + camera
                + "&from=2026-11-29T13:00:00Z&to=2026-11-29T15:00:00Z", null).get("items")) {
            clips.add(clip.get("start").asText() + " " + clip.get("end").asText() + " " + clip.path("bytes").asText());
        }
        return clips;
    }

    private static HttpResponse<String> push(Node parent, String token, String ndjson) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(parent.base() + "/api/v1/sync/changes"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
