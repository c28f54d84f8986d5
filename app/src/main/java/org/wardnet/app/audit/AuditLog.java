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
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 1_000;

    private record Pending(AuditEntry.Draft draft, CompletableFuture<AuditEntry> done) {
    }

    private final AuditStore store;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(10_000);
    private final Thread writer;
    private volatile boolean closed;

    public AuditLog(AuditStore store) {
        this.store = store;
        this.writer = new Thread(this::run, "wardnet-audit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues an entry; the future completes when it is stored, or fails when it cannot be. */
    public CompletableFuture<AuditEntry> record(AuditEntry.Draft draft) {
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
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(stored.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("cannot store {} audit entries: {}", batch.size(), e.getMessage());
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    /** Stores what is queued, then stops. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
