package org.wardnet.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A bounded executor for work that blocks (JDBC, files), so it never runs on an event loop.
 * When its queue is full a request is refused at once with 503 and Retry-After rather than left
 * to wait without bound.
 */
public final class BlockingWork implements AutoCloseable {

    private final ThreadPoolExecutor executor;

    /**
     * @param name     thread name prefix
     * @param threads  worker threads
     * @param capacity most tasks waiting
     */
    public BlockingWork(String name, int threads, int capacity) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(capacity), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs {@code task} on a worker; the future fails with a 503 {@link ApiException} when full. */
    public <T> CompletableFuture<T> submit(Supplier<T> task) {
        try {
            return CompletableFuture.supplyAsync(task, executor);
        } catch (RejectedExecutionException e) {
            Problem busy = Problem.of(HttpResponseStatus.SERVICE_UNAVAILABLE, "busy", "Server busy",
                    "too many writes are waiting for the store; retry in a moment");
            return CompletableFuture.failedFuture(new ApiException(busy.withExtension("retryAfterSeconds", 1)));
        }
    }

    /** Tasks waiting to run. */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Stops taking work and waits up to {@code seconds} for what was accepted to finish. */
    public void shutdown(int seconds) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        shutdown(30);
    }
}
