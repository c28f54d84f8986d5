package org.wardnet.storage.stores;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A scratch PostgreSQL server for the tests and for the demo's {@code --store postgresql}, from
 * Debian's {@code postgresql} package (installed by {@code storage-index/src/test/peers/install-postgres-peer.sh}
 * or {@code apt-get install postgresql}): a cluster made by {@code initdb} in a scratch
 * directory, started by {@code pg_ctl} on a free loopback port with its socket in that directory,
 * and stopped (the directory deleted) by {@link #close}. Run as root, the two tools run as the
 * {@code postgres} user, as PostgreSQL requires. Each {@link #newDatabase} is an empty database
 * of its own, so tests never see each other's rows. {@code fsync} is off: the tests kill
 * processes, not the machine, and the demo's store is deleted when it stops. Not for keeping data.
 */
public final class ScratchPostgres implements AutoCloseable {

    public static final String USER = "wardnet";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dir;
    private final Path bin;
    private final int port;

    private ScratchPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    private static ScratchPostgres shared;

    /**
     * One server for a whole test JVM, for tests outside JUnit's store extension (the server's API
     * tests run on PostgreSQL): started on first use, stopped when the JVM exits.
     */
    public static synchronized ScratchPostgres shared() throws IOException, InterruptedException {
        if (shared == null) {
            ScratchPostgres server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println("cannot stop the scratch PostgreSQL: " + e);
                }
            }, "scratch-postgres-stop"));
            shared = server;
        }
        return shared;
    }

    /** Makes and starts a cluster; fails, saying what is missing, when PostgreSQL is not installed. */
    public static ScratchPostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("wardnet-pg-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ScratchPostgres server = new ScratchPostgres(dir, bin, port);
        if (asRoot()) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        server.tool("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--no-sync");
        server.resume();
        return server;
    }

    /** Starts the server (again, after {@link #halt}) on its port, with its data. */
    public void resume() throws IOException, InterruptedException {
        tool("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c max_connections=200", "start");
    }

    /**
     * Stops the server as an outage would, keeping its data: {@code immediate} ends every backend
     * at once without a checkpoint (recovered from the log on {@link #resume}).
     */
    public void halt() throws IOException, InterruptedException {
        tool("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    private final java.util.Map<String, String> named = new java.util.HashMap<>();

    /**
     * The database for {@code key} (a test server's data directory, say): made empty the first time
     * it is asked for, the same one after that, so a restarted server finds what it wrote.
     */
    public synchronized String databaseFor(String key) throws SQLException {
        String url = named.get(key);
        if (url == null) {
            url = newDatabase();
            named.put(key, url);
        }
        return url;
    }

    /** A fresh, empty database on this server: its JDBC URL. */
    public String newDatabase() throws SQLException {
        String name = "wardnet_scratch_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
                Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            tool("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void tool(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(name).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed PostgreSQL's programs (Debian keeps them out of PATH). */
    private static Path binaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                Path newest = installed.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D",
                                "0")))).orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        throw new IOException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install"
                + " postgresql, or run storage-index/src/test/peers/install-postgres-peer.sh (./wardnet test does)");
    }
}
