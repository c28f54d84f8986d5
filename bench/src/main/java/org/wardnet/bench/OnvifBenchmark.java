package org.wardnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.wardnet.adapters.onvif.OnvifDevice;
import org.wardnet.adapters.onvif.OnvifHttpClient;
import org.wardnet.adapters.onvif.OnvifReplies;
import org.wardnet.adapters.onvif.OnvifSettings;
import org.wardnet.adapters.onvif.SafeXmlReader;
import org.wardnet.adapters.onvif.SoapEnvelope;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.server.WardnetServer;
import org.wardnet.simulator.district.SyntheticCameras;

/**
 * The installer benchmark, against N synthetic cameras served by a simulator in another process
 * (127.2.x.y, admin/pw): (1) discover, register and verify them all through a real Wardnet's API,
 * timed from the discovery request to the batch's last checklist, with peak heap; (2) the same N
 * GetProfiles + GetStreamUri exchanges (after the connect handshake) by Wardnet's ONVIF client and by
 * the npm onvif client, both at the same concurrency, and the ratio of their rates.
 *
 * <p>Usage: {@code OnvifBenchmark SIM_PORT DISCOVERY_PORT COUNT NODE_PEER_DIR CONCURRENCY SIM_ADMIN_URL}; the
 * simulator's admin endpoint counts the ONVIF requests each client needed.
 */
public final class OnvifBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int simPort = Integer.parseInt(args[0]);
        int discoveryPort = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        Path nodeDir = Path.of(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        String admin = args[5];
        PeakHeap peak = new PeakHeap();
        peak.start();
        Path data = Files.createTempDirectory("wardnet-onvif-bench-");
        WardnetConfig config = BenchAccess.withAdmin(WardnetConfig.defaults().with(WardnetKeys.SERVER_PORT, 0).with(org.wardnet.config.LiveKeys.LIVE_RTSP_PORT, 0)
                .with(WardnetKeys.STORE_DATA_DIR, data.toString()).with(WardnetKeys.HEALTH_ENABLED, false)
                .with(WardnetKeys.ONVIF_VERIFY_CONCURRENCY, concurrency));
        try (WardnetServer server = WardnetServer.start(config)) {
            for (SiteDraft site : SyntheticCameras.sites(count)) {
                server.registry().createSite(site);
            }
            long baseline = peak.reset();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = server.baseUrl();
            token = BenchAccess.login(http, base);
            long start = System.nanoTime();
            String last = "127.2." + ((count - 1) / 250) + "." + ((count - 1) % 250 + 1);
            JsonNode found = post(http, base + "/api/v1/discovery", "{\"range\":\"127.2.0.1-" + last + "\",\"port\":"
                    + discoveryPort + ",\"windowMillis\":1000}");
            long discovered = System.nanoTime();
            StringBuilder candidates = new StringBuilder();
            for (JsonNode c : found.get("candidates")) {
                candidates.append(candidates.length() == 0 ? "" : ",").append("{\"xaddr\":\"").append(c.get("xaddr").asText())
                        .append("\",\"endpoint\":\"").append(c.get("endpoint").asText()).append("\"}");
            }
            JsonNode registered = post(http, base + "/api/v1/discovery/register", "{\"siteId\":\"scale-sub\",\"username\":"
                    + "\"admin\",\"password\":\"pw\",\"location\":{\"lat\":29.85,\"lon\":121.52},\"verify\":true,"
                    + "\"candidates\":[" + candidates + "]}");
            JsonNode status;
            do {
                Thread.sleep(50);
                status = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + registered.get("verificationUrl")
                        .asText())).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            } while (!status.get("state").asText().equals("DONE"));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("RESULT installer: %d found, %d registered, %d verified (%d passed, %d failed %s) in %.2f s"
                            + " wall (discovery %.2f s); %.1f ms per camera; peak heap %d MiB (%d MiB before)%n",
                    found.get("found").asInt(), registered.get("created").asInt(), status.get("done").asInt(),
                    status.get("passed").asInt(), status.get("failed").asInt(), status.get("failuresByStep"), seconds,
                    (discovered - start) / 1e9, seconds * 1000 / count, peak.peak() >> 20, baseline >> 20);
        }
        peak.stopSampling();

        HttpClient http = HttpClient.newHttpClient();
        long before = onvifRequests(http, admin);
        double wardnet = wardnetExchanges(simPort, count, concurrency);
        long middle = onvifRequests(http, admin);
        double node = nodeExchanges(nodeDir, simPort, count, concurrency);
        long after = onvifRequests(http, admin);
        System.out.printf("RESULT onvif exchanges (connect + GetProfiles + GetStreamUri, %d cameras, concurrency %d):"
                + " Wardnet %.2f s (%.0f/s, %.1f requests per camera), npm onvif %.2f s (%.0f/s, %.1f requests per"
                + " camera), ratio %.1fx%n", count, concurrency, wardnet, count / wardnet, (middle - before) / (double) count,
                node, count / node, (after - middle) / (double) count, node / wardnet);
    }

    /** GetSystemDateAndTime, GetServices, GetProfiles, GetStreamUri per camera, as npm onvif's connect does. */
    static double wardnetExchanges(int simPort, int count, int concurrency) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            OnvifHttpClient client = new OnvifHttpClient(group, OnvifSettings.defaults());
            SoapEnvelope soap = new SoapEnvelope(new SafeXmlReader(1 << 20));
            Semaphore slots = new Semaphore(concurrency);
            AtomicInteger ok = new AtomicInteger();
            List<CompletableFuture<?>> all = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                slots.acquire();
                String host = "127.2." + (i / 250) + "." + (i % 250 + 1);
                OnvifDevice device = new OnvifDevice(client, soap, URI.create("http://" + host + ":" + simPort
                        + "/onvif/device_service"), "admin", "pw", Clock.systemUTC());
                CompletableFuture<?> one = device.systemDateAndTime().thenCompose(t -> device.services())
                        .thenCompose(services -> {
                            String media = OnvifDevice.xaddrOf(services, OnvifReplies.MEDIA).orElseThrow();
                            return device.profiles(media).thenCompose(p -> device.streamUri(media, p.get(0).token()));
                        }).whenComplete((uri, error) -> {
                            device.close();
                            slots.release();
                            if (error == null) {
                                ok.incrementAndGet();
                            }
                        });
                all.add(one);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(120, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (ok.get() != count) {
                System.out.println("WARNING: Wardnet completed " + ok.get() + " of " + count);
            }
            return seconds;
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    static double nodeExchanges(Path nodeDir, int simPort, int count, int concurrency) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "probe.js"));
        for (int i = 0; i < count; i++) {
            command.add("127.2." + (i / 250) + "." + (i % 250 + 1) + ":" + simPort + ":admin:pw");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(nodeDir.toFile()).redirectErrorStream(true);
        builder.environment().put("PEER_CONCURRENCY", String.valueOf(concurrency));
        builder.environment().put("PEER_DEVICE_INFORMATION", "0"); // only what the comparison asks for
        Process node = builder.start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        node.waitFor(300, TimeUnit.SECONDS);
        for (String line : output.split("\n")) {
            if (line.contains("\"summary\"")) {
                JsonNode summary = JSON.readTree(line);
                if (summary.get("ok").asInt() != count) {
                    System.out.println("WARNING: npm onvif completed " + summary.get("ok").asInt() + " of " + count);
                }
                return summary.get("millis").asLong() / 1000.0;
            }
        }
        throw new IllegalStateException("npm onvif printed no summary: " + output);
    }

    private static long onvifRequests(HttpClient http, String admin) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(admin + "/onvif")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("requests").asLong();
    }

    /** The server's session token. */
    private static String token;

    private static JsonNode post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Samples used heap every 20 ms (after each GC it is lower; the samples bound the peak from below). */
    private static final class PeakHeap extends Thread {
        private volatile long peak;
        private volatile boolean running = true;

        PeakHeap() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        used += pool.getUsage().getUsed();
                    }
                }
                peak = Math.max(peak, used);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long reset() {
            long before = peak;
            peak = 0;
            return before;
        }

        long peak() {
            return peak;
        }

        void stopSampling() {
            running = false;
        }
    }
}
