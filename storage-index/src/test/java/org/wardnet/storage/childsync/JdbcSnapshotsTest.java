package org.wardnet.storage.childsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.wardnet.core.federation.Change;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.storage.Database;
import org.wardnet.storage.clips.JdbcClipIndex;
import org.wardnet.storage.federation.IdEncoder;
import org.wardnet.storage.federation.JdbcSyncJournal;
import org.wardnet.storage.health.JdbcHealthHistory;
import org.wardnet.storage.registry.JdbcRegistryStore;
import org.wardnet.storage.secrets.SecretBox;
import org.wardnet.storage.secrets.SecretKeys;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * A re-send (the parent has applied numbers this node's journal does not hold) carries every write
 * numbered at or below what the parent has, even one still committing when the re-send begins: such
 * a write is never sent itself, so if the snapshot missed it the parent would lose the camera, and
 * drop it at {@code end}. The registration is held between its journal number and its commit by a
 * gate on the store's connections, on a real H2 file and a real PostgreSQL.
 */
class JdbcSnapshotsTest extends StoreTestCase {

    @StoreTest
    void aWriteStillCommittingWhenTheResendBeginsIsInIt() throws Exception {
        try (Database db = Database.open(config())) {
            CommitGate gate = new CommitGate();
            DataSource gated = gate.around(db.dataSource());
            JdbcSyncJournal journal = new JdbcSyncJournal(gated, Clock.systemUTC());
            JdbcRegistryStore rows = new JdbcRegistryStore(gated, new SecretBox(SecretKeys.newKey(), List.of()));
            Registry registry = Registry.open(rows.journaled(journal, new IdEncoder()), Clock.systemUTC());
            registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
            registry.createSite(new SiteDraft("S1", "Sub 1", "SUBSTATION", "C", null, null));
            registry.createSite(new SiteDraft("R1", "Room 1", "ROOM", "S1", "HOSPITAL", null));
            registry.createCamera(camera("c1"));
            JdbcSnapshots snapshots = new JdbcSnapshots(journal, new IdEncoder(), rows::committed,
                    new JdbcHealthHistory(gated), new JdbcClipIndex(gated));

            gate.arm();
            CompletableFuture<Void> registration = CompletableFuture.runAsync(() -> registry.createCamera(camera("c4")));
            assertTrue(gate.held.await(30, TimeUnit.SECONDS), "the registration reached its commit");
            long parentHas = journal.watermark() + 1; // c4's number: the parent applied one from another past
            CompletableFuture<Long> resend = CompletableFuture.supplyAsync(() -> snapshots.journalAll(parentHas));
            Thread.sleep(300);
            assertFalse(resend.isDone(), "the re-send waits for the write numbered below its begin");
            gate.release.countDown();
            registration.get(30, TimeUnit.SECONDS);
            resend.get(30, TimeUnit.SECONDS);

            List<Change> sent = journal.after(parentHas, 1000);
            List<String> lines = sent.stream().map(c -> c.op() + " " + c.kind() + " " + c.key()).toList();
            assertEquals(List.of("PUT SNAPSHOT begin", "PUT CAMERA c1", "PUT CAMERA c4", "PUT SITE C", "PUT SITE R1",
                    "PUT SITE S1", "PUT SNAPSHOT end"), sorted(lines), "what the parent receives after " + parentHas);
            String end = sent.get(sent.size() - 1).payload();
            assertEquals("{\"begin\":" + sent.get(0).seq() + ",\"sites\":[\"C\",\"R1\",\"S1\"],\"cameras\":[\"c1\",\"c4\"]}",
                    sortedIds(end));
        }
    }

    private static CameraDraft camera(String id) {
        return new CameraDraft(id, "R1", "Gate " + id, new CameraDraft.Location(29.87, 121.55), null, null, null, null,
                null, new CameraDraft.Rtsp("rtsp://127.1.0.1/" + id, null, null, null));
    }

    /** begin first, end last, the records between sorted (the tables' order is the store's own). */
    private static List<String> sorted(List<String> lines) {
        List<String> middle = lines.subList(1, lines.size() - 1).stream().sorted().toList();
        return java.util.stream.Stream.of(List.of(lines.get(0)), middle, List.of(lines.get(lines.size() - 1)))
                .flatMap(List::stream).toList();
    }

    /** The end's id lists with their ids sorted. */
    private static String sortedIds(String end) {
        StringBuilder out = new StringBuilder();
        for (String part : end.split("\\[")) {
            int close = part.indexOf(']');
            if (out.length() == 0 || close < 0) {
                out.append(part);
                continue;
            }
            List<String> ids = close == 0 ? List.of() : List.of(part.substring(0, close).split(","));
            out.append('[').append(String.join(",", ids.stream().sorted().toList())).append(part.substring(close));
        }
        return out.toString();
    }

    /** Holds the first commit after {@link #arm} until {@link #release} opens. */
    private static final class CommitGate {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean armed = new AtomicBoolean();

        void arm() {
            armed.set(true);
        }

        DataSource around(DataSource real) {
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(real, method, args);
                        return result instanceof Connection connection ? gated(connection) : result;
                    });
        }

        private Connection gated(Connection real) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("commit") && armed.compareAndSet(true, false)) {
                            held.countDown();
                            if (!release.await(60, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the gate was never released");
                            }
                        }
                        return invoke(real, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
