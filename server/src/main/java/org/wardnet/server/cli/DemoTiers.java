package org.wardnet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.wardnet.adapters.tls.PemTrust;
import org.wardnet.core.registry.CameraCsvFormat;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictFiles;

/**
 * {@code wardnet demo-tiers}: the demo as a district of tier nodes, in one command. The demo's
 * server is the center; two substations become nodes of their own (each {@code wardnet serve} in
 * its own JVM and store, registered at the center), and the first room of the first of them a
 * node under it. Each node creates its rooms and registers its cameras (the simulator's, with
 * their passwords) through its own API, probes them, and syncs upward; the center sees the whole
 * district, with those subtrees owned by their nodes.
 *
 * <p>Limits: the center loaded the whole district before the nodes existed, so it keeps its own
 * footage of the nodes' cameras (made by the demo) beside what the nodes sync; the nodes do not
 * record.
 */
final class DemoTiers implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final List<NodeProcess> nodes;

    private DemoTiers(Path directory, List<NodeProcess> nodes) {
        this.directory = directory;
        this.nodes = nodes;
    }

    /**
     * @param substations the ids of the two substations that become nodes
     */
    static DemoTiers start(DemoRun center, List<String> substations, PrintStream out) throws IOException,
            InterruptedException {
        Path directory = Files.createTempDirectory("wardnet-demo-nodes-");
        List<NodeProcess> started = new ArrayList<>();
        DemoTiers tiers = new DemoTiers(directory, started);
        try {
            String centerBase = center.server().baseUrl();
            Api atCenter = Api.login(centerBase, center.certificate(), center.adminUser(), center.adminPassword());
            District district = center.district();
            for (int i = 0; i < substations.size(); i++) {
                String sub = substations.get(i);
                NodeProcess node = NodeProcess.start("node-" + sub, directory.resolve(sub), centerBase,
                        center.certificate(), atCenter.register("node-" + sub, sub), center.adminPassword());
                started.add(node);
                Api atNode = Api.login(node.base(), node.certificate(), center.adminUser(), center.adminPassword());
                atNode.await("/api/v1/sites/" + sub, "node-" + sub + " to copy its ancestry from the center");
                List<SiteDraft> rooms = district.sites().stream().filter(s -> sub.equals(s.parentId())).toList();
                for (SiteDraft room : rooms) {
                    atNode.send("POST", "/api/v1/sites", "application/json", DistrictFiles.siteJson(room), 201);
                }
                Set<String> nodeRoom = new HashSet<>();
                if (i == 0 && !rooms.isEmpty()) {
                    String room = rooms.get(0).id();
                    nodeRoom.add(room);
                    NodeProcess roomNode = NodeProcess.start("node-" + room, directory.resolve(room), node.base(),
                            node.certificate(), atNode.register("node-" + room, room), center.adminPassword());
                    started.add(roomNode);
                    Api atRoom = Api.login(roomNode.base(), roomNode.certificate(), center.adminUser(),
                            center.adminPassword());
                    atRoom.await("/api/v1/sites/" + room, "node-" + room + " to copy its ancestry");
                    int made = atRoom.importCameras(district.cameras().stream().filter(c -> c.siteId().equals(room))
                            .toList());
                    out.println("node-" + room + ": " + made + " cameras at " + roomNode.base() + " (log "
                            + roomNode.log() + ")");
                }
                Set<String> subtree = new HashSet<>(rooms.stream().map(SiteDraft::id).toList());
                subtree.add(sub);
                subtree.removeAll(nodeRoom);
                int made = atNode.importCameras(district.cameras().stream().filter(c -> subtree.contains(c.siteId()))
                        .toList());
                out.println("node-" + sub + ": " + rooms.size() + " rooms, " + made + " cameras at " + node.base()
                        + " (log " + node.log() + ")");
            }
            return tiers;
        } catch (IOException | InterruptedException | RuntimeException e) {
            tiers.close();
            throw e;
        }
    }

    /** Prints where the nodes are and what to look at. */
    void printTour(DemoRun center, PrintStream out) {
        out.println();
        out.println("Tier nodes (each its own process and store; log in to each with the same administrator):");
        for (NodeProcess node : nodes) {
            out.println("  " + node.id() + ": " + node.base() + "/  (certificate " + node.certificate() + ")");
        }
        out.println("  the center's view of them (link, lag):  curl --cacert " + center.certificate()
                + " -H \"Authorization: Bearer $ADMIN\" " + center.server().baseUrl() + "/api/v1/nodes");
        out.println("  kill a node's java process and the center shows its cameras STALE, with one alarm on its"
                + " events (" + center.server().baseUrl() + "/api/v1/events?alarms=true).");
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + directory + ": " + e.getMessage());
        }
    }

    /** The demo's calls to a node's API, as its administrator. */
    private record Api(HttpClient http, String base, String token) {

        static Api login(String base, Path certificate, String user, String password) throws IOException,
                InterruptedException {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(PemTrust.context(certificate)).build();
            Api anonymous = new Api(http, base, null);
            JsonNode session = anonymous.send("POST", "/api/v1/login", "application/json",
                    JSON.writeValueAsString(Map.of("user", user, "password", password)), 200);
            return new Api(http, base, session.get("token").asText());
        }

        /** Registers a child node; its token. */
        String register(String node, String site) throws IOException, InterruptedException {
            return send("POST", "/api/v1/nodes", "application/json", "{\"id\":\"" + node + "\",\"siteId\":\"" + site
                    + "\"}", 201).get("token").asText();
        }

        /** Registers cameras in one CSV import; how many were made. */
        int importCameras(List<CameraDraft> cameras) throws IOException, InterruptedException {
            StringBuilder csv = new StringBuilder(CameraCsvFormat.header());
            cameras.forEach(camera -> csv.append(CameraCsvFormat.row(camera)));
            JsonNode result = send("POST", "/api/v1/cameras/import", "text/csv", csv.toString(), 200);
            if (result.path("failed").asInt() != 0) {
                throw new IOException("the import at " + base + " failed for some rows: " + result);
            }
            return cameras.size();
        }

        void await(String path, String what) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (http.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IOException("waited 60 s for " + what);
        }

        JsonNode send(String method, String path, String type, String body, int expected) throws IOException,
                InterruptedException {
            HttpResponse<String> answer = http.send(request(path).header("Content-Type", type)
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != expected) {
                throw new IOException(method + " " + base + path + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return JSON.readTree(answer.body());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            return token == null ? request : request.header("Authorization", "Bearer " + token);
        }
    }
}
