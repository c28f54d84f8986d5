package org.wardnet.app.federation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.federation.SyncJournal;

/**
 * Deletes acknowledged journal entries on a thread of its own, so that the next push does not
 * wait for them: deleting a batch's rows costs the embedded store about as much as reading and
 * sending them. Requests coalesce: while one prune runs, later acknowledgements are merged into
 * the next, which deletes up to the highest of them.
 *
 * <p>Limits: an entry stays on disk a little after it was acknowledged (until the prune thread
 * reaches it); a failed prune is logged and retried with the next acknowledgement, which is
 * harmless, as acknowledged entries are only re-read if the parent asks again from before them.
 */
final class JournalPruner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalPruner.class);

    private final SyncJournal journal;
    private final ExecutorService thread;
    private final AtomicLong wanted = new AtomicLong(-1);
    private final AtomicBoolean queued = new AtomicBoolean();

    JournalPruner(SyncJournal journal) {
        this.journal = journal;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread t = new Thread(runnable, "wardnet-journal-prune");
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for the entries at or below {@code upToSeq} to go; returns at once. */
    void prune(long upToSeq) {
        wanted.accumulateAndGet(upToSeq, Math::max);
        if (queued.compareAndSet(false, true) && !thread.isShutdown()) {
            thread.execute(this::run);
        }
    }

    private void run() {
        queued.set(false);
        long upTo = wanted.get();
        try {
            journal.prune(upTo);
        } catch (RuntimeException e) {
            LOG.warn("cannot prune the sync journal up to {} (tried again at the next acknowledgement): {}", upTo,
                    e.toString());
        }
    }

    /** Finishes the prune asked for last, then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the journal's prune is still busy after 30 s; leaving it to the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
