package org.wardnet.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The watermark never passes a number whose transaction is still open, whatever order they finish in. */
class JournalSequenceTest {

    @Test
    void anOpenNumberHoldsBackTheOnesAfterIt() {
        JournalSequence sequence = new JournalSequence(10);
        long first = sequence.allocate();
        long second = sequence.allocate();
        assertEquals(11, first);
        assertEquals(12, second);
        assertEquals(10, sequence.watermark());
        sequence.done(second);
        assertEquals(10, sequence.watermark(), "12 committed first: not readable while 11 is open");
        sequence.done(first);
        assertEquals(12, sequence.watermark());
        assertThrows(IllegalStateException.class, () -> sequence.done(first), "done twice");
        assertThrows(IllegalArgumentException.class, () -> new JournalSequence(-1));
    }

    @Test
    void awaitingTheNumbersBelowOneWaitsForThoseOnly() throws Exception {
        JournalSequence sequence = new JournalSequence(0);
        long first = sequence.allocate();
        long second = sequence.allocate();
        assertTrue(sequence.awaitDoneBelow(first, 0), "nothing is open below 1");
        assertFalse(sequence.awaitDoneBelow(second, 50), "1 is open");
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return sequence.awaitDoneBelow(second + 1, 60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();
        sequence.done(first);
        assertFalse(waiter.isDone() && waiter.get(), "2 is still open");
        sequence.done(second);
        assertTrue(waiter.get(60, TimeUnit.SECONDS), "woken when the last number below 3 is done");
    }

    @Test
    void concurrentTransactionsFinishingInAnyOrder() throws Exception {
        JournalSequence sequence = new JournalSequence(0);
        ConcurrentSkipListSet<Long> open = new ConcurrentSkipListSet<>();
        AtomicReference<String> wrong = new AtomicReference<>();
        int threads = 4;
        int each = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch writers = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int seed = t;
            pool.execute(() -> {
                Random random = new Random(seed);
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    long seq = sequence.allocate();
                    open.add(seq);
                    mine.add(seq);
                    if (mine.size() > 3 || random.nextBoolean()) {
                        Collections.shuffle(mine, random);
                        long finished = mine.remove(0);
                        open.remove(finished);
                        sequence.done(finished);
                    }
                }
                for (long seq : mine) {
                    open.remove(seq);
                    sequence.done(seq);
                }
                writers.countDown();
            });
        }
        pool.execute(() -> {
            while (writers.getCount() > 0) {
                // read the open set first: anything open then and still open must be above the mark
                Long lowest = open.isEmpty() ? null : open.first();
                long mark = sequence.watermark();
                if (lowest != null && open.contains(lowest) && mark >= lowest) {
                    wrong.compareAndSet(null, "watermark " + mark + " passed open " + lowest);
                }
            }
        });
        assertTrue(writers.await(60, TimeUnit.SECONDS));
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(null, wrong.get());
        assertEquals((long) threads * each, sequence.watermark(), "all done: everything readable");
    }
}
