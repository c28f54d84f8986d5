package org.wardnet.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wardnet.core.registry.RegistryTestData.camera;
import static org.wardnet.core.registry.RegistryTestData.small;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.errors.FieldError;

class CameraRulesTest {

    private final RecordingStore store = new RecordingStore();
    private final Registry registry = small(store);

    private static List<String> fieldsOf(CameraDraft draft) {
        return draft.validate(null, Instant.now()).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        CameraDraft bad = new CameraDraft("bad id!", "R1", "", new CameraDraft.Location(91.0, -181.0), 360.0, null,
                null, null, new CameraDraft.Onvif("ftp://x/", null, null),
                new CameraDraft.Rtsp("rtsp://user:pw@127.0.0.1/", "not a url", null, null));
        assertEquals(List.of("id", "name", "location.lat", "location.lon", "heading", "onvif.url", "rtsp.url",
                "rtsp.subUrl"), fieldsOf(bad));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        CameraDraft empty = new CameraDraft(null, null, null, null, null, null, null, null, null, null);
        assertEquals(List.of("id", "siteId", "name", "location", ""), fieldsOf(empty));
        CameraDraft noLon = new CameraDraft("c", "R1", "n", new CameraDraft.Location(1.0, null), null, null, null,
                null, null, new CameraDraft.Rtsp("rtsp://h/", null, null, null));
        assertEquals(List.of("location.lon"), fieldsOf(noLon));
    }

    @Test
    void cameraNeedsAnExistingSite() {
        DomainException e = assertThrows(DomainException.class, () -> registry.createCamera(camera("c1", "nope")));
        assertEquals("siteId", e.errors().get(0).field());
    }

    @Test
    void cameraMayBelongToAnyTier() {
        registry.createCamera(camera("c1", "C"));
        registry.createCamera(camera("c2", "S1"));
        registry.createCamera(camera("c3", "R1"));
        assertEquals(3, registry.queries().cameras(new ListQuery(null, 10, "C", null)).items().size());
        assertEquals(1L, registry.camerasPerTier().get(Tier.CENTER));
    }

    @Test
    void omittedPasswordIsKeptAndEmptyClearsIt() {
        registry.createCamera(camera("c1", "R1"));
        CameraDraft withoutPasswords = new CameraDraft("c1", "R1", "renamed", new CameraDraft.Location(29.0, 121.0),
                null, null, null, null, new CameraDraft.Onvif("http://127.0.0.1/onvif", "admin", null),
                new CameraDraft.Rtsp("rtsp://127.0.0.1/main", null, "admin", ""));
        Camera updated = registry.replaceCamera("c1", withoutPasswords);
        assertEquals("secret", updated.onvif().credentials().password());
        assertEquals("", updated.rtsp().credentials().password());
        assertFalse(updated.toString().contains("secret"), "toString must not show passwords: " + updated);
    }

    @Test
    void pagesCoverEveryCameraOnceInIdOrder() {
        for (int i = 0; i < 25; i++) {
            registry.createCamera(camera(String.format("cam-%03d", i), i % 2 == 0 ? "R1" : "R2"));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            Page<Camera> page = registry.queries().cameras(new ListQuery(after, 7, null, null));
            page.items().forEach(c -> seen.add(c.id()));
            after = page.nextId();
        } while (after != null);
        assertEquals(25, seen.size());
        assertEquals(seen.stream().sorted().toList(), seen);
        Set<String> inS1 = new HashSet<>();
        registry.queries().cameras(new ListQuery(null, 100, "S1", null)).items().forEach(c -> inS1.add(c.id()));
        assertEquals(13, inS1.size());
        assertEquals(List.of("cam-007", "cam-017"), registry.queries().cameras(new ListQuery(null, 100, null, "7"))
                .items().stream().map(Camera::id).toList());
    }

    @Test
    void listFilterOnUnknownSiteIsInvalid() {
        assertThrows(DomainException.class, () -> registry.queries().cameras(new ListQuery(null, 1, "zz", null)));
    }
}
