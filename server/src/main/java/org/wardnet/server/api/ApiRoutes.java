package org.wardnet.server.api;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static io.netty.handler.codec.http.HttpMethod.PUT;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Router;
import org.wardnet.server.ops.OpsResource;

/**
 * The table of every route the server answers: the one place to look for what the API offers.
 * The OpenAPI document served at {@code /api/v1/openapi.json} is tested against this table.
 */
public final class ApiRoutes {

    /** The paths with a larger body limit (server.maxImportBodyBytes). */
    public static final List<String> IMPORT_PATHS = List.of(CameraImportResource.PATH, TrackResource.STREETS_PATH);

    /**
     * The paths whose NDJSON batches are bulk bodies (server.maxImportBodyBytes): an edge recorder
     * syncs a day of its index, an analytics box its sightings, in one request.
     */
    public static final List<String> BATCH_PATHS = List.of("/api/v1/clips", "/api/v1/sightings");

    private ApiRoutes() {
    }

    public static List<Router.Route> all(WardnetConfig config, Registry registry, BlockingWork writes, JsonCodec json,
            OpsResource ops, org.wardnet.server.health.HealthResource health,
            org.wardnet.app.install.InstallerService installer, Footage footage,
            org.wardnet.app.recording.RecordingService recording, Tracking tracking,
            org.wardnet.core.audit.AuditStore audit, Identity identity) {
        Paging paging = new Paging(config.get(WardnetKeys.API_DEFAULT_PAGE_SIZE), config.get(WardnetKeys.API_MAX_PAGE_SIZE));
        SiteResource sites = new SiteResource(registry, writes, json, paging);
        CameraResource cameras = new CameraResource(registry, writes, json, paging);
        CameraImportResource imports = new CameraImportResource(registry, writes, json,
                config.get(WardnetKeys.API_MAX_IMPORT_ROWS), installer);
        InstallerResource install = new InstallerResource(installer, registry, json, config, footage.reads());
        CandidateRegistration registration = new CandidateRegistration(registry, writes, json, installer,
                config.get(WardnetKeys.API_MAX_IMPORT_ROWS));
        java.time.Duration widest = java.time.Duration.ofHours(config.get(WardnetKeys.CLIPS_MAX_WINDOW_HOURS));
        ClipResource clips = new ClipResource(footage.index(), footage.retention(), registry, footage.reads(), writes,
                footage.imports(), json, paging, widest,
                config.get(WardnetKeys.API_MAX_IMPORT_ROWS), importRoots(config), footage.media());
        FootageResource coverage = new FootageResource(footage.index(), registry, footage.history(), footage.reads(),
                json, widest, java.time.Duration.ofMillis(config.get(WardnetKeys.CLIPS_TIMELINE_TOLERANCE_MILLIS)));
        RecordingResource plans = new RecordingResource(recording, registry, writes, json);
        ExportResource exports = new ExportResource(footage.index(), footage.media(), registry, footage.imports(),
                java.nio.file.Path.of(config.get(WardnetKeys.STORE_DATA_DIR), "exports"),
                java.time.Duration.ofMinutes(config.get(WardnetKeys.CLIPS_MAX_EXPORT_MINUTES)));
        TrackResource follow = new TrackResource(tracking.service(), registry, footage.reads(), writes, json,
                config.get(WardnetKeys.TRACK_MAX_HORIZON_SECONDS), config.get(WardnetKeys.TRACK_MAX_CANDIDATES));
        SightingResource sightings = new SightingResource(tracking.sightings(), registry, footage.reads(), writes, json,
                paging, widest, config.get(WardnetKeys.API_MAX_IMPORT_ROWS));
        CaseResource cases = new CaseResource(tracking.cases(), tracking.service(), footage.index(), footage.media(),
                registry,
                footage.reads(), writes, json, java.nio.file.Path.of(config.get(WardnetKeys.STORE_DATA_DIR), "exports"),
                java.time.Clock.systemUTC(), audit);
        AuditResource trail = new AuditResource(audit, footage.reads(), json, paging);
        AccountResource account = new AccountResource(identity.accounts(), identity.work(), json);
        UserResource users = new UserResource(identity.accounts(), identity.work(), json);
        byte[] openApi = openApiDocument();
        return List.of(
                new Router.Route(GET, "/healthz", ops::healthz),
                new Router.Route(GET, "/readyz", ops::readyz),
                new Router.Route(GET, "/metrics", ops::metrics),
                new Router.Route(GET, "/api/v1/openapi.json", request -> CompletableFuture.completedFuture(
                        ApiResponse.json(HttpResponseStatus.OK, openApi))),
                new Router.Route(GET, "/api/v1/sites", sites::list),
                new Router.Route(POST, "/api/v1/sites", sites::create),
                new Router.Route(GET, "/api/v1/sites/{id}", sites::get),
                new Router.Route(PUT, "/api/v1/sites/{id}", sites::replace),
                new Router.Route(DELETE, "/api/v1/sites/{id}", sites::delete),
                new Router.Route(GET, "/api/v1/cameras", cameras::list),
                new Router.Route(POST, "/api/v1/cameras", cameras::create),
                new Router.Route(POST, CameraImportResource.PATH, imports::importCameras),
                new Router.Route(GET, "/api/v1/cameras/{id}", cameras::get),
                new Router.Route(PUT, "/api/v1/cameras/{id}", cameras::replace),
                new Router.Route(DELETE, "/api/v1/cameras/{id}", cameras::delete),
                new Router.Route(GET, "/api/v1/cameras/{id}/health", health::camera),
                new Router.Route(GET, "/api/v1/health/summary", health::summary),
                new Router.Route(GET, "/api/v1/events", health::events),
                new Router.Route(POST, "/api/v1/discovery", install::discover),
                new Router.Route(POST, "/api/v1/discovery/register", registration::register),
                new Router.Route(POST, "/api/v1/cameras/{id}/verify", install::verify),
                new Router.Route(GET, "/api/v1/cameras/{id}/verification", install::storedVerification),
                new Router.Route(GET, "/api/v1/cameras/{id}/snapshot", install::snapshot),
                new Router.Route(POST, "/api/v1/verifications", install::startBatch),
                new Router.Route(GET, "/api/v1/verifications/{id}", install::batchStatus),
                new Router.Route(POST, "/api/v1/clips", clips::ingest),
                new Router.Route(GET, "/api/v1/clips", clips::list),
                new Router.Route(POST, "/api/v1/clips/import", clips::importDirectory),
                new Router.Route(GET, "/api/v1/clips/{id}", clips::get),
                new Router.Route(GET, "/api/v1/clips/{id}/media", clips::media),
                new Router.Route(PUT, "/api/v1/clips/{id}/hold", clips::hold),
                new Router.Route(DELETE, "/api/v1/clips/{id}/hold", clips::release),
                new Router.Route(GET, "/api/v1/cameras/{id}/timeline", coverage::timeline),
                new Router.Route(GET, "/api/v1/cameras/{id}/export", exports::export),
                new Router.Route(GET, "/api/v1/coverage", coverage::coverage),
                new Router.Route(GET, "/api/v1/recording/plans", plans::list),
                new Router.Route(PUT, "/api/v1/recording/plans/{id}", plans::put),
                new Router.Route(DELETE, "/api/v1/recording/plans/{id}", plans::delete),
                new Router.Route(GET, "/api/v1/recording/status", plans::status),
                new Router.Route(POST, "/api/v1/track/follow", follow::follow),
                new Router.Route(POST, "/api/v1/track/corridor", follow::corridor),
                new Router.Route(GET, TrackResource.STREETS_PATH, follow::streets),
                new Router.Route(PUT, TrackResource.STREETS_PATH, follow::putStreets),
                new Router.Route(GET, "/api/v1/track/links", follow::links),
                new Router.Route(POST, "/api/v1/track/links", follow::addLink),
                new Router.Route(DELETE, "/api/v1/track/links/{id}", follow::deleteLink),
                new Router.Route(POST, "/api/v1/sightings", sightings::add),
                new Router.Route(GET, "/api/v1/sightings", sightings::find),
                new Router.Route(POST, "/api/v1/cases", cases::create),
                new Router.Route(GET, "/api/v1/cases/{id}", cases::get),
                new Router.Route(POST, "/api/v1/cases/{id}/sightings", cases::addSighting),
                new Router.Route(POST, "/api/v1/cases/{id}/confirm", cases::confirm),
                new Router.Route(GET, "/api/v1/cases/{id}/export", cases::export),
                new Router.Route(GET, "/api/v1/audit", trail::list),
                new Router.Route(POST, "/api/v1/login", account::login),
                new Router.Route(POST, "/api/v1/logout", account::logout),
                new Router.Route(GET, "/api/v1/me", account::me),
                new Router.Route(PUT, "/api/v1/me/password", account::changePassword),
                new Router.Route(GET, "/api/v1/tokens", account::tokens),
                new Router.Route(POST, "/api/v1/tokens", account::createToken),
                new Router.Route(DELETE, "/api/v1/tokens/{id}", account::revokeToken),
                new Router.Route(GET, "/api/v1/users", users::list),
                new Router.Route(POST, "/api/v1/users", users::create),
                new Router.Route(GET, "/api/v1/users/{name}", users::get),
                new Router.Route(PUT, "/api/v1/users/{name}", users::update),
                new Router.Route(DELETE, "/api/v1/users/{name}", users::delete),
                new Router.Route(PUT, "/api/v1/users/{name}/password", users::resetPassword));
    }

    /**
     * What the footage endpoints use: the clip index, the health history, the read executor, and
     * the one-thread executor of directory imports.
     */
    public record Footage(org.wardnet.core.clips.ClipIndex index, org.wardnet.core.clips.ClipRetentionStore retention,
            FootageResource.HealthLookup history, BlockingWork reads, BlockingWork imports,
            org.wardnet.core.clips.MediaFiles media) {
    }

    /** What the track-following endpoints use: the planner's service, and the sighting and case stores. */
    public record Tracking(org.wardnet.app.track.TrackService service,
            org.wardnet.core.track.SightingStore sightings, org.wardnet.core.track.CaseStore cases) {
    }

    /** {@code clips.importRoots}, by default the data directory and the recording directory. */
    private static org.wardnet.app.clips.ImportRoots importRoots(WardnetConfig config) {
        java.nio.file.Path data = java.nio.file.Path.of(config.get(WardnetKeys.STORE_DATA_DIR));
        String recordings = config.get(WardnetKeys.RECORDING_DIRECTORY);
        return org.wardnet.app.clips.ImportRoots.of(config.get(WardnetKeys.CLIPS_IMPORT_ROOTS), List.of(data,
                recordings.isEmpty() ? data.resolve("recordings") : java.nio.file.Path.of(recordings)));
    }

    /** Accounts and the bounded executor that does their password hashing. */
    public record Identity(org.wardnet.app.access.Accounts accounts, BlockingWork work) {
    }

    private static byte[] openApiDocument() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the server's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.json", e);
        }
    }
}
