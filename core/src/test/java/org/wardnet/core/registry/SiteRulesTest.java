package org.wardnet.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.core.registry.RegistryTestData.camera;
import static org.wardnet.core.registry.RegistryTestData.center;
import static org.wardnet.core.registry.RegistryTestData.room;
import static org.wardnet.core.registry.RegistryTestData.small;
import static org.wardnet.core.registry.RegistryTestData.substation;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.errors.StoreUnavailableException;

class SiteRulesTest {

    private final RecordingStore store = new RecordingStore();
    private final Registry registry = small(store);

    private static DomainException refused(DomainException.Kind kind, Runnable action) {
        DomainException e = assertThrows(DomainException.class, action::run);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void secondCenterIsAConflict() {
        DomainException e = refused(DomainException.Kind.CONFLICT, () -> registry.createSite(center("C2")));
        assertTrue(e.getMessage().contains("already has a CENTER ('C')"), e.getMessage());
    }

    @Test
    void parentMustBeOfTheTierAbove() {
        DomainException e = refused(DomainException.Kind.INVALID, () -> registry.createSite(room("R9", "C")));
        assertEquals("parentId", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("'C' is a CENTER; a ROOM hangs under a SUBSTATION"), e.getMessage());
    }

    @Test
    void missingParentIsRefused() {
        DomainException e = refused(DomainException.Kind.INVALID,
                () -> registry.createSite(substation("S9", "nowhere")));
        assertTrue(e.getMessage().contains("no site 'nowhere'"), e.getMessage());
    }

    @Test
    void orphanSubstationIsRefused() {
        DomainException e = refused(DomainException.Kind.INVALID,
                () -> registry.createSite(new SiteDraft("S9", "x", "SUBSTATION", null, null, null)));
        assertEquals("parentId", e.errors().get(0).field());
    }

    @Test
    void roomNeedsAKindAndOthersMustNotHaveOne() {
        DomainException e = refused(DomainException.Kind.INVALID,
                () -> registry.createSite(new SiteDraft("R9", "x", "ROOM", "S1", null, null)));
        assertEquals("kind", e.errors().get(0).field());
        e = refused(DomainException.Kind.INVALID,
                () -> registry.createSite(new SiteDraft("S9", "x", "SUBSTATION", "C", "BANK", null)));
        assertEquals("kind", e.errors().get(0).field());
    }

    @Test
    void movingASiteUnderItsOwnDescendantIsACycle() {
        DomainException e = refused(DomainException.Kind.CONFLICT,
                () -> registry.replaceSite("S1", substation("S1", "R1")));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        e = refused(DomainException.Kind.CONFLICT, () -> registry.replaceSite("S1", substation("S1", "S1")));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void duplicateIdIsAConflict() {
        refused(DomainException.Kind.CONFLICT, () -> registry.createSite(room("R1", "S2")));
        registry.createCamera(camera("cam1", "R1"));
        refused(DomainException.Kind.CONFLICT, () -> registry.createCamera(camera("cam1", "R2")));
    }

    @Test
    void tierCannotChangeUnderChildren() {
        DomainException e = refused(DomainException.Kind.CONFLICT,
                () -> registry.replaceSite("S1", room("S1", "S2")));
        assertTrue(e.getMessage().contains("cannot change from SUBSTATION to ROOM"), e.getMessage());
    }

    @Test
    void deletingASiteWithChildrenOrCamerasNeedsCascade() {
        registry.createCamera(camera("cam1", "R1"));
        DomainException e = refused(DomainException.Kind.CONFLICT, () -> registry.deleteSite("S1", false));
        assertTrue(e.getMessage().contains("1 child site(s) and 0 camera(s)"), e.getMessage());
        refused(DomainException.Kind.CONFLICT, () -> registry.deleteSite("R1", false));

        store.applied.clear();
        Registry.DeleteCount count = registry.deleteSite("S1", true);
        assertEquals(new Registry.DeleteCount(2, 1), count);
        assertInstanceOf(RegistryChange.DeleteCamera.class, store.applied.get(0), "cameras go before their site");
        assertEquals(new RegistryChange.DeleteSite("R1"), store.applied.get(1), "children go before parents");
        assertEquals(new RegistryChange.DeleteSite("S1"), store.applied.get(2));
        assertFalse(registry.site("R1").isPresent());
        assertFalse(registry.camera("cam1").isPresent());
    }

    @Test
    void movingARoomTakesItsCamerasAlong() {
        registry.createCamera(camera("cam1", "R1"));
        registry.replaceSite("R1", room("R1", "S2"));
        List<Camera> underS2 = registry.queries().cameras(new ListQuery(null, 10, "S2", null)).items();
        assertEquals(List.of("cam1"), underS2.stream().map(Camera::id).toList());
        assertTrue(registry.queries().cameras(new ListQuery(null, 10, "S1", null)).items().isEmpty());
    }

    @Test
    void failedStoreWriteLeavesNoTrace() {
        store.failNext = true;
        assertThrows(StoreUnavailableException.class, () -> registry.createCamera(camera("cam1", "R1")));
        assertFalse(registry.camera("cam1").isPresent());
        store.failNext = true;
        assertThrows(StoreUnavailableException.class, () -> registry.replaceSite("R1", room("R1", "S2")));
        assertEquals("S1", registry.site("R1").orElseThrow().parentId());
    }

    @Test
    void unchangedReplaceWritesNothing() {
        store.applied.clear();
        Site before = registry.site("R1").orElseThrow();
        Site after = registry.replaceSite("R1", room("R1", "S1"));
        assertEquals(before, after);
        assertTrue(store.applied.isEmpty());
    }

    @Test
    void bodyIdMustMatchPath() {
        DomainException e = refused(DomainException.Kind.INVALID, () -> registry.replaceSite("R1", room("R7", "S1")));
        assertEquals("id", e.errors().get(0).field());
    }
}
