package org.wardnet.app.federation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.federation.RecordEncoder;
import org.wardnet.core.federation.WireTime;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Credentials;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.registry.OnvifEndpoint;
import org.wardnet.core.registry.RoomKind;
import org.wardnet.core.registry.RtspEndpoint;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.Tier;

/**
 * The sync wire format of sites, cameras, health events and clips, both ways: the child's journal writes records with
 * it, the parent reads them back. Device user names travel, passwords never do: the parent holds
 * a child's cameras without credentials (it does not probe them; their owner does).
 */
public final class SyncRecords implements RecordEncoder {

    private final ObjectMapper mapper;
    private final ClipWireReader clips;

    public SyncRecords(ObjectMapper mapper) {
        this.mapper = mapper;
        this.clips = new ClipWireReader(mapper.getFactory());
    }

    record SiteWire(String id, String name, String tier, String parentId, String kind, String address,
            String createdAt, String updatedAt) {
    }

    record CameraWire(String id, String siteId, String name, double lat, double lon, Double heading, String mounting,
            String vendor, String model, String onvifUrl, String onvifUsername, String rtspUrl, String rtspSubUrl,
            String rtspUsername, String createdAt, String updatedAt) {
    }

    record EventWire(String at, String subject, String id, String from, String to, String reason, boolean alarm,
            String groupedBy) {
    }

    record ClipWire(long id, String cameraId, String start, String end, Long bytes, String codec, Integer width,
            Integer height, Integer keyFrames, String sha256, String origin) {
    }

    @Override
    public String site(Site site) {
        return write(new SiteWire(site.id(), site.name(), site.tier().name(), site.parentId(),
                site.kind() == null ? null : site.kind().name(), site.address(), site.createdAt().toString(),
                site.updatedAt().toString()));
    }

    @Override
    public String camera(Camera camera) {
        OnvifEndpoint onvif = camera.onvif();
        RtspEndpoint rtsp = camera.rtsp();
        return write(new CameraWire(camera.id(), camera.siteId(), camera.name(), camera.location().lat(),
                camera.location().lon(), camera.heading(), camera.mounting(), camera.vendor(), camera.model(),
                onvif == null ? null : onvif.url(), onvif == null ? null : onvif.credentials().username(),
                rtsp == null ? null : rtsp.url(), rtsp == null ? null : rtsp.subUrl(),
                rtsp == null ? null : rtsp.credentials().username(), camera.createdAt().toString(),
                camera.updatedAt().toString()));
    }

    /** @throws DomainException INVALID when the payload is not a site */
    public Site site(String json) {
        SiteWire wire = read(json, SiteWire.class, "site");
        try {
            return new Site(wire.id(), wire.name(), Tier.valueOf(wire.tier()), wire.parentId(),
                    wire.kind() == null ? null : RoomKind.valueOf(wire.kind()), wire.address(),
                    WireTime.parse(wire.createdAt()), WireTime.parse(wire.updatedAt()));
        } catch (RuntimeException e) {
            throw DomainException.badRequest("payload", "not a site: " + e.getMessage());
        }
    }

    /** @throws DomainException INVALID when the payload is not a camera */
    public Camera camera(String json) {
        CameraWire wire = read(json, CameraWire.class, "camera");
        try {
            return new Camera(wire.id(), wire.siteId(), wire.name(), new GeoPoint(wire.lat(), wire.lon()),
                    wire.heading(), wire.mounting(), wire.vendor(), wire.model(),
                    wire.onvifUrl() == null ? null : new OnvifEndpoint(wire.onvifUrl(),
                            new Credentials(wire.onvifUsername(), null)),
                    wire.rtspUrl() == null ? null : new RtspEndpoint(wire.rtspUrl(), wire.rtspSubUrl(),
                            new Credentials(wire.rtspUsername(), null)),
                    WireTime.parse(wire.createdAt()), WireTime.parse(wire.updatedAt()));
        } catch (RuntimeException e) {
            throw DomainException.badRequest("payload", "not a camera: " + e.getMessage());
        }
    }

    @Override
    public String healthEvent(HealthEvent event) {
        return write(new EventWire(event.at().toString(), event.subject().name(), event.id(), event.from(), event.to(),
                event.reason(), event.alarm(), event.groupedBy()));
    }

    /** The clip's metadata without its media: the footage stays on the node, which is asked for it by id. */
    @Override
    public String clip(Clip clip) {
        return write(new ClipWire(clip.id(), clip.cameraId(), clip.start().toString(), clip.end().toString(),
                clip.bytes(), clip.codec(), clip.width(), clip.height(), clip.keyFrames(), clip.sha256(),
                clip.origin().name()));
    }

    /**
     * The end of a full re-send: the number of its begin, and the sites and cameras the node holds.
     *
     * @throws DomainException INVALID when the payload is not one
     */
    public SnapshotEnd snapshotEnd(String json) {
        SnapshotEnd end = read(json, SnapshotEnd.class, "re-send's end");
        if (end.begin() < 1 || end.sites() == null || end.cameras() == null) {
            throw DomainException.badRequest("payload", "a re-send's end names its begin, sites and cameras");
        }
        return end;
    }

    record VerificationWire(String verifiedAt, boolean passed, String report) {
    }

    /** A camera's latest verification as the parent keeps it. */
    public record Verification(Instant verifiedAt, boolean passed, String reportJson) {
    }

    @Override
    public String verification(Instant verifiedAt, boolean passed, String reportJson) {
        return write(new VerificationWire(verifiedAt.toString(), passed, reportJson));
    }

    /** @throws DomainException INVALID when the payload is not a verification */
    public Verification verification(String json) {
        VerificationWire wire = read(json, VerificationWire.class, "verification");
        try {
            if (wire.report() == null || wire.report().length() > 1_000_000) {
                throw new IllegalArgumentException("a verification carries its checklist, at most 1 MB");
            }
            return new Verification(WireTime.parse(wire.verifiedAt()), wire.passed(), wire.report());
        } catch (RuntimeException e) {
            throw DomainException.badRequest("payload", "not a verification: " + e.getMessage());
        }
    }

    /** The end of a node's audit chain, as it sends it. */
    public String auditHead(AuditStore.Head head) {
        return write(new HeadWire(head.seq(), head.hash()));
    }

    /** @throws DomainException INVALID when the payload is not an audit chain's end */
    public AuditStore.Head auditHead(String json) {
        HeadWire wire = read(json, HeadWire.class, "audit chain's end");
        if (wire.seq() < 0 || wire.hash() == null || !wire.hash().matches("[0-9a-f]{64}")) {
            throw DomainException.badRequest("payload", "an audit chain's end is a number and a SHA-256 in hex");
        }
        return new AuditStore.Head(wire.seq(), wire.hash());
    }

    record HeadWire(long seq, String hash) {
    }

    /** What the end of a full re-send says. */
    public record SnapshotEnd(long begin, Set<String> sites, Set<String> cameras) {
    }

    /** @throws DomainException INVALID when the payload is not a health event */
    public HealthEvent healthEvent(String json) {
        EventWire wire = read(json, EventWire.class, "health event");
        try {
            return new HealthEvent(WireTime.parse(wire.at()), HealthEvent.Subject.valueOf(wire.subject()),
                    require(wire.id(), "id"), require(wire.from(), "from"), require(wire.to(), "to"), wire.reason(),
                    wire.alarm(), wire.groupedBy());
        } catch (RuntimeException e) {
            throw DomainException.badRequest("payload", "not a health event: " + e.getMessage());
        }
    }

    /**
     * A node's clip, with the node's id for it and a placeholder for its media (the parent names
     * the node as its media when it stores it).
     *
     * @throws DomainException INVALID when the payload is not a clip
     */
    public Clip clip(String json) {
        try {
            return clipOf(clips.read(json));
        } catch (RuntimeException e) {
            throw DomainException.badRequest("payload", "not a clip: " + e.getMessage());
        }
    }

    /**
     * A node's clip read where it stands in a push: the parser on the record's opening brace,
     * left on its closing one.
     *
     * @throws DomainException INVALID when the record is not a clip
     * @throws IOException     when the text is not JSON
     */
    public Clip clip(JsonParser parser) throws IOException {
        try {
            return clipOf(clips.read(parser));
        } catch (RuntimeException e) {
            throw DomainException.badRequest("payload", "not a clip: " + e.getMessage());
        }
    }

    private static Clip clipOf(ClipWire wire) {
        return new Clip(wire.id(), require(wire.cameraId(), "cameraId"), WireTime.parse(wire.start()),
                WireTime.parse(wire.end()), "", wire.bytes(), wire.codec(), wire.width(), wire.height(),
                wire.keyFrames(), wire.sha256(), ClipOrigin.valueOf(wire.origin()));
    }

    private static String require(String value, String field) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException(field + " must have 1 to 64 characters");
        }
        return value;
    }

    private String write(Object wire) {
        try {
            return mapper.writeValueAsString(wire);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record that cannot be written as JSON: " + wire, e);
        }
    }

    private <T> T read(String json, Class<T> type, String what) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw DomainException.badRequest("payload", "not a " + what + ": " + e.getOriginalMessage());
        }
    }
}
