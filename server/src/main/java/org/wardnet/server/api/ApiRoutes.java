package org.wardnet.server.api;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.app.access.Accounts;
import org.wardnet.app.audit.AuditTrail;
import org.wardnet.app.clips.ClipExports;
import org.wardnet.adapters.federation.HttpNodeFootage;
import org.wardnet.app.federation.ChildAccess;
import org.wardnet.app.federation.ChildChanges;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.app.federation.NodeStatus;
import org.wardnet.app.federation.Nodes;
import org.wardnet.app.clips.ClipIngest;
import org.wardnet.app.clips.ClipQueries;
import org.wardnet.app.clips.FootageQueries;
import org.wardnet.app.install.Installation;
import org.wardnet.app.recording.RecordingPlans;
import org.wardnet.app.registry.Cameras;
import org.wardnet.app.registry.Sites;
import org.wardnet.app.track.Cases;
import org.wardnet.app.track.Following;
import org.wardnet.app.track.Links;
import org.wardnet.app.track.Sightings;
import org.wardnet.app.track.TrackService;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.access.MediaLinks;
import org.wardnet.server.health.HealthResource;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.live.LiveEndpoints;
import org.wardnet.server.live.LiveResource;
import org.wardnet.server.ops.OpsResource;
import org.wardnet.server.routes.Endpoint;
import org.wardnet.server.routes.OpenApiDocument;

/**
 * Every route the server answers: the resources wired from configuration, and each area's routes
 * as declared (with access, audit, body limit and OpenAPI operation) in its {@code *Endpoints}
 * class. The OpenAPI document served at {@code /api/v1/openapi.json} is made from them.
 */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    public static List<Endpoint> all(WardnetConfig config, Registry registry, BlockingWork writes, JsonCodec json,
            OpsResource ops, HealthResource health,
            Registering registering, Footage footage,
            RecordingPlans recording, Tracking tracking,
            AuditStore audit, Identity identity, LiveResource live) {
        Paging paging = new Paging(config.get(WardnetKeys.API_DEFAULT_PAGE_SIZE), config.get(WardnetKeys.API_MAX_PAGE_SIZE));
        SiteResource sites = new SiteResource(registering.sites(), writes, json, paging);
        CameraResource cameras = new CameraResource(registering.cameras(), registry, writes, footage.reads(), json,
                paging);
        CameraImportResource imports = new CameraImportResource(registering.cameras(), registering.installation(),
                writes, json);
        NodeFootage onNodes = new NodeFootage(identity.childAccess(), new HttpNodeFootage(Duration.ofSeconds(60)),
                identity.nodes(), new ScopedRegistry(registry),
                Path.of(config.get(WardnetKeys.STORE_DATA_DIR), "exports", "relay"));
        InstallerResource install = new InstallerResource(registering.installation(), json, footage.reads(), onNodes);
        CandidateRegistration registration = new CandidateRegistration(registering.installation(), writes, json);
        Duration widest = Duration.ofHours(config.get(WardnetKeys.CLIPS_MAX_WINDOW_HOURS));
        ClipResource clips = new ClipResource(footage.clips(), footage.ingest(), onNodes, footage.reads(), writes,
                footage.imports(), json, paging, new MediaLinks(Clock.systemUTC(),
                        Duration.ofSeconds(config.get(WardnetKeys.API_MEDIA_LINK_SECONDS))), widest,
                config.get(WardnetKeys.API_MAX_IMPORT_ROWS));
        FootageResource coverage = new FootageResource(footage.footage(), footage.reads(), json, widest);
        RecordingResource plans = new RecordingResource(recording, writes, json);
        ExportResource exports = new ExportResource(footage.exports(), onNodes, footage.imports(),
                Duration.ofMinutes(config.get(WardnetKeys.CLIPS_MAX_EXPORT_MINUTES)));
        TrackResource follow = new TrackResource(tracking.following(), tracking.links(), tracking.service(),
                footage.reads(), writes, json);
        SightingResource sightings = new SightingResource(tracking.sightings(), footage.reads(), writes, json, paging,
                widest, config.get(WardnetKeys.API_MAX_IMPORT_ROWS));
        CaseResource cases = new CaseResource(tracking.cases(), footage.reads(), writes, json);
        AuditResource trail = new AuditResource(new AuditTrail(audit), footage.reads(), json, paging);
        AccountResource account = new AccountResource(identity.accounts(), identity.work(), json);
        UserResource users = new UserResource(identity.accounts(), identity.work(), json);
        NodeResource nodes = new NodeResource(identity.nodes(), identity.nodeStatus(), identity.work(), json);
        SyncResource sync = new SyncResource(identity.childChanges(), identity.childAccess(), identity.syncReads(), writes, json,
                config.get(WardnetKeys.SERVER_MAX_IMPORT_BODY_BYTES));
        OpenApiDocument document = new OpenApiDocument();
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(OpsEndpoints.of(ops, document, trail));
        endpoints.addAll(RegistryEndpoints.of(sites, cameras, imports));
        endpoints.addAll(HealthEndpoints.of(health));
        endpoints.addAll(InstallerEndpoints.of(install, registration));
        endpoints.addAll(FootageEndpoints.of(clips, coverage, exports, plans));
        endpoints.addAll(TrackEndpoints.of(follow, sightings, cases));
        endpoints.addAll(AccessEndpoints.of(account, users));
        endpoints.addAll(FederationEndpoints.of(nodes, sync));
        endpoints.addAll(LiveEndpoints.of(live));
        document.publish(endpoints);
        return List.copyOf(endpoints);
    }

    /** What the registry and installer endpoints use: sites, cameras and the installer's workflow. */
    public record Registering(Sites sites, Cameras cameras, Installation installation) {
    }

    /**
     * What the footage endpoints use: the clip use cases, the read executor, and the one-thread
     * executor of directory imports and exports.
     */
    public record Footage(ClipQueries clips, ClipIngest ingest, FootageQueries footage, ClipExports exports,
            BlockingWork reads, BlockingWork imports) {
    }

    /** What the track-following endpoints use: the planner's service and the track use cases. */
    public record Tracking(TrackService service, Following following, Links links, Sightings sightings, Cases cases) {
    }

    /**
     * Accounts, this node's child nodes and what they push, the bounded executor that does the
     * password hashing, and the one that reads children's pushes in the order they arrive.
     */
    public record Identity(Accounts accounts, Nodes nodes, NodeStatus nodeStatus, ChildChanges childChanges,
            ChildAccess childAccess, BlockingWork work, BlockingWork syncReads) {
    }
}
