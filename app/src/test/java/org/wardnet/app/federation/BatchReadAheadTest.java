package org.wardnet.app.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.NodeAccess;
import org.wardnet.core.federation.ParentLink;

class BatchReadAheadTest {

    @Test
    void aBatchReadAheadIsUsedOnlyWhereTheParentSaysTheNextOneStarts() {
        FixedJournal journal = new FixedJournal(10, Change.Kind.CAMERA);
        CountingLink link = new CountingLink();
        try (BatchReadAhead batches = new BatchReadAhead(journal, link, 3)) {
            ParentLink.Outgoing first = batches.batchAfter(0);
            assertEquals(List.of(1L, 2L, 3L), seqs(first));

            batches.readAhead(3);
            ParentLink.Outgoing second = batches.batchAfter(3);
            assertEquals(List.of(4L, 5L, 6L), seqs(second));
            assertEquals(2, link.prepared.get(), "the batch read ahead is not read again");

            batches.readAhead(6);
            ParentLink.Outgoing shortAck = batches.batchAfter(5); // the parent acknowledged less than was sent
            assertEquals(List.of(6L, 7L, 8L), seqs(shortAck));

            batches.readAhead(8);
            batches.discard(); // the link went down: where to go on is asked again
            assertEquals(List.of(9L, 10L), seqs(batches.batchAfter(8)));
            ParentLink.Outgoing end = batches.batchAfter(10);
            assertEquals(List.of(), seqs(end));
            assertSame(end.changes(), end.changes());
        }
    }

    private static List<Long> seqs(ParentLink.Outgoing batch) {
        return batch.changes().stream().map(Change::seq).toList();
    }

    /** Counts the batches made ready; pushing is not this test's business. */
    private static final class CountingLink implements ParentLink {
        final AtomicInteger prepared = new AtomicInteger();

        @Override
        public Outgoing prepare(List<Change> changes) {
            prepared.incrementAndGet();
            return ParentLink.super.prepare(changes);
        }

        @Override
        public Resume resume() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void announce(NodeAccess access) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long push(List<Change> changes, long head) {
            throw new UnsupportedOperationException();
        }
    }
}
