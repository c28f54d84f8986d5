package org.wardnet.storage.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * Two servers' audit stores (two connection pools) on one database, appending at the same time:
 * the trail stays one chain, every entry linked to the one before it, none lost, none twice.
 */
class SharedAuditChainTest extends StoreTestCase {

    private static final Instant AT = Instant.parse("2026-12-04T18:00:00Z");
    private static final int WRITERS_PER_SERVER = 2;
    private static final int BATCHES = 40;
    private static final int BATCH = 3;

    @StoreTest
    void twoServersAppendingAtOnceKeepOneChain() throws Exception {
        try (Database one = store.open(); Database other = store.open()) {
            List<JdbcAuditStore> servers = List.of(new JdbcAuditStore(one.dataSource()),
                    new JdbcAuditStore(other.dataSource()));
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS_PER_SERVER * servers.size());
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int s = 0; s < servers.size(); s++) {
                    for (int w = 0; w < WRITERS_PER_SERVER; w++) {
                        JdbcAuditStore audit = servers.get(s);
                        String actor = "server" + s + "-writer" + w;
                        done.add(writers.submit(() -> {
                            for (int b = 0; b < BATCHES; b++) {
                                List<AuditEntry.Draft> drafts = new ArrayList<>();
                                for (int i = 0; i < BATCH; i++) {
                                    drafts.add(new AuditEntry.Draft(AT, actor, "*", "127.0.0.1", "GET",
                                            "/api/v1/clips/" + b + "-" + i, 200));
                                }
                                audit.append(drafts);
                            }
                        }));
                    }
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
            } finally {
                writers.shutdownNow();
            }

            int expected = servers.size() * WRITERS_PER_SERVER * BATCHES * BATCH;
            List<AuditEntry> trail = servers.get(0).read(0, expected + 10);
            assertEquals(expected, trail.size(), "every appended entry is in the trail once");
            for (int i = 0; i < trail.size(); i++) {
                assertEquals(i + 1, trail.get(i).seq(), "sequence numbers run without a gap or a repeat");
            }
            assertTrue(AuditChain.firstBreak(trail.iterator()).isEmpty(),
                    () -> "the chain breaks at " + AuditChain.firstBreak(trail.iterator()).orElseThrow());
            AuditStore.Head tail = new AuditStore.Head(expected, trail.get(trail.size() - 1).hash());
            assertEquals(tail, servers.get(0).head(), "each server reads the same end of the chain");
            assertEquals(tail, servers.get(1).head(), "each server reads the same end of the chain");
        }
    }
}
