package org.wardnet.storage.access;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.errors.StoreUnavailableException;

/**
 * The audit trail with a journal in front of its database: an append links the entries, writes
 * them to the {@link AuditJournal} and returns; a thread of its own then stores them into
 * {@code audit_entry} in large batches. The request waits for a file write instead of a database
 * commit. When an append returns its entries survive the process being killed; whether they also
 * survive a power cut then, or within {@link #SYNC_INTERVAL_MILLIS}, is the {@link Sync} chosen. Opening replays the journal's entries that the database lacks (those
 * a killed process had acknowledged but not yet indexed), so the database holds the whole trail
 * again before anything is appended.
 *
 * <p>Reads ({@link #read}, {@link #about}) first wait until the database holds everything
 * appended, so they see every acknowledged entry.
 *
 * <p>Limits: this process must be the trail's only writer (the chain's end is kept in memory),
 * which holds for the embedded store; servers sharing one PostgreSQL database append through
 * {@link JdbcAuditStore} instead. While the database is unreachable the journal goes on
 * accepting entries up to {@link #MAX_UNINDEXED}, then appends fail.
 */
public final class JournaledAuditStore implements AuditStore, AutoCloseable {

    /** When appended entries are forced to the disk. */
    public enum Sync {
        /** Before the append returns: every answered request's entry survives a power cut; an fsync per group. */
        EACH_GROUP,
        /**
         * Every {@link #SYNC_INTERVAL_MILLIS} on a thread of its own: a power cut can lose the entries
         * of that last interval, as the embedded database's own commits (which it does not force) can.
         */
        PERIODIC
    }

    /** After the next segment could not be made ahead, how long until it is tried again. */
    private static final long SPARE_RETRY_MILLIS = 5_000;
    /** How often {@link Sync#PERIODIC} forces the journal. */
    public static final long SYNC_INTERVAL_MILLIS = 100;

    /** Appended but not yet in the database, at most; beyond it appends are refused. */
    static final long MAX_UNINDEXED = 1_000_000;
    private static final int INDEX_BATCH = 20_000;
    private static final int BLOCKS_PER_TRANSACTION = INDEX_BATCH / EncodedEntries.BLOCK_ENTRIES;
    /** How long appended entries may gather before they are stored; a reader waiting cuts it short. */
    static final long INDEX_DELAY_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(JournaledAuditStore.class);

    private final JdbcAuditStore database;
    private final AuditJournal journal;
    /** Journaled, not yet in the database; guarded by this store's lock. */
    private final PendingRecords unindexed = new PendingRecords();
    private final AtomicLong unindexedCount = new AtomicLong();
    private final Object indexedMonitor = new Object();
    private final Object indexWake = new Object();
    private volatile boolean readerWaiting;
    private final Thread indexer;
    private final Sync sync;
    private final Thread syncer;
    private volatile Head head;
    private volatile long indexedSeq;
    private volatile boolean closed;

    private JournaledAuditStore(JdbcAuditStore database, AuditJournal journal, Head head, Sync sync) {
        this.database = database;
        this.journal = journal;
        this.head = head;
        this.sync = sync;
        this.indexedSeq = head.seq();
        this.indexer = new Thread(this::indexLoop, "wardnet-audit-index");
        indexer.setDaemon(true);
        indexer.start();
        this.syncer = new Thread(this::syncLoop, "wardnet-audit-sync");
        syncer.setDaemon(true);
        syncer.start();
    }

    /**
     * Opens the journal in {@code directory} in front of {@code database}, first storing into the
     * database whatever the journal holds beyond it.
     *
     * @throws IOException           when the journal cannot be read or is damaged
     * @throws IllegalStateException when the journal does not continue the database's trail
     */
    public static JournaledAuditStore open(JdbcAuditStore database, Path directory, Sync sync) throws IOException {
        AuditJournal journal = AuditJournal.open(directory);
        try {
            long[] replayed = {0};
            journal.replay(database.head().seq(), batch -> {
                database.store(batch);
                replayed[0] += batch.size();
            });
            if (replayed[0] > 0) {
                LOG.info("stored {} audit entries from the journal that the database did not hold yet", replayed[0]);
            }
            Head head = database.head();
            journal.forget(head.seq());
            return new JournaledAuditStore(database, journal, head, sync);
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    @Override
    public synchronized List<AuditEntry> append(List<AuditEntry.Draft> drafts) {
        if (closed) {
            throw new StoreUnavailableException("the audit trail is closed", null);
        }
        if (drafts.isEmpty()) {
            return List.of();
        }
        long behind = unindexedCount.get();
        if (behind >= MAX_UNINDEXED) {
            throw new StoreUnavailableException("the audit trail's database is " + behind
                    + " entries behind its journal", null);
        }
        List<AuditEntry> linked = JdbcAuditStore.linkStorable(head, drafts);
        EncodedEntries encoded = EncodedEntries.of(linked);
        try {
            journal.append(encoded.first().seq(), encoded.records(), sync == Sync.EACH_GROUP);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot write the audit journal: " + e.getMessage(), e);
        }
        unindexedCount.addAndGet(linked.size());
        // Pending before the head moves: a reader that sees the head finds them pending.
        unindexed.add(encoded.records(), encoded.count());
        AuditEntry last = linked.get(linked.size() - 1);
        head = new Head(last.seq(), last.hash());
        return linked;
    }

    /** With {@link Sync#PERIODIC}: an append is a write to the journal file, no wait for the disk. */
    @Override
    public boolean appendsAtOnce() {
        return sync == Sync.PERIODIC;
    }

    @Override
    public Head head() {
        return head;
    }

    @Override
    public List<AuditEntry> read(long afterSeq, int limit) {
        awaitIndexed();
        return database.read(afterSeq, limit);
    }

    @Override
    public List<AuditEntry> about(String path, int limit) {
        awaitIndexed();
        return database.about(path, limit);
    }

    /** Entries appended (and journaled) that the database does not hold yet. */
    public long unindexed() {
        return unindexedCount.get();
    }

    /** Waits (up to 30 s) until the database holds every entry appended so far. */
    private void awaitIndexed() {
        long wanted = head.seq();
        if (indexedSeq >= wanted) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (indexedMonitor) {
            while (indexedSeq < wanted) {
                hurryIndexing();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StoreUnavailableException("the audit trail's database is " + (wanted - indexedSeq)
                            + " entries behind its journal", null);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(indexedMonitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreUnavailableException("interrupted waiting for the audit trail", e);
                }
            }
        }
    }

    private void indexLoop() {
        List<EncodedEntries> blocks = new ArrayList<>();
        boolean failing = false;
        while (true) {
            try {
                if (blocks.isEmpty()) {
                    awaitWork();
                    PendingRecords.Taken taken = takePending();
                    if (taken == null) {
                        if (closed) {
                            return;
                        }
                        continue;
                    }
                    blocks.addAll(EncodedEntries.cut(taken.bytes(), taken.length()));
                    giveBack(taken.bytes()); // the blocks hold copies
                }
                // A transaction's worth at a time: after an outage the pending records can be many.
                List<EncodedEntries> chunk = blocks.subList(0, Math.min(blocks.size(), BLOCKS_PER_TRANSACTION));
                database.storeEncoded(chunk);
                if (failing) {
                    LOG.info("the audit trail's database is reachable again; indexing the journal");
                    failing = false;
                }
                int stored = 0;
                for (EncodedEntries block : chunk) {
                    stored += block.count();
                }
                long last = chunk.get(chunk.size() - 1).last().seq();
                chunk.clear();
                unindexedCount.addAndGet(-stored);
                synchronized (indexedMonitor) {
                    indexedSeq = last;
                    readerWaiting = false; // a reader still short of its entry sets it again
                    indexedMonitor.notifyAll();
                }
                journal.forget(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!failing) { // once per outage: the journal keeps the entries meanwhile
                    LOG.warn("cannot index {} audit entries into the database; they stay in the journal and are"
                            + " retried every second: {}", unindexedCount.get(), e.getMessage());
                    failing = true;
                }
                if (closed) {
                    return; // the next start replays them from the journal
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private synchronized void giveBack(byte[] taken) {
        unindexed.giveBack(taken);
    }

    private synchronized PendingRecords.Taken takePending() {
        return unindexed.isEmpty() ? null : unindexed.take();
    }

    private void hurryIndexing() {
        readerWaiting = true;
        synchronized (indexWake) {
            indexWake.notifyAll();
        }
    }

    /**
     * Lets entries gather for up to {@link #INDEX_DELAY_MILLIS} before a batch is stored, unless a
     * reader is waiting, a batch's worth is already pending or the store is closing: each database
     * commit costs far more than a row, and the journal already holds the entries. Appends never
     * wake the indexer, so an append costs no signal to another thread.
     */
    private void awaitWork() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(INDEX_DELAY_MILLIS);
        synchronized (indexWake) {
            long left;
            while (!closed && !readerWaiting && unindexedCount.get() < INDEX_BATCH
                    && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(indexWake, left);
            }
        }
    }

    /**
     * Forces the journal (with {@link Sync#PERIODIC}) and keeps its next segment made ahead; a
     * segment that cannot be made (a full disk) is tried again only every {@link #SPARE_RETRY_MILLIS}.
     */
    private void syncLoop() {
        boolean failing = false;
        long spareRetryAt = System.nanoTime();
        while (!closed) {
            try {
                Thread.sleep(SYNC_INTERVAL_MILLIS);
                if (sync == Sync.PERIODIC) {
                    journal.sync();
                }
                journal.settle(); // segments rolled away from are closed here, not on a request's thread
                failing = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                if (!failing) {
                    LOG.error("cannot force the audit journal to disk or close a finished segment: {}", e.toString());
                    failing = true;
                }
            }
            if (System.nanoTime() - spareRetryAt >= 0) {
                try {
                    journal.prepareSpare();
                } catch (IOException e) {
                    LOG.debug("cannot make the audit journal's next segment ahead: {}", e.toString());
                    spareRetryAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SPARE_RETRY_MILLIS);
                }
            }
        }
    }

    /** Indexes what is appended (waiting up to 10 s), then closes the journal (forcing it). */
    @Override
    public void close() {
        closed = true;
        try {
            indexer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("cannot close the audit journal: {}", e.toString());
        }
    }
}
