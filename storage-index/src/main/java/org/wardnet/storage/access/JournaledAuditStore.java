package org.wardnet.storage.access;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.errors.StoreUnavailableException;

/**
 * The audit trail with a journal as its home and the database as its index: an append links the
 * entries, writes them to the {@link AuditJournal} and returns; a thread of its own then records
 * in the database where they lie ({@code audit_span}: a row per stretch of a segment, some
 * thousands of entries each), so each entry's bytes are written once. The request waits for a
 * file write instead of a database commit. When an append returns its entries survive the process
 * being killed; whether they also survive a power cut then, or within {@link #SYNC_INTERVAL_MILLIS},
 * is the {@link Sync} chosen. Opening indexes the journal's entries that the database lacks (those
 * a killed process had acknowledged but not yet indexed) before anything is appended.
 *
 * <p>Reads ({@link #read}, {@link #about}) first wait until the database indexes everything
 * appended, then read rows and blocks from the database and spans from the journal's segments.
 *
 * <p>Limits: this process must be the trail's only writer (the chain's end is kept in memory),
 * which holds for the embedded store; servers sharing one PostgreSQL database append through
 * {@link JdbcAuditStore} instead. The journal's segments are part of the trail and are never
 * deleted while spans point into them; a store copied elsewhere or opened without its journal
 * first has its spans folded into blocks ({@link #foldIntoDatabase}). While the database is
 * unreachable the journal goes on accepting entries up to {@link #MAX_UNINDEXED}, then appends fail.
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

    /**
     * The action of the entry that records a loss in the trail itself: entries the database had
     * indexed that the journal no longer holds (see {@link #open}).
     */
    public static final String LOST_ACTION = "audit.lost";

    /** After the next segment could not be made ahead, how long until it is tried again. */
    private static final long SPARE_RETRY_MILLIS = 5_000;
    /** How often {@link Sync#PERIODIC} forces the journal. */
    public static final long SYNC_INTERVAL_MILLIS = 100;

    /** Appended but not yet in the database, at most; beyond it appends are refused. */
    static final long MAX_UNINDEXED = 1_000_000;
    private static final int INDEX_BATCH = 20_000;
    /**
     * How long appended entries may gather before they are stored; a reader waiting cuts it short.
     * Each pass is a database commit of a few milliseconds whatever it holds: at 40,000 entries a
     * second, passes 50 ms apart cost the machine about 1 µs an entry more than passes 500 ms
     * apart (bench/RESULTS.md, 2026-12-07). A start after a kill indexes at most this long's
     * entries again from the journal.
     */
    static final long INDEX_DELAY_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(JournaledAuditStore.class);

    private final JdbcAuditStore database;
    private final AuditJournal journal;
    /** Journaled, not yet in the database; guarded by this store's lock. */
    private final UnindexedSpans unindexed = new UnindexedSpans();
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
            // Segments whose entries the database holds in rows or blocks of its own (indexed
            // before spans existed) are not part of the trail.
            long outsideSpans = database.lastOutsideSpans().seq();
            journal.forget(outsideSpans);
            JournalSpan lastSpan = database.lastSpan();
            String lost = null;
            if (lastSpan != null && journal.readableEnd(lastSpan.segment()) < lastSpan.to()) {
                lost = reindexAfterLoss(database, journal, outsideSpans, lastSpan);
            }
            List<JournalSpan> missing = journal.spansAfter(database.head().seq());
            if (!missing.isEmpty()) {
                database.storeSpans(missing);
                LOG.info("indexed {} audit entries from the journal that the database did not hold yet",
                        missing.stream().mapToLong(JournalSpan::entries).sum());
            }
            Head head = database.head();
            JournaledAuditStore store = new JournaledAuditStore(database, journal, head, sync);
            if (lost != null) { // the gap becomes part of the chain, where every reader and verify sees it
                store.append(List.of(new AuditEntry.Draft(java.time.Instant.now(), "wardnet", null, null,
                        LOST_ACTION, lost, 500)));
            }
            return store;
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * The database points past the journal's end: a power cut kept the database's last commit and
     * lost journal pages not yet forced (the window {@link Sync#PERIODIC} allows), or the journal
     * was damaged. The spans are rebuilt from what the journal holds and the loss is logged; the
     * returned text, naming the entries, goes into the trail as a {@link #LOST_ACTION} entry.
     */
    private static String reindexAfterLoss(JdbcAuditStore database, AuditJournal journal, long outsideSpans,
            JournalSpan lastSpan) throws IOException {
        List<JournalSpan> held = journal.spansAfter(outsideSpans);
        long heldTo = held.isEmpty() ? outsideSpans : held.get(held.size() - 1).lastSeq();
        database.replaceSpans(held);
        LOG.error("the audit journal ends at entry {} but the database indexed entries up to {}: entries {} to {}"
                + " were lost with unforced journal pages (a power cut within the journal's sync interval); the"
                + " trail continues from entry {}, and an entry '{}' records the loss (any bytes cut off are kept"
                + " in the journal directory as *.cut-at-* files)", heldTo, lastSpan.lastSeq(), heldTo + 1,
                lastSpan.lastSeq(), heldTo, LOST_ACTION);
        return "entries " + (heldTo + 1) + "-" + lastSpan.lastSeq() + " indexed, then missing from the journal";
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
        AuditEntry first = linked.get(0);
        AuditEntry last = linked.get(linked.size() - 1);
        AuditJournal.Written written;
        try {
            written = journal.append(first.seq(), JournalRecords.encodeAll(linked), sync == Sync.EACH_GROUP);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot write the audit journal: " + e.getMessage(), e);
        }
        unindexedCount.addAndGet(linked.size());
        // Pending before the head moves: a reader that sees the head finds them pending.
        unindexed.add(written, first.seq(), last.seq(), first.previousHash(), last.hash());
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
        return database.read(afterSeq, limit, journal::read);
    }

    @Override
    public List<AuditEntry> about(String path, int limit) {
        awaitIndexed();
        return database.about(path, limit, journal::read);
    }

    /**
     * Opens the journal in {@code directory} only to copy the entries the database's spans point to
     * into blocks of the database, then closes it: for a store about to be read without its journal.
     *
     * @return how many entries were folded
     * @throws IOException when the journal cannot be opened
     */
    public static long foldIntoDatabase(JdbcAuditStore database, Path directory) throws IOException {
        try (AuditJournal journal = AuditJournal.open(directory)) {
            return database.foldSpans(journal::read);
        }
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
        List<JournalSpan> spans = List.of();
        boolean failing = false;
        while (true) {
            try {
                if (spans.isEmpty()) {
                    awaitWork();
                    spans = takeUnindexed();
                    if (spans.isEmpty()) {
                        if (closed) {
                            return;
                        }
                        continue;
                    }
                }
                database.storeSpans(spans);
                if (failing) {
                    LOG.info("the audit trail's database is reachable again; indexing the journal");
                    failing = false;
                }
                long stored = 0;
                for (JournalSpan span : spans) {
                    stored += span.entries();
                }
                long last = spans.get(spans.size() - 1).lastSeq();
                spans = List.of();
                unindexedCount.addAndGet(-stored);
                synchronized (indexedMonitor) {
                    indexedSeq = last;
                    readerWaiting = false; // a reader still short of its entry sets it again
                    indexedMonitor.notifyAll();
                }
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
                    return; // the next start indexes them from the journal
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

    private synchronized List<JournalSpan> takeUnindexed() {
        return unindexed.isEmpty() ? List.of() : unindexed.take();
    }

    private void hurryIndexing() {
        readerWaiting = true;
        synchronized (indexWake) {
            indexWake.notifyAll();
        }
    }

    /**
     * Lets entries gather for up to {@link #INDEX_DELAY_MILLIS} before their spans are stored, unless
     * a reader is waiting, a batch's worth is already pending or the store is closing: a database
     * commit costs far more than a span's row, and the journal already holds the entries. Appends never
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
