package org.wardnet.app.federation;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.ParentLink;
import org.wardnet.core.federation.SyncJournal;

/**
 * Reads and encodes the next batch of the journal while the one before it is on its way, so
 * that the parent's work on a batch and this node's work on the next overlap instead of adding
 * up. Used by one thread (the sync's own); the reading happens on a second.
 *
 * <p>A batch read ahead is used only when it starts where the parent's acknowledgement says
 * the next one must: an acknowledgement that stops short of the batch sent, a resume or a lost
 * link throw it away, and the batch is read again where it is now wanted. Journal entries
 * never change once written, so a batch read ahead is never stale in its content.
 *
 * <p>Limits: one batch ahead at most; the read-ahead thread is never interrupted (an interrupt
 * during a file read closes the embedded store's file), so a discarded read runs to its end.
 */
final class BatchReadAhead implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchReadAhead.class);

    private final SyncJournal journal;
    private final ParentLink parent;
    private final int batchRows;
    private final ExecutorService thread;
    private long aheadAfter = Long.MIN_VALUE;
    private Future<ParentLink.Outgoing> ahead;

    BatchReadAhead(SyncJournal journal, ParentLink parent, int batchRows) {
        this.journal = journal;
        this.parent = parent;
        this.batchRows = batchRows;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread t = new Thread(runnable, "wardnet-sync-readahead");
            t.setDaemon(true);
            return t;
        });
    }

    /** The batch of the entries after {@code seq}: the one read ahead if it starts there, else read now. */
    ParentLink.Outgoing batchAfter(long seq) {
        if (ahead != null && aheadAfter == seq) {
            Future<ParentLink.Outgoing> ready = ahead;
            ahead = null;
            try {
                return ready.get();
            } catch (ExecutionException e) {
                LOG.debug("reading ahead after {} failed ({}); reading again", seq, e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next batch", e);
            }
        }
        discard();
        return read(seq);
    }

    /** Starts reading the batch after {@code seq}, to be asked for by {@link #batchAfter(long)}. */
    void readAhead(long seq) {
        discard();
        if (thread.isShutdown()) {
            return;
        }
        aheadAfter = seq;
        ahead = thread.submit(() -> read(seq));
    }

    /** Forgets the batch read ahead, if any. */
    void discard() {
        if (ahead != null) {
            ahead.cancel(false);
            ahead = null;
        }
    }

    private ParentLink.Outgoing read(long seq) {
        List<Change> changes = journal.after(seq, batchRows);
        return parent.prepare(changes);
    }

    /** Lets a read in progress finish, then stops. */
    @Override
    public void close() {
        discard();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("reading the next sync batch still busy after 30 s; leaving it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
