package org.wardnet.storage.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Credentials;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.registry.OnvifEndpoint;
import org.wardnet.core.registry.RegistryChange;
import org.wardnet.core.registry.RoomKind;
import org.wardnet.core.registry.RtspEndpoint;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.Tier;
import org.wardnet.storage.secrets.SecretBox;

/** The mapping between registry records and table rows: column lists, statements, binding, reading. */
final class RegistryRows {

    static final String SITE_COLUMNS = "id, name, tier, parent_id, kind, address, created_at, updated_at";
    static final String CAMERA_COLUMNS = "id, site_id, name, lat, lon, heading, mounting, vendor, model,"
            + " onvif_url, onvif_username, onvif_password, rtsp_url, rtsp_sub_url, rtsp_username, rtsp_password,"
            + " created_at, updated_at";

    private static final String INSERT_SITE = "INSERT INTO site (name, tier, parent_id, kind, address, created_at,"
            + " updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_SITE = "UPDATE site SET name = ?, tier = ?, parent_id = ?, kind = ?,"
            + " address = ?, created_at = ?, updated_at = ? WHERE id = ?";
    private static final String INSERT_CAMERA = "INSERT INTO camera (site_id, name, lat, lon, heading, mounting,"
            + " vendor, model, onvif_url, onvif_username, onvif_password, rtsp_url, rtsp_sub_url, rtsp_username,"
            + " rtsp_password, created_at, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_CAMERA = "UPDATE camera SET site_id = ?, name = ?, lat = ?, lon = ?,"
            + " heading = ?, mounting = ?, vendor = ?, model = ?, onvif_url = ?, onvif_username = ?,"
            + " onvif_password = ?, rtsp_url = ?, rtsp_sub_url = ?, rtsp_username = ?, rtsp_password = ?,"
            + " created_at = ?, updated_at = ? WHERE id = ?";
    private static final String DELETE_SITE = "DELETE FROM site WHERE id = ?";
    private static final String DELETE_CAMERA = "DELETE FROM camera WHERE id = ?";

    private RegistryRows() {
    }

    static String sql(RegistryChange change) {
        if (change instanceof RegistryChange.PutSite put) {
            return put.isNew() ? INSERT_SITE : UPDATE_SITE;
        }
        if (change instanceof RegistryChange.PutCamera put) {
            return put.isNew() ? INSERT_CAMERA : UPDATE_CAMERA;
        }
        return change instanceof RegistryChange.DeleteSite ? DELETE_SITE : DELETE_CAMERA;
    }

    /** Binds the change's values in the order {@link #sql} expects; the id always comes last. */
    static void bind(PreparedStatement statement, RegistryChange change, SecretBox secrets) throws SQLException {
        if (change instanceof RegistryChange.PutSite put) {
            bindSite(statement, put.site());
        } else if (change instanceof RegistryChange.PutCamera put) {
            bindCamera(statement, put.camera(), secrets);
        } else if (change instanceof RegistryChange.DeleteSite delete) {
            statement.setString(1, delete.siteId());
        } else {
            statement.setString(1, ((RegistryChange.DeleteCamera) change).cameraId());
        }
    }

    private static void bindSite(PreparedStatement s, Site site) throws SQLException {
        s.setString(1, site.name());
        s.setString(2, site.tier().name());
        s.setString(3, site.parentId());
        s.setString(4, site.kind() == null ? null : site.kind().name());
        s.setString(5, site.address());
        s.setObject(6, site.createdAt().atOffset(ZoneOffset.UTC));
        s.setObject(7, site.updatedAt().atOffset(ZoneOffset.UTC));
        s.setString(8, site.id());
    }

    private static void bindCamera(PreparedStatement s, Camera camera, SecretBox secrets) throws SQLException {
        s.setString(1, camera.siteId());
        s.setString(2, camera.name());
        s.setDouble(3, camera.location().lat());
        s.setDouble(4, camera.location().lon());
        if (camera.heading() == null) {
            s.setNull(5, Types.DOUBLE);
        } else {
            s.setDouble(5, camera.heading());
        }
        s.setString(6, camera.mounting());
        s.setString(7, camera.vendor());
        s.setString(8, camera.model());
        OnvifEndpoint onvif = camera.onvif();
        s.setString(9, onvif == null ? null : onvif.url());
        s.setString(10, onvif == null ? null : onvif.credentials().username());
        s.setString(11, onvif == null ? null : secrets.seal(onvif.credentials().password()));
        RtspEndpoint rtsp = camera.rtsp();
        s.setString(12, rtsp == null ? null : rtsp.url());
        s.setString(13, rtsp == null ? null : rtsp.subUrl());
        s.setString(14, rtsp == null ? null : rtsp.credentials().username());
        s.setString(15, rtsp == null ? null : secrets.seal(rtsp.credentials().password()));
        s.setObject(16, camera.createdAt().atOffset(ZoneOffset.UTC));
        s.setObject(17, camera.updatedAt().atOffset(ZoneOffset.UTC));
        s.setString(18, camera.id());
    }

    static Site site(ResultSet r) throws SQLException {
        String kind = r.getString(5);
        return new Site(r.getString(1), r.getString(2), Tier.valueOf(r.getString(3)), r.getString(4),
                kind == null ? null : RoomKind.valueOf(kind), r.getString(6),
                r.getObject(7, OffsetDateTime.class).toInstant(), r.getObject(8, OffsetDateTime.class).toInstant());
    }

    /** The camera of a row of {@link #CAMERA_COLUMNS}, its passwords opened. */
    static Camera camera(ResultSet r, SecretBox secrets) throws SQLException {
        double heading = r.getDouble(6);
        Double headingOrNull = r.wasNull() ? null : heading;
        String onvifUrl = r.getString(10);
        OnvifEndpoint onvif = onvifUrl == null ? null
                : new OnvifEndpoint(onvifUrl, new Credentials(r.getString(11), secrets.open(r.getString(12))));
        String rtspUrl = r.getString(13);
        RtspEndpoint rtsp = rtspUrl == null ? null
                : new RtspEndpoint(rtspUrl, r.getString(14), new Credentials(r.getString(15), secrets.open(r.getString(16))));
        return new Camera(r.getString(1), r.getString(2), r.getString(3), new GeoPoint(r.getDouble(4), r.getDouble(5)),
                headingOrNull, r.getString(7), r.getString(8), r.getString(9), onvif, rtsp,
                r.getObject(17, OffsetDateTime.class).toInstant(), r.getObject(18, OffsetDateTime.class).toInstant());
    }
}
