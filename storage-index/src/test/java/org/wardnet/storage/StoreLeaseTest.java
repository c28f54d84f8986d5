package org.wardnet.storage;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * One server writes a store: a second is refused while the first's lease runs, and gets it once
 * the first gives it up, once it has run out, or at once when the first was a process of this
 * host that has died.
 */
class StoreLeaseTest extends StoreTestCase {

    private static final String HOST = "host-a";

    @StoreTest
    void aSecondServerIsRefusedUntilTheFirstGivesTheLeaseUp() {
        try (Database db = Database.open(config())) {
            StoreLease first = StoreLease.acquire(db.dataSource(), StoreLease.thisProcess(), Clock.systemUTC());
            StoreOpenException refused = assertThrows(StoreOpenException.class,
                    () -> StoreLease.acquire(db.dataSource(), StoreLease.thisProcess(), Clock.systemUTC()));
            assertTrue(refused.getMessage().contains(first.holder()), refused.getMessage());
            assertTrue(refused.getMessage().contains("one server writes a store"), refused.getMessage());
            first.close();
            StoreLease.acquire(db.dataSource(), StoreLease.thisProcess(), Clock.systemUTC()).close();
        }
    }

    @StoreTest
    void aLeaseThatRanOutIsTakenOver() throws Exception {
        try (Database db = Database.open(config())) {
            write(db, "other-host/1234/abcd", Clock.systemUTC().millis() - 1);
            StoreLease.acquire(db.dataSource(), HOST + "/1/feed", Clock.systemUTC()).close();
            write(db, "other-host/1234/abcd", Clock.systemUTC().millis() + 60_000);
            Clock later = Clock.fixed(Instant.now().plusSeconds(120), ZoneOffset.UTC);
            StoreLease.acquire(db.dataSource(), HOST + "/1/feed", later).close();
        }
    }

    @StoreTest
    void aDeadProcessOfThisHostLosesItAtOnceALiveOneDoesNot() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        String host = StoreLease.thisProcess().split("/")[0];
        try (Database db = Database.open(config())) {
            write(db, host + "/" + ended.pid() + "/dead", Clock.systemUTC().millis() + 60_000);
            StoreLease.acquire(db.dataSource(), StoreLease.thisProcess(), Clock.systemUTC()).close();
            write(db, host + "/" + ProcessHandle.current().pid() + "/live", Clock.systemUTC().millis() + 60_000);
            assertThrows(StoreOpenException.class,
                    () -> StoreLease.acquire(db.dataSource(), StoreLease.thisProcess(), Clock.systemUTC()));
            write(db, "elsewhere/" + ended.pid() + "/dead", Clock.systemUTC().millis() + 60_000);
            assertThrows(StoreOpenException.class,
                    () -> StoreLease.acquire(db.dataSource(), StoreLease.thisProcess(), Clock.systemUTC()),
                    "a process id of another host says nothing here");
        }
    }

    /** Puts a lease of {@code holder} running until {@code expiresMs}, as another server would have. */
    private static void write(Database db, String holder, long expiresMs) throws Exception {
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM store_lease");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO store_lease (name, holder, expires_ms) VALUES ('writer', ?, ?)")) {
            delete.executeUpdate();
            insert.setString(1, holder);
            insert.setLong(2, expiresMs);
            insert.executeUpdate();
        }
    }
}
