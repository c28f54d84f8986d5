package org.wardnet.app.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.NodeAccess;
import org.wardnet.core.federation.ParentLink;

/**
 * The upward sync with two batches on their way: the parent answers them in any order it likes,
 * refuses one whose predecessor it has not applied, and still gets every change once, in order.
 */
class PipelinedPushTest {

    private static final int ENTRIES = 40;
    private static final int BATCH_ROWS = 4;

    @Test
    void aBatchThatOvertakesItsPredecessorIsRefusedAndSentAgainAndNothingIsAppliedTwice() throws Exception {
        ReorderingParent parent = new ReorderingParent();
        Thread answering = new Thread(parent::answerWhileOpen, "test-parent");
        answering.setDaemon(true);
        answering.start();
        UpwardSync.Settings settings = new UpwardSync.Settings(BATCH_ROWS, Duration.ofMillis(20),
                Duration.ofSeconds(30), Duration.ofMillis(50));
        try (UpwardSync sync = new UpwardSync(new FixedJournal(ENTRIES, Change.Kind.CLIP), parent, settings,
                Clock.systemUTC()).start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parent.acked() < ENTRIES && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(ENTRIES, parent.acked(), "the whole journal acknowledged");
        } finally {
            parent.close();
        }
        assertEquals(LongStream.rangeClosed(1, ENTRIES).boxed().toList(), parent.applied(),
                "every change applied once, in sequence order");
        assertEquals(2, parent.mostWaiting(), "a second batch was sent before the first was answered");
        assertTrue(parent.refused() >= 1, "the batch answered first, ahead of its predecessor, was refused");
    }

    /**
     * A parent that answers pushes on a thread of its own, and the first time two wait at once,
     * answers the later one first (as if it came first on its own connection).
     */
    private static final class ReorderingParent implements ParentLink {
        private record Waiting(long after, List<Change> changes, CompletableFuture<Long> answer) {
        }

        private final Deque<Waiting> waiting = new ArrayDeque<>();
        private final List<Long> applied = new ArrayList<>();
        private long acked;
        private int mostWaiting;
        private int refused;
        private boolean reordered;
        private boolean open = true;

        synchronized long acked() {
            return acked;
        }

        synchronized List<Long> applied() {
            return List.copyOf(applied);
        }

        synchronized int mostWaiting() {
            return mostWaiting;
        }

        synchronized int refused() {
            return refused;
        }

        synchronized void close() {
            open = false;
            notifyAll();
        }

        @Override
        public synchronized CompletableFuture<Long> pushAfter(Outgoing batch, long after, long head) {
            CompletableFuture<Long> answer = new CompletableFuture<>();
            waiting.add(new Waiting(after, batch.changes(), answer));
            mostWaiting = Math.max(mostWaiting, waiting.size());
            notifyAll();
            return answer;
        }

        /** Answers what waits: two at once, or one that has waited a while alone (the last batch). */
        void answerWhileOpen() {
            try {
                while (true) {
                    Waiting next;
                    synchronized (this) {
                        while (open && waiting.size() < 2) {
                            int before = waiting.size();
                            wait(100);
                            if (before == 1 && waiting.size() == 1) {
                                break; // alone for a while: nothing follows it
                            }
                        }
                        if (!open) {
                            return;
                        }
                        if (waiting.isEmpty()) {
                            continue;
                        }
                        if (waiting.size() == 2 && !reordered) {
                            reordered = true;
                            next = waiting.pollLast();
                        } else {
                            next = waiting.pollFirst();
                        }
                    }
                    answer(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private synchronized void answer(Waiting push) {
            if (push.after() > acked) {
                refused++;
                push.answer().completeExceptionally(new OutOfStep("continues from " + push.after() + ", applied "
                        + acked));
                return;
            }
            for (Change change : push.changes()) {
                if (change.seq() > acked) {
                    applied.add(change.seq());
                    acked = change.seq();
                }
            }
            push.answer().complete(acked);
        }

        @Override
        public synchronized Resume resume() {
            return new Resume(acked, List.of());
        }

        @Override
        public void announce(NodeAccess access) {
        }

        @Override
        public long push(List<Change> changes, long head) {
            if (!changes.isEmpty()) {
                throw new AssertionError("changes go with pushAfter, only heartbeats with push");
            }
            return acked();
        }
    }
}
