package org.wardnet.app.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.errors.StoreUnavailableException;

/**
 * Appends audit entries on the callers' own threads, one caller at a time. A caller that finds no
 * append under way appends everything waiting (its own entry and any queued meanwhile) and
 * completes their futures; a caller that finds one under way leaves its entry queued and returns
 * at once, and the appending caller takes it along before it lets go. So no entry waits for a
 * thread to wake up, and a write the disk holds up for milliseconds delays answers, not the
 * threads that would be serving other requests.
 *
 * <p>Limits: meant for a store whose appends return in microseconds ({@link AuditStore#appendsAtOnce});
 * at most {@code capacity} entries wait, beyond that a record fails at once. Futures complete on
 * the appending caller's thread, outside the append.
 */
final class CallerAppends {

    private static final int MOST_PER_APPEND = 1_000;

    private record Pending(AuditEntry.Draft draft, CompletableFuture<AuditEntry> done) {
    }

    /** Told of each append's outcome: the entries stored, or why none were. */
    interface Outcomes {
        void stored();

        void failed(int entries, RuntimeException cause);
    }

    private final AuditStore store;
    private final int capacity;
    private final Outcomes outcomes;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final ReentrantLock appending = new ReentrantLock();

    CallerAppends(AuditStore store, int capacity, Outcomes outcomes) {
        this.store = store;
        this.capacity = capacity;
        this.outcomes = outcomes;
    }

    CompletableFuture<AuditEntry> record(AuditEntry.Draft draft) {
        if (waitingCount.incrementAndGet() > capacity) {
            waitingCount.decrementAndGet();
            return CompletableFuture.failedFuture(new StoreUnavailableException(
                    "the audit trail is not accepting entries (" + capacity + " are waiting to be stored)", null));
        }
        CompletableFuture<AuditEntry> done = new CompletableFuture<>();
        waiting.add(new Pending(draft, done));
        appendWhileFree();
        return done;
    }

    /**
     * Appends what waits as long as nobody else is: checking again after letting go, so an entry
     * queued just as the last append ended is not left behind.
     */
    private void appendWhileFree() {
        while (!waiting.isEmpty() && appending.tryLock()) {
            List<Pending> batch = new ArrayList<>();
            List<AuditEntry> stored = null;
            RuntimeException failure = null;
            try {
                Pending next;
                while (batch.size() < MOST_PER_APPEND && (next = waiting.poll()) != null) {
                    batch.add(next);
                }
                waitingCount.addAndGet(-batch.size());
                if (!batch.isEmpty()) {
                    List<AuditEntry.Draft> drafts = new ArrayList<>(batch.size());
                    for (Pending p : batch) {
                        drafts.add(p.draft());
                    }
                    stored = store.append(drafts);
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                appending.unlock();
            }
            if (failure != null) {
                outcomes.failed(batch.size(), failure);
                for (Pending p : batch) {
                    p.done().completeExceptionally(failure);
                }
            } else if (stored != null) {
                outcomes.stored();
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(stored.get(i));
                }
            }
        }
    }
}
