package org.wardnet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code wardnet install}: the installer's workflow against a running server's API. Discovers
 * devices (an address range or multicast), registers the new ones to a site with one set of
 * credentials, follows their verification with a progress line and prints the summary: what
 * passed, and for each failed camera its first failed step and what to check.
 *
 * <p>Exit status: 0 every camera passed, 3 some failed verification, 1 the server could not be
 * used, 2 bad usage. The password may come from WARDNET_INSTALL_PASSWORD instead of the command
 * line, which other users of the machine can read.
 */
final class InstallCommand {

    static final String USAGE = String.join("\n",
            "usage: wardnet install --site ID (--range A-B | --multicast IFACE) --user U [--password P] [OPTIONS]",
            "  --server URL        the Wardnet API (default http://127.0.0.1:8080)",
            "  --range A-B         probe every address from A to B (or A/nn), for networks without multicast",
            "  --multicast IFACE   probe the WS-Discovery multicast group on IFACE",
            "  --discovery-port P  UDP port of the devices (default: the server's onvif.discoveryPort)",
            "  --site ID           the site new cameras belong to",
            "  --user U            ONVIF user of the new cameras",
            "  --password P        their password (or environment WARDNET_INSTALL_PASSWORD)",
            "  --lat L --lon L     where they are mounted until set per camera (default: 0, 0)",
            "  --no-verify         register without verifying",
            ApiClient.TOKEN_HELP,
            ApiClient.CA_HELP);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient client;

    private InstallCommand(ApiClient client) {
        this.client = client;
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Map<String, String> options = new LinkedHashMap<>();
        boolean verify = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (args[i].equals("--no-verify")) {
                verify = false;
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("wardnet install: option " + args[i] + " needs a value");
                err.println(USAGE);
                return 2;
            }
            options.put(args[i].substring(2), args[++i]);
        }
        String password = options.getOrDefault("password", env.getOrDefault("WARDNET_INSTALL_PASSWORD", ""));
        if (!options.containsKey("site") || !options.containsKey("user")
                || options.containsKey("range") == options.containsKey("multicast")) {
            err.println("wardnet install: give --site, --user and one of --range or --multicast");
            err.println(USAGE);
            return 2;
        }
        String server = options.getOrDefault("server", "http://127.0.0.1:8080").replaceAll("/+$", "");
        ApiClient client;
        try {
            client = ApiClient.from(env);
        } catch (IllegalArgumentException e) {
            err.println("wardnet install: " + e.getMessage());
            return 2;
        }
        try {
            return new InstallCommand(client).install(server, options, password, verify, out, err);
        } catch (IOException e) {
            err.println("wardnet install: " + server + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }


    private int install(String server, Map<String, String> options, String password, boolean verify, PrintStream out,
            PrintStream err) throws IOException, InterruptedException {
        ObjectNode discovery = JSON.createObjectNode();
        if (options.containsKey("range")) {
            discovery.put("range", options.get("range"));
        } else {
            discovery.put("multicast", true).put("interface", options.get("multicast"));
        }
        if (options.containsKey("discovery-port")) {
            discovery.put("port", Integer.parseInt(options.get("discovery-port")));
        }
        JsonNode found = post(server + "/api/v1/discovery", discovery);
        out.printf("discovery %s: %d devices, %d already registered, %d new%n", found.get("scope").asText(),
                found.get("found").asInt(), found.get("registered").asInt(), found.get("new").asInt());
        ArrayNode candidates = JSON.createArrayNode();
        for (JsonNode c : found.get("candidates")) {
            if (!c.get("registered").asBoolean() && c.hasNonNull("xaddr")) {
                candidates.addObject().put("xaddr", c.get("xaddr").asText()).put("endpoint", c.get("endpoint").asText());
            }
        }
        if (candidates.isEmpty()) {
            out.println("nothing new to register");
            return 0;
        }
        ObjectNode register = JSON.createObjectNode().put("siteId", options.get("site")).put("username", options.get("user"))
                .put("password", password).put("verify", verify);
        register.putObject("location").put("lat", Double.parseDouble(options.getOrDefault("lat", "0")))
                .put("lon", Double.parseDouble(options.getOrDefault("lon", "0")));
        register.set("candidates", candidates);
        JsonNode registered = post(server + "/api/v1/discovery/register", register);
        out.printf("registered to %s: %d created, %d failed%n", options.get("site"), registered.get("created").asInt(),
                registered.get("failed").asInt());
        if (!registered.has("verificationUrl")) {
            return 0;
        }
        return follow(server + registered.get("verificationUrl").asText(), out);
    }

    private int follow(String url, PrintStream out) throws IOException, InterruptedException {
        JsonNode status;
        int shown = -1;
        while (true) {
            status = get(url);
            int done = status.get("done").asInt();
            if (done != shown) {
                out.printf("verified %d/%d (%.1f %%), %d failed%n", done, status.get("total").asInt(),
                        status.get("percent").asDouble(), status.get("failed").asInt());
                shown = done;
            }
            if (status.get("state").asText().equals("DONE")) {
                break;
            }
            Thread.sleep(500);
        }
        out.printf("summary: %d passed, %d failed%n", status.get("passed").asInt(), status.get("failed").asInt());
        Iterator<Map.Entry<String, JsonNode>> steps = status.get("failuresByStep").fields();
        while (steps.hasNext()) {
            Map.Entry<String, JsonNode> step = steps.next();
            out.printf("  failed at %s: %d%n", step.getKey(), step.getValue().asInt());
        }
        for (JsonNode event : status.get("events")) {
            if (!event.get("passed").asBoolean()) {
                out.printf("  %s: %s: %s%n", event.get("cameraId").asText(), event.get("failedStep").asText(),
                        event.get("detail").asText());
            }
        }
        return status.get("failed").asInt() == 0 ? 0 : 3;
    }

    private JsonNode post(String url, JsonNode body) throws IOException, InterruptedException {
        return read(client.http().send(client.request(url).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        return read(client.http().send(client.request(url).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonNode read(HttpResponse<String> response) throws IOException {
        JsonNode body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        if (response.statusCode() >= 400) {
            throw new IOException("HTTP " + response.statusCode() + ": "
                    + (body.has("errors") ? body.get("errors").toString() : body.path("detail").asText(response.body())));
        }
        return body;
    }
}
