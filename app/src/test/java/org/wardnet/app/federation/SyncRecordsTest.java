package org.wardnet.app.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Credentials;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.registry.OnvifEndpoint;
import org.wardnet.core.registry.RoomKind;
import org.wardnet.core.registry.RtspEndpoint;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.Tier;

/** Sites and cameras cross the wire whole, but for device passwords, which never leave their node. */
class SyncRecordsTest {

    private final SyncRecords records = new SyncRecords(new ObjectMapper());
    private final Instant made = Instant.parse("2026-12-01T08:00:00.123456Z");

    @Test
    void aSiteComesBackAsItWent() {
        Site site = new Site("room-6", "Bamboo Estate", Tier.ROOM, "sub-01", RoomKind.RESIDENTIAL_ESTATE, "3 Bamboo Rd",
                made, made.plusSeconds(60));
        assertEquals(site, records.site(records.site(site)));
    }

    @Test
    void aCameraComesBackWithoutItsPasswords() {
        Camera camera = new Camera("33020300001320000001", "room-6", "Gate 1", new GeoPoint(29.8712345, 121.5498765),
                45.5, "pole", "Hikvision", "DS-2CD", new OnvifEndpoint("http://127.1.0.1/onvif/device_service",
                        new Credentials("admin", "onvif-secret")),
                new RtspEndpoint("rtsp://127.1.0.1/main", "rtsp://127.1.0.1/sub", new Credentials("op", "rtsp-secret")),
                made, made);
        String json = records.camera(camera);
        assertFalse(json.contains("secret") || json.contains("password"), json);
        Camera back = records.camera(json);
        assertEquals(new Camera(camera.id(), camera.siteId(), camera.name(), camera.location(), camera.heading(),
                camera.mounting(), camera.vendor(), camera.model(), new OnvifEndpoint(camera.onvif().url(),
                        new Credentials("admin", null)), new RtspEndpoint(camera.rtsp().url(), camera.rtsp().subUrl(),
                        new Credentials("op", null)), made, made), back);
    }

    @Test
    void aPayloadThatIsNoRecordIsRefused() {
        assertThrows(DomainException.class, () -> records.camera("{\"id\":\"x\"}"));
        assertThrows(DomainException.class, () -> records.site("not json"));
    }

    @Test
    void aHealthEventComesBackAsItWent() {
        HealthEvent event = new HealthEvent(made, HealthEvent.Subject.NODE, "room-6", "REACHABLE", "UNREACHABLE",
                "no sync since 10:00", true, "site-r6");
        assertEquals(event, records.healthEvent(records.healthEvent(event)));
    }

    @Test
    void aClipComesBackWithItsIdButWithoutItsMedia() {
        Clip clip = new Clip(41, "cam-7", made, made.plusSeconds(60), "/var/lib/wardnet/recordings/cam-7/a.mp4", 2048L,
                "H264", 1280, 720, 2, "ab".repeat(32), ClipOrigin.RECORDED);
        String wire = records.clip(clip);
        assertFalse(wire.contains("/var/lib"), "a node's paths stay on the node: " + wire);
        assertEquals(clip.withMedia(""), records.clip(wire));
        assertThrows(DomainException.class, () -> records.clip("{\"id\":1,\"cameraId\":\"c\"}"));
        assertThrows(DomainException.class, () -> records.healthEvent("{\"subject\":\"PLANET\"}"));
    }

    @Test
    void aClipWithoutItsOptionalFieldsComesBackAndABrokenOneIsRefusedWithTheReason() {
        Clip bare = new Clip(7, "cam-8", made, made.plusSeconds(60), "", null, null, null, null, null, null,
                ClipOrigin.IMPORTED);
        assertEquals(bare, records.clip(records.clip(bare)));
        String good = records.clip(bare);
        for (String broken : new String[] {
                "[1]", "{\"id\":\"7\"}", good.replace("\"id\":7", "\"id\":7.5"),
                good.replace("}", ",\"colour\":\"red\"}"), good + " {}", good.substring(0, good.length() - 1),
                good.replace("\"id\":7", "\"id\":99999999999999999999"),
                good.replace("\"keyFrames\":null", "\"keyFrames\":3000000000"),
                good.replace("\"cameraId\":\"cam-8\"", "\"cameraId\":8"), good.replace("\"id\":7,", "")}) {
            DomainException refused = assertThrows(DomainException.class, () -> records.clip(broken), broken);
            assertTrue(refused.getMessage().contains("not a clip"), refused.getMessage());
        }
    }
}
