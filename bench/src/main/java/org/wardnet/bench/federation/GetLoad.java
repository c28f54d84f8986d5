package org.wardnet.bench.federation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A closed-loop load of camera GETs against a server: {@code clients} threads, each with its own
 * keep-alive connection, asking for random cameras back to back; answers other than 200 fail the
 * run. Answers the rate and the 99th percentile of latencies.
 */
final class GetLoad {

    private final String base;
    private final String token;
    private final List<String> cameras;
    private final int clients;

    GetLoad(String base, String token, List<String> cameras, int clients) {
        this.base = base;
        this.token = token;
        this.cameras = cameras;
        this.clients = clients;
    }

    /** Runs for {@code length}; answers {requests per second, p99 ms}. */
    double[] run(Duration length) throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        return runUntil(() -> System.nanoTime() >= end);
    }

    /** Runs until {@code done} holds (checked every 20 ms); answers {requests per second, p99 ms}. */
    double[] runUntil(BooleanSupplier done) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            long[][] mine = {new long[1 << 16]};
            int[] count = {0};
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                try {
                    while (!stop.get()) {
                        String id = cameras.get(ThreadLocalRandom.current().nextInt(cameras.size()));
                        long t0 = System.nanoTime();
                        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/api/v1/cameras/" + id)).header("Authorization", "Bearer " + token).build(),
                                HttpResponse.BodyHandlers.discarding());
                        long took = System.nanoTime() - t0;
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException("camera GET answered " + answer.statusCode());
                        }
                        if (count[0] == mine[0].length) {
                            mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                        }
                        mine[0][count[0]++] = took;
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(new IllegalStateException("load client failed: " + e, e));
                    }
                }
                synchronized (samples) {
                    samples.add(Arrays.copyOf(mine[0], count[0]));
                }
            }, "bench-get-" + t);
            thread.start();
            threads.add(thread);
        }
        while (!done.getAsBoolean()) {
            Thread.sleep(20);
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            throw new IllegalStateException("no request completed");
        }
        double p99 = all[Math.min(all.length - 1, (int) Math.ceil(all.length * 0.99) - 1)] / 1e6;
        return new double[] {all.length / seconds, p99};
    }
}
