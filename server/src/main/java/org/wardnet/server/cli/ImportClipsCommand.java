package org.wardnet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code wardnet import-clips}: asks a running server to index a folder of recordings on its disk
 * and prints what was indexed and why the rest was not. Exit status: 0 all indexed or already
 * there, 3 some files skipped, 1 the server could not be used, 2 bad usage.
 */
final class ImportClipsCommand {

    static final String USAGE = String.join("\n",
            "usage: wardnet import-clips --directory DIR [--camera ID] [--server URL]",
            "  --directory DIR  a folder on the server's disk: one camera's files (with --camera),",
            "                   or one subfolder per camera id",
            "  --camera ID      the camera every file belongs to",
            "  --server URL     the Wardnet API (default http://127.0.0.1:8080)",
            ApiClient.TOKEN_HELP,
            ApiClient.CA_HELP);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportClipsCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        String server = "http://127.0.0.1:8080";
        String directory = null;
        String camera = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (i + 1 >= args.length) {
                err.println("wardnet import-clips: option " + args[i] + " needs a value");
                err.println(USAGE);
                return 2;
            }
            switch (args[i]) {
                case "--server" -> server = args[++i].replaceAll("/+$", "");
                case "--directory" -> directory = args[++i];
                case "--camera" -> camera = args[++i];
                default -> {
                    err.println("wardnet import-clips: unknown option " + args[i]);
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        if (directory == null) {
            err.println("wardnet import-clips: --directory is required");
            err.println(USAGE);
            return 2;
        }
        ApiClient client;
        try {
            client = ApiClient.from(env);
        } catch (IllegalArgumentException e) {
            err.println("wardnet import-clips: " + e.getMessage());
            return 2;
        }
        ObjectNode body = JSON.createObjectNode().put("directory", Path.of(directory).toAbsolutePath().toString());
        if (camera != null) {
            body.put("cameraId", camera);
        }
        try {
            HttpResponse<String> response = client.http().send(
                    client.request(server + "/api/v1/clips/import")
                            .header("Content-Type", "application/json").timeout(Duration.ofHours(2))
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                err.println("wardnet import-clips: HTTP " + response.statusCode() + ": " + answer.path("detail").asText());
                return 1;
            }
            out.printf("%d files: %d indexed, %d already indexed, %d skipped%n", answer.get("files").asInt(),
                    answer.get("indexed").asInt(), answer.get("alreadyIndexed").asInt(), answer.get("skipped").size());
            for (JsonNode skipped : answer.get("skipped")) {
                out.println("  " + skipped.get("file").asText() + ": " + skipped.get("reason").asText());
            }
            return answer.get("skipped").isEmpty() ? 0 : 3;
        } catch (IOException e) {
            err.println("wardnet import-clips: " + server + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
