package org.wardnet.bench.federation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A load of camera GETs against a server: {@code clients} threads, each with its own keep-alive
 * connection ({@link KeepAliveGetter}: the request sent and the answer read on the client's own
 * thread), asking for random cameras; answers other than 200 fail the run. Answers the rate and
 * the 99th percentile of latencies.
 *
 * <p>Closed loop (a rate of 0): each client asks again as soon as it has its answer, so the load
 * takes whatever CPU it can get. Paced: the clients together ask {@code rate} times a second on a
 * fixed schedule, and a request's latency counts from when it was due, so a server (or a machine)
 * that falls behind is charged for the wait as well (no coordinated omission).
 */
final class GetLoad {

    private final String base;
    private final String token;
    private final List<String> cameras;
    private final int clients;
    private final double rate;

    GetLoad(String base, String token, List<String> cameras, int clients) {
        this(base, token, cameras, clients, 0);
    }

    /** @param rate requests a second by all clients together, on a schedule; 0 for a closed loop */
    GetLoad(String base, String token, List<String> cameras, int clients, double rate) {
        this.base = base;
        this.token = token;
        this.cameras = cameras;
        this.clients = clients;
        this.rate = rate;
    }

    /** Whether the requests go on a schedule rather than back to back. */
    boolean paced() {
        return rate > 0;
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
            long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
            long firstDue = started + (rate > 0 ? (long) (t * 1e9 / rate) : 0);
            Thread thread = new Thread(() -> {
                try (KeepAliveGetter http = new KeepAliveGetter(base, token)) {
                    for (long due = firstDue; !stop.get(); due += interval) {
                        String id = cameras.get(ThreadLocalRandom.current().nextInt(cameras.size()));
                        long now = System.nanoTime();
                        if (interval > 0 && due > now) {
                            LockSupport.parkNanos(due - now);
                        }
                        long t0 = interval > 0 ? due : System.nanoTime();
                        int status = http.get("/api/v1/cameras/" + id);
                        long took = System.nanoTime() - t0;
                        if (status != 200) {
                            throw new IllegalStateException("camera GET answered " + status);
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
