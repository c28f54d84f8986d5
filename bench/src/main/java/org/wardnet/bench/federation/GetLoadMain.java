package org.wardnet.bench.federation;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The entry point of a {@link LoadProcess}: a {@link GetLoad} in a JVM of its own, driven by
 * lines on its standard input. {@code run SECONDS} runs that long; {@code start} runs until
 * {@code stop}. Each run answers one line {@code result RATE P99_MS}, or {@code error TEXT}.
 *
 * <p>Arguments: base URL, bearer token, a file of camera ids (one a line), clients, and requests a
 * second (0 for a closed loop).
 */
public final class GetLoadMain {

    private GetLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> cameras = Files.readAllLines(Path.of(args[2]));
        GetLoad load = new GetLoad(args[0], args[1], cameras, Integer.parseInt(args[3]), Double.parseDouble(args[4]));
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        AtomicBoolean stop = new AtomicBoolean();
        Thread running = null;
        for (String command = commands.readLine(); command != null && !command.equals("quit");
                command = commands.readLine()) {
            if (command.startsWith("run ")) {
                Duration length = Duration.ofSeconds(Long.parseLong(command.substring(4).trim()));
                answer(() -> load.run(length));
            } else if (command.equals("start")) {
                stop.set(false);
                running = new Thread(() -> answer(() -> load.runUntil(stop::get)), "load-run");
                running.start();
            } else if (command.equals("stop") && running != null) {
                stop.set(true);
                running.join();
                running = null;
            } else {
                System.out.println("error unknown command: " + command);
            }
            System.out.flush();
        }
    }

    private interface Run {
        double[] go() throws Exception;
    }

    private static void answer(Run run) {
        try {
            double[] result = run.go();
            System.out.println("result " + result[0] + " " + result[1]);
        } catch (Exception | Error e) {
            System.out.println("error " + e);
        }
        System.out.flush();
    }
}
