package org.wardnet.simulator.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.camera.SimulatedCamera;

/**
 * The simulator's admin endpoint on 127.0.0.1, to inject faults while it runs:
 * <ul>
 * <li>{@code GET /cameras}: how many cameras have each fault, and how many listen;</li>
 * <li>{@code GET /cameras/{id}}: one camera;</li>
 * <li>{@code PUT /cameras/{id}/fault?fault=DOWN[&latencyMillis=2000]}: set one camera's fault;</li>
 * <li>{@code PUT /sites/{id}/fault?fault=REFUSING}: set it for every camera of a site (cut a room's link).</li>
 * </ul>
 * Answers JSON; 404 for an unknown camera or site, 400 for an unknown fault.
 */
public final class SimulatorAdmin implements AutoCloseable {

    private final HttpServer server;
    private final SimulatedDistrict district;
    private final Map<String, List<String>> camerasBySite;

    public SimulatorAdmin(SimulatedDistrict district, Map<String, List<String>> camerasBySite, int port)
            throws IOException {
        this.district = district;
        this.camerasBySite = Map.copyOf(camerasBySite);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "wardnet-sim-admin");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        // Not try-with-resources around the catch: a resource is closed before its catch runs,
        // and the error answers below must still be written to the exchange.
        try {
            route(exchange);
        } catch (IllegalArgumentException e) {
            send(exchange, e.getMessage().startsWith("no simulated camera") ? 404 : 400,
                    "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"error\":\"" + String.valueOf(e).replace("\"", "'") + "\"}");
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.getRequestBody().readAllBytes(); // drained, so the connection can be reused
        URI uri = exchange.getRequestURI();
        String[] path = uri.getPath().replaceAll("^/|/$", "").split("/");
        String method = exchange.getRequestMethod();
        Map<String, String> query = query(uri.getRawQuery());
        if (method.equals("GET") && path.length == 1 && path[0].equals("cameras")) {
            send(exchange, 200, summary());
        } else if (method.equals("GET") && path.length == 1 && path[0].equals("onvif")) {
            send(exchange, 200, "{\"requests\":" + district.onvif().requests() + ",\"refusedTokens\":{\"STALE\":"
                    + district.onvif().refusals("STALE") + ",\"REPLAYED\":" + district.onvif().refusals("REPLAYED")
                    + ",\"WRONG_DIGEST\":" + district.onvif().refusals("WRONG_DIGEST") + "}}");
        } else if (method.equals("GET") && path.length == 2 && path[0].equals("cameras")) {
            send(exchange, 200, describe(district.camera(path[1])));
        } else if (method.equals("PUT") && path.length == 3 && path[0].equals("cameras") && path[2].equals("fault")) {
            set(List.of(path[1]), query);
            send(exchange, 200, describe(district.camera(path[1])));
        } else if (method.equals("PUT") && path.length == 3 && path[0].equals("sites") && path[2].equals("fault")) {
            List<String> ids = camerasBySite.get(path[1]);
            if (ids == null) {
                send(exchange, 404, "{\"error\":\"no site '" + path[1] + "' with simulated cameras\"}");
                return;
            }
            set(ids, query);
            send(exchange, 200, "{\"site\":\"" + path[1] + "\",\"cameras\":" + ids.size() + "}");
        } else {
            send(exchange, 404, "{\"error\":\"see GET /cameras, GET /cameras/{id}, GET /onvif, PUT /cameras/{id}/fault?fault=,"
                    + " PUT /sites/{id}/fault?fault=\"}");
        }
    }

    private void set(List<String> ids, Map<String, String> query) throws InterruptedException {
        CameraFault fault = CameraFault.valueOf(query.getOrDefault("fault", "").toUpperCase(Locale.ROOT));
        for (String id : ids) {
            if (query.containsKey("latencyMillis")) {
                district.camera(id).latencyMillis(Integer.parseInt(query.get("latencyMillis")));
            }
            if (query.containsKey("skewSeconds")) { // with fault=CLOCK_SKEW
                district.camera(id).clockSkewSeconds(Integer.parseInt(query.get("skewSeconds")));
            }
            district.fault(id, fault);
        }
    }

    private String summary() {
        Map<CameraFault, Integer> counts = new EnumMap<>(CameraFault.class);
        district.cameras().forEach(c -> counts.merge(c.fault(), 1, Integer::sum));
        StringBuilder json = new StringBuilder("{\"cameras\":").append(district.cameras().size())
                .append(",\"listening\":").append(district.listening()).append(",\"faults\":{");
        counts.forEach((fault, n) -> json.append('"').append(fault).append("\":").append(n).append(','));
        if (json.charAt(json.length() - 1) == ',') {
            json.setLength(json.length() - 1);
        }
        return json.append("}}").toString();
    }

    private static String describe(SimulatedCamera c) {
        return "{\"id\":\"" + c.id() + "\",\"host\":\"" + c.host() + "\",\"port\":" + c.port() + ",\"fault\":\""
                + c.fault() + "\",\"latencyMillis\":" + c.latencyMillis() + "}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
