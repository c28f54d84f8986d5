package org.wardnet.bench.federation;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link GetLoad} in a process of its own ({@link GetLoadMain}, this JVM's class path), so the
 * clients' timing is not held up by what this JVM does meanwhile (the node's work, its collector's
 * pauses, which stop every thread of a JVM). They still share the machine's cores with everything
 * else: that part of a wait is the machine's, and is counted.
 *
 * <p>Limits: one run at a time; the process is stopped on close.
 */
final class LoadProcess implements AutoCloseable {

    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;
    private final boolean paced;

    /** @param rate requests a second by all clients together, on a schedule; 0 for a closed loop */
    LoadProcess(String base, String token, List<String> cameras, int clients, double rate, Path dir)
            throws Exception {
        Path ids = Files.write(Files.createTempFile(dir, "cameras-", ".txt"), cameras);
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m",
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), GetLoadMain.class.getName(), base, token,
                ids.toString(), Integer.toString(clients), Double.toString(rate))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.paced = rate > 0;
    }

    /** Whether the requests go on a schedule rather than back to back. */
    boolean paced() {
        return paced;
    }

    /** Runs for {@code length}; answers {requests per second, p99 ms}. */
    double[] run(Duration length) throws Exception {
        commands.println("run " + length.toSeconds());
        return result();
    }

    /** Runs until {@code done} holds (checked every 20 ms); answers {requests per second, p99 ms}. */
    double[] runUntil(java.util.function.BooleanSupplier done) throws Exception {
        commands.println("start");
        while (!done.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the load process ended by itself");
            }
            Thread.sleep(20);
        }
        commands.println("stop");
        return result();
    }

    private double[] result() throws Exception {
        String line = answers.readLine();
        if (line == null || !line.startsWith("result ")) {
            throw new IllegalStateException("the load process answered " + line);
        }
        String[] parts = line.split(" ");
        return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    @Override
    public void close() throws InterruptedException {
        commands.println("quit");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
