package org.wardnet.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.errors.StoreUnavailableException;

/**
 * Appends on the callers' threads: while one caller's append is held up (a stalled disk write),
 * the others return at once with their entries queued, and the held-up caller stores them before
 * it lets go; the chain stays whole and in order; a full queue and a failing store fail the
 * futures rather than blocking or losing them.
 */
class CallerAppendsTest {

    private static final Instant AT = Instant.parse("2026-12-06T03:30:00Z");

    /** A trail in memory whose first append waits until released: a write the disk holds up. */
    private static final class StallingStore implements AuditStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<AuditEntry> entries = new ArrayList<>();
        final List<Integer> appendSizes = new ArrayList<>();
        volatile RuntimeException failWith;

        @Override
        public synchronized List<AuditEntry> append(List<AuditEntry.Draft> drafts) {
            if (appendSizes.isEmpty()) {
                entered.countDown();
                try {
                    assertTrue(release.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            appendSizes.add(drafts.size());
            if (failWith != null) {
                throw failWith;
            }
            Head head = head();
            List<AuditEntry> linked = AuditChain.linkAll(head.seq(), head.hash(), drafts);
            entries.addAll(linked);
            return linked;
        }

        @Override
        public boolean appendsAtOnce() {
            return true;
        }

        @Override
        public synchronized Head head() {
            return entries.isEmpty() ? new Head(0, AuditChain.GENESIS)
                    : new Head(entries.size(), entries.get(entries.size() - 1).hash());
        }

        @Override
        public synchronized List<AuditEntry> read(long afterSeq, int limit) {
            return List.copyOf(entries.subList((int) afterSeq, Math.min(entries.size(), (int) afterSeq + limit)));
        }

        @Override
        public List<AuditEntry> about(String path, int limit) {
            return List.of();
        }
    }

    private static AuditEntry.Draft draft(String target) {
        return new AuditEntry.Draft(AT, "ana", "*", "127.0.0.1", "clips.list", target, 200);
    }

    private static final CallerAppends.Outcomes IGNORED = new CallerAppends.Outcomes() {
        @Override
        public void stored() {
        }

        @Override
        public void failed(int entries, RuntimeException cause) {
        }
    };

    @Test
    void othersQueueWithoutWaitingWhileOneAppendIsHeldUp() throws Exception {
        StallingStore store = new StallingStore();
        CallerAppends appends = new CallerAppends(store, 100, IGNORED);
        CompletableFuture<CompletableFuture<AuditEntry>> first = CompletableFuture.supplyAsync(
                () -> appends.record(draft("/first")));
        assertTrue(store.entered.await(10, TimeUnit.SECONDS));

        List<CompletableFuture<AuditEntry>> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            others.add(appends.record(draft("/other-" + i))); // returns although an append is held up
        }
        assertTrue(others.stream().noneMatch(CompletableFuture::isDone), "queued, not stored yet");
        assertFalse(first.isDone(), "the first caller is still in its append");

        store.release.countDown();
        AuditEntry firstEntry = first.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        assertEquals(1, firstEntry.seq());
        for (int i = 0; i < 50; i++) {
            AuditEntry e = others.get(i).get(10, TimeUnit.SECONDS);
            assertEquals(i + 2, e.seq());
            assertEquals("/other-" + i, e.target());
        }
        assertEquals(List.of(1, 50), store.appendSizes, "the held-up caller took the 50 along in one append");
        assertTrue(AuditChain.firstBreak(store.read(0, 100).iterator()).isEmpty());
    }

    @Test
    void aFullQueueAndAFailingStoreFailTheFutures() throws Exception {
        StallingStore store = new StallingStore();
        CallerAppends appends = new CallerAppends(store, 3, IGNORED);
        CompletableFuture<CompletableFuture<AuditEntry>> first = CompletableFuture.supplyAsync(
                () -> appends.record(draft("/first")));
        assertTrue(store.entered.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<AuditEntry>> queued = List.of(appends.record(draft("/a")), appends.record(draft("/b")),
                appends.record(draft("/c")));
        CompletableFuture<AuditEntry> refused = appends.record(draft("/d"));
        ExecutionException full = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> refused.get(1, TimeUnit.SECONDS));
        assertTrue(full.getCause() instanceof StoreUnavailableException && full.getCause().getMessage().contains(
                "3 are waiting"), full.getCause().toString());

        store.failWith = new StoreUnavailableException("the journal's disk is full", null);
        store.release.countDown();
        first.get(10, TimeUnit.SECONDS).handle((e, failure) -> failure).get(10, TimeUnit.SECONDS);
        for (CompletableFuture<AuditEntry> q : queued) {
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> q.get(10, TimeUnit.SECONDS));
            assertEquals("the journal's disk is full", e.getCause().getMessage());
        }
        store.failWith = null;
        assertEquals(1, appends.record(draft("/after")).get(10, TimeUnit.SECONDS).seq(), "nothing was stored before");
    }
}
