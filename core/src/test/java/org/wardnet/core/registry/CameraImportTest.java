package org.wardnet.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.core.registry.RegistryTestData.camera;
import static org.wardnet.core.registry.RegistryTestData.small;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardnet.core.errors.FieldError;

class CameraImportTest {

    private final RecordingStore store = new RecordingStore();
    private final Registry registry = small(store);

    private static CameraImport.Row row(int n, CameraDraft draft) {
        return new CameraImport.Row(n, draft, List.of());
    }

    private List<CameraImport.Row> batch() {
        return List.of(row(1, camera("a", "R1")), row(2, camera("b", "R2")),
                new CameraImport.Row(3, null, List.of(new FieldError("lat", "not a number: 'x'"))),
                row(4, camera("c", "missing-site")), row(5, camera("a", "R2")), row(6, camera("d", "S1")));
    }

    @Test
    void validRowsAreRegisteredAndEachFailureSaysWhy() {
        CameraImport.Outcome outcome = registry.importCameras(batch(), false);
        assertEquals(6, outcome.total());
        assertEquals(3, outcome.created());
        assertEquals(3, outcome.failed());
        assertTrue(outcome.applied());
        assertEquals(CameraImport.Status.FAILED, outcome.results().get(2).status());
        assertEquals("lat", outcome.results().get(2).errors().get(0).field());
        assertEquals("siteId", outcome.results().get(3).errors().get(0).field());
        assertTrue(outcome.results().get(4).errors().get(0).reason().contains("row 1"));
        assertTrue(registry.camera("a").isPresent());
        assertEquals("R1", registry.camera("a").orElseThrow().siteId(), "the first of repeated rows wins");
        assertTrue(registry.camera("d").isPresent());
    }

    @Test
    void atomicImportWithAFailureWritesNothing() {
        CameraImport.Outcome outcome = registry.importCameras(batch(), true);
        assertFalse(outcome.applied());
        assertTrue(store.applied.stream().noneMatch(c -> c instanceof RegistryChange.PutCamera));
        assertFalse(registry.camera("a").isPresent());
    }

    @Test
    void reimportingIsIdempotentAndChangesAreUpdates() {
        List<CameraImport.Row> rows = List.of(row(1, camera("a", "R1")), row(2, camera("b", "R2")));
        registry.importCameras(rows, true);
        int writes = store.applied.size();
        CameraImport.Outcome again = registry.importCameras(rows, true);
        assertEquals(2, again.unchanged());
        assertEquals(writes, store.applied.size(), "an unchanged re-import writes nothing");
        CameraImport.Outcome moved = registry.importCameras(List.of(row(1, camera("a", "R2"))), true);
        assertEquals(1, moved.updated());
        assertEquals("R2", registry.camera("a").orElseThrow().siteId());
    }
}
