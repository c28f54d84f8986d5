package org.wardnet.bench.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code wardnet demo} in a process of its own, over plain HTTP with its store under a directory of
 * the soak's: started, waited for until it has printed its tour, its address, administrator's token
 * and installer's room read from it, its output kept in a log file, and stopped (SIGTERM, then SIGKILL after 30 s).
 */
final class DemoProcess implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final String adminToken;
    private final Path dataDir;
    private final String installerRoom;

    private DemoProcess(Process process, String baseUrl, String adminToken, Path dataDir, String installerRoom) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
        this.dataDir = dataDir;
        this.installerRoom = installerRoom;
    }

    /**
     * Starts the demo and waits (at most five minutes) until it prints its address and tour.
     *
     * @param jar       the server's jar
     * @param jvm       JVM options of the demo process
     * @param arguments options after {@code demo}
     */
    static DemoProcess start(Path jar, List<String> jvm, List<String> arguments, Path dataDir, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.toString(), "demo", "--data", dataDir.toString(),
                "--set", "server.tlsSelfSigned=false"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String[]> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> copy(process, log, ready), "soak-demo-log");
        pump.setDaemon(true);
        pump.start();
        String[] found;
        try {
            found = ready.get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the demo did not start (see " + log + "): " + e.getMessage(), e);
        }
        return new DemoProcess(process, found[0], found[1], dataDir, found[2]);
    }

    /** Copies the demo's output to the log; completes {@code ready} with the URL and the admin token. */
    private static void copy(Process process, Path log, CompletableFuture<String[]> ready) {
        String url = null;
        String token = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                if (line.startsWith("listening on ")) {
                    url = line.substring("listening on ".length()).strip();
                } else if (line.startsWith("  export ADMIN=")) {
                    token = line.substring(line.indexOf('=') + 1).strip();
                } else if (line.startsWith("Install: ") && url != null && token != null) {
                    // "Install: 65 cameras of room-006 (...) are running but not registered; ..."
                    ready.complete(new String[] {url, token, line.split(" ")[4]});
                }
            }
            ready.completeExceptionally(new IOException("the demo ended, exit " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            ready.completeExceptionally(e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    String adminToken() {
        return adminToken;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The room whose cameras run unregistered, left for the installer's tour. */
    String installerRoom() {
        return installerRoom;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
