package org.wardnet.app.work;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.wardnet.core.errors.DomainException;

/**
 * A bounded executor for work that blocks (JDBC, files), so it never runs on an event loop.
 * When its queue is full the work is refused at once ({@link DomainException#busy}, retry in a
 * second) rather than left to wait without bound.
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

    /** Runs {@code task} on a worker; the future fails with {@link DomainException#busy} when the queue is full. */
    public <T> CompletableFuture<T> submit(Supplier<T> task) {
        try {
            return CompletableFuture.supplyAsync(task, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(DomainException.busy(
                    "too many writes are waiting for the store; retry in a moment"));
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
