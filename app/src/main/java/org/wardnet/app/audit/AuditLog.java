package org.wardnet.app.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.errors.StoreUnavailableException;

/**
 * Appends audit entries on one thread, committing whatever has queued up together (group
 * commit): under load a commit carries many entries, so auditing costs a few commits per second
 * rather than one per request. Each caller's future completes when its entry is durable, so an
 * answer is sent only after its entry is stored. The queue is bounded (10,000); when it is full
 * the request fails rather than going unrecorded.
 *
 * <p>A store that {@linkplain AuditStore#appendsAtOnce appends at once} (a journal written to the
 * operating system without waiting for the disk) is appended to on the callers' threads instead
 * ({@link CallerAppends}), and no writer thread is started: handing each entry to one and back
 * would cost more than the append.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 1_000;
    private static final int CAPACITY = 10_000;

    private record Pending(AuditEntry.Draft draft, CompletableFuture<AuditEntry> done) {
    }

    private final AuditStore store;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final CallerAppends callerAppends;
    private final Thread writer;
    private volatile boolean closed;
    private volatile boolean failing;

    public AuditLog(AuditStore store) {
        this.store = store;
        if (store.appendsAtOnce()) {
            this.callerAppends = new CallerAppends(store, CAPACITY, new CallerAppends.Outcomes() {
                @Override
                public void stored() {
                    recovered();
                }

                @Override
                public void failed(int entries, RuntimeException cause) {
                    AuditLog.this.failed(entries, cause);
                }
            });
            this.writer = null;
        } else {
            this.callerAppends = null;
            this.writer = new Thread(this::run, "wardnet-audit");
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** Queues an entry; the future completes when it is stored, or fails when it cannot be. */
    public CompletableFuture<AuditEntry> record(AuditEntry.Draft draft) {
        if (callerAppends != null && !closed) {
            return callerAppends.record(draft);
        }
        CompletableFuture<AuditEntry> done = new CompletableFuture<>();
        if (closed || !queue.offer(new Pending(draft, done))) {
            done.completeExceptionally(new StoreUnavailableException("the audit trail is not accepting entries"
                    + (closed ? " (shutting down)" : " (its queue is full)"), null));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                List<AuditEntry> stored = store.append(batch.stream().map(Pending::draft).toList());
                recovered();
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(stored.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed(batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    /** Logs the first failure of a run of them: each request refused for it says so itself. */
    private void failed(int entries, RuntimeException e) {
        if (!failing) {
            failing = true;
            LOG.error("cannot store {} audit entries ({}); requests that need an entry are refused until it can",
                    entries, e.getMessage());
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("the audit trail is storing entries again");
        }
    }

    /** Stores what is queued, then stops. */
    @Override
    public void close() {
        closed = true;
        if (writer == null) {
            return; // appends in progress finish on their callers' threads
        }
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
