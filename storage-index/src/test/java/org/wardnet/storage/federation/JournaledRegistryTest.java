package org.wardnet.storage.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.RecordEncoder;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;
import org.wardnet.storage.registry.JdbcRegistryStore;
import org.wardnet.storage.secrets.SecretBox;
import org.wardnet.storage.secrets.SecretKeys;

/**
 * A child node's registry writes its changes to the sync journal with the changes themselves: one
 * entry per site or camera put or deleted, in the order the registry applied them (parents before
 * children, children gone before parents), and none for a write the registry refused.
 */
class JournaledRegistryTest extends StoreTestCase {

    private static final RecordEncoder IDS = new IdEncoder();

    @StoreTest
    void everyChangeIsJournaledInTheOrderApplied() {
        try (Database db = Database.open(config())) {
            JdbcSyncJournal journal = new JdbcSyncJournal(db.dataSource(), Clock.systemUTC());
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(),
                    new SecretBox(SecretKeys.newKey(), List.of())).journaled(journal, IDS), Clock.systemUTC());
            registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
            registry.createSite(new SiteDraft("S1", "Sub 1", "SUBSTATION", "C", null, null));
            registry.createSite(new SiteDraft("R1", "Room 1", "ROOM", "S1", "HOSPITAL", null));
            registry.createCamera(new CameraDraft("c1", "R1", "Gate", new CameraDraft.Location(29.87, 121.55), null, null,
                    null, null, null, new CameraDraft.Rtsp("rtsp://127.1.0.1/", null, "op", "secret")));
            assertThrows(DomainException.class, () -> registry.createCamera(new CameraDraft("c2", "nowhere", "X",
                    new CameraDraft.Location(0.0, 0.0), null, null, null, null, null,
                    new CameraDraft.Rtsp("rtsp://127.1.0.2/", null, null, null))));
            registry.deleteSite("S1", true);

            List<Change> changes = journal.after(0, 100);
            assertEquals(List.of("PUT SITE C", "PUT SITE S1", "PUT SITE R1", "PUT CAMERA c1", "DELETE CAMERA c1", "DELETE SITE R1",
                    "DELETE SITE S1"), changes.stream().map(c -> c.op() + " " + c.kind() + " " + c.key()).toList());
            assertEquals("camera c1 in R1", changes.get(3).payload());
            assertTrue(changes.stream().allMatch(c -> c.payload() == null || !c.payload().contains("secret")));
        }
    }
}
