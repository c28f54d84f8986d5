package org.wardnet.storage.childsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
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
 * drop it at {@code end}. Nor does a clip row deleted while its page is being read come back after
 * its deletion. Writes are held between their journal numbers and their commits, and the page read
 * at a chosen moment, by a gate on the store's connections, on a real H2 file and a real PostgreSQL.
 */
class JdbcSnapshotsTest extends StoreTestCase {

    @StoreTest
    void aWriteStillCommittingWhenTheResendBeginsIsInIt() throws Exception {
        try (Database db = Database.open(config())) {
            Child child = Child.of(db);
            CommitGate gate = child.gate();
            JdbcSyncJournal journal = child.journal();
            Registry registry = child.registry();
            JdbcSnapshots snapshots = child.snapshots();

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

    @StoreTest
    void aClipRowDeletedWhileItsPageIsReadDoesNotComeBack() throws Exception {
        try (Database db = Database.open(config())) {
            Child child = Child.of(db);
            CommitGate gate = child.gate();
            JdbcSyncJournal journal = child.journal();
            JdbcClipIndex clips = child.clips();
            Instant hour = Instant.parse("2026-12-01T10:00:00Z");
            List<Long> ids = clips.add(List.of(clip(hour), clip(hour.plusSeconds(3600))));
            long parentHas = journal.watermark();
            JdbcSnapshots snapshots = child.snapshots();

            gate.holdPages(); // the re-send stops before it reads its first page of clip rows
            CompletableFuture<Long> resend = CompletableFuture.supplyAsync(() -> snapshots.journalAll(parentHas));
            assertTrue(gate.pageHeld.await(30, TimeUnit.SECONDS), "the re-send reached the clip rows");
            gate.arm(); // retention deletes the first row, numbered now, and is held at its commit
            CompletableFuture<Void> deletion = CompletableFuture.runAsync(() -> clips.delete(List.of(ids.get(0))));
            assertTrue(gate.held.await(30, TimeUnit.SECONDS), "the deletion reached its commit");
            gate.pagesGo.countDown(); // the page is read while the deletion is not yet committed
            assertTrue(gate.pageRead.await(30, TimeUnit.SECONDS), "the page was read");
            gate.release.countDown();
            deletion.get(30, TimeUnit.SECONDS);
            resend.get(30, TimeUnit.SECONDS);

            List<String> clipChanges = journal.after(parentHas, 1000).stream()
                    .filter(c -> c.kind() == Change.Kind.CLIP).map(c -> c.op() + " " + c.key()).toList();
            assertEquals(List.of("DELETE " + ids.get(0), "PUT " + ids.get(1)), clipChanges,
                    "the deleted row is not put back after its deletion");
            assertEquals(List.of(ids.get(1)), clips.page(0, 10).stream().map(Clip::id).toList());
        }
    }

    private static Clip clip(Instant start) {
        return new Clip(0, "c1", start, start.plusSeconds(3600), "http://127.3.0.1/record/c1.mp4", null, "H264", 1920,
                1080, null, null, ClipOrigin.INGESTED);
    }

    /** A child node's stores behind one gate, with sites C, S1, R1 and camera c1 registered. */
    private record Child(CommitGate gate, JdbcSyncJournal journal, Registry registry, JdbcClipIndex clips,
            JdbcSnapshots snapshots) {
        static Child of(Database db) {
            CommitGate gate = new CommitGate();
            DataSource gated = gate.around(db.dataSource());
            JdbcSyncJournal journal = new JdbcSyncJournal(gated, Clock.systemUTC());
            JdbcRegistryStore rows = new JdbcRegistryStore(gated, new SecretBox(SecretKeys.newKey(), List.of()));
            Registry registry = Registry.open(rows.journaled(journal, new IdEncoder()), Clock.systemUTC());
            registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
            registry.createSite(new SiteDraft("S1", "Sub 1", "SUBSTATION", "C", null, null));
            registry.createSite(new SiteDraft("R1", "Room 1", "ROOM", "S1", "HOSPITAL", null));
            registry.createCamera(camera("c1"));
            JdbcClipIndex clips = new JdbcClipIndex(gated).journaled(journal, new IdEncoder());
            return new Child(gate, journal, registry, clips, new JdbcSnapshots(journal, new IdEncoder(), rows::committed,
                    new JdbcHealthHistory(gated), clips));
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

    /**
     * Holds the first commit after {@link #arm} until {@link #release} opens; and, once
     * {@link #holdPages} is called, the next read of a page of clip rows before it runs (until
     * {@link #pagesGo} opens), saying when it has run ({@link #pageRead}).
     */
    private static final class CommitGate {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch pageHeld = new CountDownLatch(1);
        final CountDownLatch pagesGo = new CountDownLatch(1);
        final CountDownLatch pageRead = new CountDownLatch(1);
        private final AtomicBoolean armed = new AtomicBoolean();
        private final AtomicBoolean pagesArmed = new AtomicBoolean();

        void arm() {
            armed.set(true);
        }

        void holdPages() {
            pagesArmed.set(true);
        }

        DataSource around(DataSource real) {
            return proxy(DataSource.class, real, (method, args) -> {
                Object result = invoke(real, method, args);
                return result instanceof Connection connection ? gated(connection) : result;
            });
        }

        private Connection gated(Connection real) {
            return proxy(Connection.class, real, (method, args) -> {
                if (method.getName().equals("commit") && armed.compareAndSet(true, false)) {
                    held.countDown();
                    await(release);
                }
                Object result = invoke(real, method, args);
                boolean pageQuery = method.getName().equals("prepareStatement") && args[0] instanceof String sql
                        && sql.contains("FROM clip WHERE id > ? ORDER BY id FETCH FIRST");
                return pageQuery ? paged((PreparedStatement) result) : result;
            });
        }

        private PreparedStatement paged(PreparedStatement real) {
            return proxy(PreparedStatement.class, real, (method, args) -> {
                boolean gated = method.getName().equals("executeQuery") && pagesArmed.compareAndSet(true, false);
                if (gated) {
                    pageHeld.countDown();
                    await(pagesGo);
                }
                Object result = invoke(real, method, args);
                if (gated) {
                    pageRead.countDown();
                }
                return result;
            });
        }

        private interface Call {
            Object on(Method method, Object[] args) throws Throwable;
        }

        private static <T> T proxy(Class<T> type, T real, Call call) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> call.on(method, args)));
        }

        private static void await(CountDownLatch latch) throws InterruptedException {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gate was never opened");
            }
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
