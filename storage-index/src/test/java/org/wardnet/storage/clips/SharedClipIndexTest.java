package org.wardnet.storage.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.storage.Database;
import org.wardnet.storage.StoreAnnouncements;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * A clip index that two servers write at once (two connection pools on one database), into the
 * same hours: no id is handed out twice, no slice is taken by both, and on PostgreSQL, where
 * several servers may share a store, each finds the clips the other indexed (it hears the slices
 * the other opens). After a restart, a reopened index numbers above everything stored before.
 */
class SharedClipIndexTest extends StoreTestCase {

    private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");

    @StoreTest
    void twoServersWritingAtOnceShareNeitherIdsNorSlices() throws Exception {
        try (Database one = store.open(); Database other = store.open()) {
            List<JdbcClipIndex> servers = List.of(new JdbcClipIndex(one.dataSource()),
                    new JdbcClipIndex(other.dataSource()));
            List<StoreAnnouncements> hearing = List.of(StoreAnnouncements.of(one.dataSource()),
                    StoreAnnouncements.of(other.dataSource()));
            for (int s = 0; s < servers.size(); s++) {
                assertEquals(store.postgres(), hearing.get(s).active(), "PostgreSQL announces, H2 does not");
                servers.get(s).hearOtherServers(hearing.get(s));
                hearing.get(s).start();
            }
            ExecutorService writers = Executors.newFixedThreadPool(servers.size());
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int s = 0; s < servers.size(); s++) {
                JdbcClipIndex index = servers.get(s);
                String camera = "cam-" + s;
                results.add(writers.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int batch = 0; batch < 20; batch++) {
                        ids.addAll(index.add(clips(camera, batch * 50, 50)));
                    }
                    return ids;
                }));
            }
            Set<Long> all = new HashSet<>();
            int handed = 0;
            for (Future<List<Long>> result : results) {
                List<Long> ids = result.get();
                handed += ids.size();
                all.addAll(ids);
            }
            writers.shutdown();
            assertEquals(2_000, handed);
            assertEquals(handed, all.size(), "no id was handed to two clips");
            for (int s = 0; s < servers.size(); s++) {
                assertEquals(1_000, servers.get(s).overlapping("cam-" + s, T0, T0.plusSeconds(1_000 * 60), null,
                        2_000).size(), "each server finds its own clips");
            }
            if (store.postgres()) {
                for (int s = 0; s < servers.size(); s++) {
                    String theOthers = "cam-" + (1 - s);
                    JdbcClipIndex index = servers.get(s);
                    assertEquals(1_000, awaitCount(() -> index.overlapping(theOthers, T0, T0.plusSeconds(1_000 * 60),
                            null, 2_000).size(), 1_000), "server " + s + " finds the clips the other indexed");
                }
            }
            hearing.forEach(StoreAnnouncements::close);
        }
        try (Database reopened = store.open()) {
            long fresh = new JdbcClipIndex(reopened.dataSource()).add(clips("cam-0", 5_000, 1)).get(0);
            try (Database check = store.open();
                    var connection = check.dataSource().getConnection();
                    var statement = connection.createStatement();
                    var max = statement.executeQuery("SELECT MAX(id) FROM clip WHERE id <> " + fresh)) {
                max.next();
                assertEquals(true, fresh > max.getLong(1), "a restarted server numbers above every stored id");
            }
        }
    }

    /** What {@code count} answers once it reaches {@code expected}, or after 10 s, whichever is first. */
    private static int awaitCount(java.util.function.IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int seen = count.getAsInt();
        while (seen != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = count.getAsInt();
        }
        return seen;
    }

    private static List<Clip> clips(String camera, int firstMinute, int count) {
        List<Clip> clips = new ArrayList<>();
        for (int m = firstMinute; m < firstMinute + count; m++) {
            Instant start = T0.plusSeconds(m * 60L);
            clips.add(new Clip(0, camera, start, start.plusSeconds(60), "/rec/" + camera + "/" + m + ".mp4", 1_000L,
                    "H264", 640, 360, 1, null, ClipOrigin.RECORDED));
        }
        return clips;
    }
}
