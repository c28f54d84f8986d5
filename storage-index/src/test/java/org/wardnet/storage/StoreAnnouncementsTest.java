package org.wardnet.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * One server's announcements on PostgreSQL: what another server's session announces is heard
 * without its writer's name, what this server's own pool announces is dropped, an announcement
 * without a writer's name is heard whole; on H2 nothing is active.
 */
class StoreAnnouncementsTest extends StoreTestCase {

    private final LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @StoreTest
    void othersAreHeardAndOwnAreDropped() throws Exception {
        try (Database mine = store.open(); Database theirs = store.open()) {
            StoreAnnouncements announcements = StoreAnnouncements.of(mine.dataSource());
            assertEquals(store.postgres(), announcements.active(), "PostgreSQL announces, H2 does not");
            assumeTrue(store.postgres());
            announcements.listen("wardnet_test", heard::add, () -> heard.add("unheard"));
            try (StoreAnnouncements hearing = announcements.start()) {
                assertEquals("unheard", heard.poll(10, TimeUnit.SECONDS), "said once its LISTEN is in place");
                announce(mine, "current_setting('application_name') || E'\\n' || 'mine'");
                announce(theirs, "current_setting('application_name') || E'\\n' || 'theirs'");
                announce(theirs, "'unnamed'");
                assertEquals("theirs", heard.poll(10, TimeUnit.SECONDS), "another server's, without its name");
                assertEquals("unnamed", heard.poll(10, TimeUnit.SECONDS), "one without a writer's name, whole");
                assertFalse(heard.contains("mine"), "this server's own announcement is dropped");
            }
        }
    }

    private static void announce(Database database, String payload) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_notify('wardnet_test', " + payload + ")");
        }
    }
}
