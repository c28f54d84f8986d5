package org.wardnet.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code wardnet serve} in a JVM of its own, for tests that kill it or run it in a namespace: it is
 * started with the test's class path, its "listening on" line gives {@link #base}, and the rest of
 * its output is drained so it never blocks on a full pipe. It ends by itself when the test JVM is
 * gone ({@link ChildMain}).
 *
 * @param process the child
 * @param base    its http://host:port
 */
public record ChildServer(Process process, String base) {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** Session tokens by server base URL: each child's administrator logs in once. */
    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param prefix command words before {@code java} (such as {@code unshare ... sh -c ...}); may be empty
     * @param args   arguments after {@code serve}
     */
    public static ChildServer start(List<String> prefix, List<String> args) throws IOException {
        return start(prefix, args, null);
    }

    /** As {@link #start(List, List)}, appending everything the server prints to {@code log} when not null. */
    public static ChildServer start(List<String> prefix, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ChildMain.class.getName(),
                Long.toString(ProcessHandle.current().pid()), "serve", "--port", "0", "--set", "live.rtspPort=0"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WARDNET_AUTH_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        builder.environment().put("WARDNET_AUTH_PASSWORD_ITERATIONS", Integer.toString(TestServer.TEST_ITERATIONS));
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; (line = out.readLine()) != null && System.nanoTime() < deadline; ) {
            if (log != null) {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            if (line.startsWith("listening on ")) {
                Thread drain = new Thread(() -> out.lines().forEach(rest -> keep(log, rest)), "child-server-output");
                drain.setDaemon(true);
                drain.start();
                return new ChildServer(process, line.substring("listening on ".length()).strip());
            }
            seen.append(line).append('\n');
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start:\n" + seen);
    }

    private static void keep(Path log, String line) {
        if (log == null) {
            return;
        }
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is for a human reading a failure; losing a line of it is no failure of the test
        }
    }

    /**
     * Sends a request to a full URL with an optional body of {@code type}, as the child's
     * administrator (logged in on first use); the answer as text.
     */
    public static HttpResponse<String> request(String method, String url, String type, String body) throws Exception {
        URI target = URI.create(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(target.getScheme() + "://" + target.getAuthority()));
        if (body != null) {
            request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Forgets the session at {@code base} (its store was wiped): the next request logs in again. */
    public static void forget(String base) {
        TOKENS.remove(base);
    }

    /** The session token of the administrator of the server at {@code base}, logging in once. */
    private static String token(String base) throws Exception {
        String token = TOKENS.get(base);
        if (token == null) {
            HttpResponse<String> login = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"user\":\"admin\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                throw new AssertionError("login at " + base + ": HTTP " + login.statusCode() + " " + login.body());
            }
            token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(login.body()).get("token").asText();
            TOKENS.put(base, token);
        }
        return token;
    }

    /** The header line ffprobe's -headers option takes, with the administrator's token of {@code base}. */
    public static String authorizationHeader(String base) throws Exception {
        return "Authorization: Bearer " + token(base) + "\r\n";
    }

    /** A JSON request that must succeed (2xx); its answer, null when empty. */
    public static com.fasterxml.jackson.databind.JsonNode json(String method, String url, String body) throws Exception {
        HttpResponse<String> response = request(method, url, "application/json", body);
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and a wait for a clean exit. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(60, TimeUnit.SECONDS);
    }
}
