package org.wardnet.core.registry;

/** Drafts used across registry tests. */
final class RegistryTestData {

    private RegistryTestData() {
    }

    static SiteDraft center(String id) {
        return new SiteDraft(id, "Center " + id, "CENTER", null, null, null);
    }

    static SiteDraft substation(String id, String parent) {
        return new SiteDraft(id, "Substation " + id, "SUBSTATION", parent, null, null);
    }

    static SiteDraft room(String id, String parent) {
        return new SiteDraft(id, "Room " + id, "ROOM", parent, "BANK", "1 Main St");
    }

    static CameraDraft camera(String id, String site) {
        return new CameraDraft(id, site, "Camera " + id, new CameraDraft.Location(29.87, 121.55), 90.0, null,
                "Acme", "X1", new CameraDraft.Onvif("http://127.0.0.1/onvif/device_service", "admin", "secret"),
                new CameraDraft.Rtsp("rtsp://127.0.0.1/main", null, "admin", "secret"));
    }

    /** A registry with C, substations S1 and S2, rooms R1 (under S1) and R2 (under S2). */
    static Registry small(RegistryStore store) {
        Registry registry = Registry.open(store, java.time.Clock.systemUTC());
        registry.createSite(center("C"));
        registry.createSite(substation("S1", "C"));
        registry.createSite(substation("S2", "C"));
        registry.createSite(room("R1", "S1"));
        registry.createSite(room("R2", "S2"));
        return registry;
    }
}
