package org.wardnet.app.track;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One named daemon thread that runs a model's fits in the background, one after another, and is
 * stopped (interrupting a running fit, waiting up to 5 s) when the service closes.
 */
final class FitThread implements AutoCloseable {

    private final ExecutorService worker;

    FitThread(String name) {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a fit; false once closed. */
    boolean run(Runnable fit) {
        try {
            worker.execute(fit);
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
