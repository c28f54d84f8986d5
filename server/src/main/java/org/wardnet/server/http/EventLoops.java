package org.wardnet.server.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's Netty threads: one acceptor and the I/O workers. Created before the server so the
 * readiness check can probe them; closed after it.
 */
public final class EventLoops implements AutoCloseable {

    private final EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers;

    /**
     * @param workerThreads I/O threads; 0 for one per core (handlers never block, so more threads
     *                      than cores only adds context switches)
     */
    public EventLoops(int workerThreads) {
        int threads = workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
        this.workers = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    }

    EventLoopGroup acceptor() {
        return acceptor;
    }

    EventLoopGroup workers() {
        return workers;
    }

    /** Runs {@code task} every {@code periodMillis} on one of the loops until they close; it must not block. */
    public void every(long periodMillis, Runnable task) {
        workers.scheduleAtFixedRate(task, periodMillis, periodMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Submits a no-op to every worker and names those that do not run it within {@code within}:
     * a loop that is blocked cannot serve its connections.
     */
    public List<String> unresponsive(Duration within) throws InterruptedException {
        List<Future<?>> probes = new ArrayList<>();
        for (EventExecutor loop : workers) {
            probes.add(loop.submit(() -> { }));
        }
        long deadline = System.nanoTime() + within.toNanos();
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            if (!probes.get(i).await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                slow.add("event loop " + i);
            }
        }
        return slow;
    }

    @Override
    public void close() {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
