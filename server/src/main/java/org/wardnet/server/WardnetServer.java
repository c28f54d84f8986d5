package org.wardnet.server;

import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.wardnet.app.access.Accounts;
import org.wardnet.app.audit.AuditLog;
import org.wardnet.app.clips.ClipExports;
import org.wardnet.app.health.RemoteHealth;
import org.wardnet.app.health.StoredHealth;
import org.wardnet.app.clips.ClipIngest;
import org.wardnet.app.clips.ClipQueries;
import org.wardnet.app.clips.FootageQueries;
import org.wardnet.app.clips.ImportRoots;
import org.wardnet.app.federation.ChildAccess;
import org.wardnet.app.federation.NodeStatus;
import org.wardnet.app.federation.ParentAccount;
import org.wardnet.app.federation.Nodes;
import org.wardnet.app.federation.SyncRecords;
import org.wardnet.core.federation.SyncedChanges;
import org.wardnet.app.health.HealthEventHub;
import org.wardnet.app.health.HealthService;
import org.wardnet.app.install.Installation;
import org.wardnet.app.install.InstallerService;
import org.wardnet.app.recording.RecordingPlans;
import org.wardnet.app.recording.RecordingService;
import org.wardnet.app.registry.Cameras;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.app.registry.Sites;
import org.wardnet.app.track.CaseExport;
import org.wardnet.app.track.Cases;
import org.wardnet.app.track.Following;
import org.wardnet.app.track.Links;
import org.wardnet.app.track.Sightings;
import org.wardnet.app.track.TrackService;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.TrackKeys;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.MediaFiles;
import org.wardnet.core.health.HealthHistory;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.access.AccessControl;
import org.wardnet.server.api.ApiErrors;
import org.wardnet.server.api.ApiRoutes;
import org.wardnet.server.api.InstallerViews;
import org.wardnet.server.api.NdjsonBatch;
import org.wardnet.server.audit.AuditStores;
import org.wardnet.server.audit.Auditing;
import org.wardnet.server.console.ConsoleFiles;
import org.wardnet.server.console.ConsoleRoutes;
import org.wardnet.server.health.HealthResource;
import org.wardnet.server.http.EventLoops;
import org.wardnet.server.http.HttpServer;
import org.wardnet.server.http.HttpSettings;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.ProblemWriter;
import org.wardnet.server.http.Router;
import org.wardnet.server.live.LiveResource;
import org.wardnet.server.live.LiveView;
import org.wardnet.server.ops.Metrics;
import org.wardnet.server.ops.OpsResource;
import org.wardnet.server.routes.Endpoint;
import org.wardnet.storage.Database;
import org.wardnet.storage.StoreAnnouncements;
import org.wardnet.storage.StoreLease;
import org.wardnet.storage.childsync.JdbcNodeAccessStore;
import org.wardnet.storage.clips.JdbcClipIndex;
import org.wardnet.storage.clips.JdbcRecordingPlanStore;
import org.wardnet.storage.federation.JdbcSyncProgress;
import org.wardnet.storage.health.JdbcHealthHistory;
import org.wardnet.storage.registry.JdbcRegistryStore;
import org.wardnet.storage.registry.RegistryAnnouncements;
import org.wardnet.storage.health.HealthAnnouncements;
import org.wardnet.storage.registry.JdbcVerificationStore;
import org.wardnet.storage.secrets.SecretKeys;
import org.wardnet.storage.track.JdbcCaseStore;
import org.wardnet.storage.track.JdbcSightingStore;
import org.wardnet.storage.track.JdbcTrackStore;

/**
 * A running Wardnet: store, registry, metrics and HTTP API, wired from one configuration.
 * {@link #start} returns once the API is listening; {@link #close} stops it gracefully, letting
 * accepted writes finish before the store is closed.
 */
public final class WardnetServer implements AutoCloseable {

    private final Assembly assembly;
    private final Registry registry;
    private final InetSocketAddress address;

    private final List<Endpoint> endpoints;

    private WardnetServer(Assembly assembly, Registry registry, List<Endpoint> endpoints, InetSocketAddress address) {
        this.assembly = assembly;
        this.endpoints = endpoints;
        this.registry = registry;
        this.address = address;
    }

    /**
     * Opens the store, loads the registry and starts listening.
     *
     * @throws ServerStartException when it cannot listen; everything opened so far is closed again
     */
    public static WardnetServer start(WardnetConfig config) throws InterruptedException {
        return start(config, Guards.ENFORCED);
    }

    /** What stands in front of the routes. */
    public enum Guards {
        /** Tokens, roles and scopes are checked; footage requests and changes are audited. */
        ENFORCED,
        /**
         * Neither: every request acts as a district-wide administrator and nothing is audited.
         * Only for measuring what the guards cost (bench/); no configuration key or command reaches it.
         */
        NONE_FOR_MEASUREMENT
    }

    /** As {@link #start(WardnetConfig)}, with the guards chosen. */
    public static WardnetServer start(WardnetConfig config, Guards guards) throws InterruptedException {
        Database database = Database.open(config);
        boolean full = !"API".equals(config.get(WardnetKeys.SERVER_ROLE));
        StoreLease lease = null;
        try {
            if (full) {
                lease = StoreLease.acquire(database.dataSource(), StoreLease.thisProcess(), Clock.systemUTC());
            } else if (!StoreAnnouncements.of(database.dataSource()).active()) {
                throw new ServerStartException("server.role api serves the API beside a full server on the same"
                        + " PostgreSQL database (store.jdbcUrl); an H2 store is one server's", null);
            } else if (!config.get(WardnetKeys.FEDERATION_PARENT_URL).isBlank()) {
                throw new ServerStartException("server.role api takes no federation.parentUrl: a tier node's"
                        + " upward sync runs on its full server", null);
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Assembly assembly = new Assembly(database, lease);
        try {
            // a server beside the full one neither probes nor records: those run once per store
            return assembly.start(full ? config : config.with(WardnetKeys.HEALTH_ENABLED, false)
                    .with(WardnetKeys.RECORDING_ENABLED, false), guards, full);
        } catch (InterruptedException | RuntimeException e) {
            assembly.close();
            throw e;
        }
    }

    /** What start() has opened so far, so a failure part-way closes exactly that. */
    private static final class Assembly implements AutoCloseable {
        private final Database database;
        private BlockingWork writes;
        private BlockingWork reads;
        private BlockingWork imports;
        private BlockingWork syncReads;
        private DeviceAdapters devices;
        private HealthService health;
        private InstallerService installer;
        private RecordingService recording;
        private TrackService track;
        private AuditLog audit;
        private AuditStore auditStore;
        private BlockingWork authWork;
        private SslContext tls;
        private AccountSetup accountSetup;
        private JdbcClipIndex clips;
        /** What other servers on a shared PostgreSQL store change, heard on one connection. */
        private StoreAnnouncements announcements;
        private ExecutorService checks;
        private Metrics metrics;
        private EventLoops loops;
        private HttpServer http;
        private UpwardLink upward;
        private ChildNodes children;
        private LiveView live;

        private final StoreLease lease;

        Assembly(Database database, StoreLease lease) {
            this.database = database;
            this.lease = lease;
        }

        /** @param full whether this is the store's full server (server.role), not one serving the API beside it */
        WardnetServer start(WardnetConfig config, Guards guards, boolean full) throws InterruptedException {
            upward = UpwardLink.of(config, database.dataSource());
            JdbcRegistryStore registryRows = new JdbcRegistryStore(database.dataSource(), SecretKeys.load(config));
            Registry registry = Registry.open(upward.registryStore(registryRows), Clock.systemUTC());
            announcements = StoreAnnouncements.of(database.dataSource());
            // PostgreSQL: what other servers on the store write reaches this registry
            RegistryAnnouncements.listenOn(announcements, registry);
            // Registry writes are serialised by the registry itself, so one thread is enough; the
            // queue bound turns overload into 503s instead of unbounded memory.
            writes = new BlockingWork("wardnet-write", 1, config.get(WardnetKeys.SERVER_MAX_QUEUED_WRITES));
            checks = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "wardnet-check");
                thread.setDaemon(true);
                return thread;
            });
            metrics = new Metrics();
            metrics.watchRegistry(registry);
            metrics.gauge("wardnet.store.writes.queued", "Write requests waiting for the store", writes::queued);
            JsonCodec json = new JsonCodec();
            loops = new EventLoops(config.get(WardnetKeys.SERVER_IO_THREADS));
            OpsResource ops = new OpsResource(database::ping, loops::unresponsive, metrics, json, checks);
            reads = new BlockingWork("wardnet-read", config.get(WardnetKeys.STORE_MAX_POOL_SIZE),
                    config.get(WardnetKeys.SERVER_MAX_QUEUED_WRITES));
            devices = new DeviceAdapters(config);
            ScopedRegistry scoped = new ScopedRegistry(registry);
            JdbcHealthHistory journaledHistory = upward.history(new JdbcHealthHistory(database.dataSource()));
            HealthHistory history = journaledHistory;
            AccountSetup accountSetup = AccountSetup.open(config, database.dataSource(), registry, Clock.systemUTC());
            this.accountSetup = accountSetup;
            accountSetup.hearOtherServers(announcements);
            Nodes nodes = new Nodes(accountSetup.accounts(), registry, Clock.systemUTC());
            JdbcClipIndex clipIndex = upward.clipIndex(new JdbcClipIndex(database.dataSource()));
            clips = clipIndex;
            clipIndex.hearOtherServers(announcements); // PostgreSQL: other servers' slices
            HealthEventHub hub = new HealthEventHub(history);
            metrics.gauge("wardnet.events.subscribers", "Open health event streams (server-sent events)",
                    hub::subscriberCount);
            SyncedChanges synced = upward.childChanges(database.dataSource(), clipIndex);
            JdbcVerificationStore verifications = upward.verifications(new JdbcVerificationStore(database.dataSource()));
            JdbcSyncProgress progress = new JdbcSyncProgress(database.dataSource());
            children = ChildNodes.start(config, registry, nodes, progress,
                    synced, new SyncRecords(json.mapper()), hub, verifications,
                    metrics.registry(), full);
            // a child node's cameras are probed by the child, never from here (see Nodes#owns)
            health = HealthService.start(config, registry, history, hub, devices.prober(), metrics.registry(),
                    camera -> !nodes.owns(camera.siteId()), full ? children.health() : storedHealth(database));
            installer = InstallerService.start(config, registry, verifications,
                    Path.of(config.get(WardnetKeys.STORE_DATA_DIR)), writes,
                    report -> new String(json.write(InstallerViews.report(report)), StandardCharsets.UTF_8),
                    metrics.registry(), devices.discovery(), devices.inspection());
            MediaFiles media = devices.mediaFiles();
            Cameras cameras = new Cameras(scoped, config.get(WardnetKeys.API_MAX_IMPORT_ROWS), nodes);
            ApiRoutes.Registering registering = new ApiRoutes.Registering(new Sites(scoped, nodes), cameras,
                    new Installation(installer, scoped, cameras, config, nodes));
            imports = new BlockingWork("wardnet-clip-import", 1, 4);
            ApiRoutes.Footage footage = new ApiRoutes.Footage(
                    new ClipQueries(clipIndex, clipIndex, scoped, Clock.systemUTC()),
                    new ClipIngest(clipIndex, scoped, media, ImportRoots.from(config)),
                    new FootageQueries(clipIndex, scoped, history,
                            Duration.ofMillis(config.get(WardnetKeys.CLIPS_TIMELINE_TOLERANCE_MILLIS))),
                    new ClipExports(clipIndex, media, scoped, exportDirectory(config), Clock.systemUTC()),
                    reads, imports);
            try {
                auditStore = AuditStores.open(config, database);
            } catch (java.io.IOException | IllegalStateException e) {
                throw new ServerStartException("cannot open the audit trail: " + e.getMessage(), e);
            }
            AuditStores.bindMetrics(auditStore, metrics.registry());
            audit = new AuditLog(auditStore);
            try {
                live = LiveView.start(config, registry, accountSetup.authenticator(), accountSetup.sites(), audit);
            } catch (java.io.UncheckedIOException e) {
                throw new ServerStartException(e.getCause().getMessage(), e);
            }
            if (live != null) {
                live.bindMetrics(metrics.registry());
            }
            recording = RecordingService.start(config, registry, new JdbcRecordingPlanStore(database.dataSource()),
                    clipIndex, clipIndex, history::append,
                    live == null ? devices.recorders() : live.recorders(devices.recorders()), media,
                    camera -> !nodes.owns(camera.siteId()), full); // a child node records its own cameras
            JdbcCaseStore caseStore = new JdbcCaseStore(database.dataSource());
            track = TrackService.start(config, registry, new JdbcTrackStore(database.dataSource()),
                    caseStore::confirmedRoutes, clipIndex);
            ApiRoutes.Tracking tracking = new ApiRoutes.Tracking(track,
                    new Following(track, scoped, config.get(TrackKeys.TRACK_MAX_HORIZON_SECONDS),
                            config.get(TrackKeys.TRACK_MAX_CANDIDATES)),
                    new Links(track, scoped), new Sightings(new JdbcSightingStore(database.dataSource()), scoped),
                    new Cases(caseStore, track, clipIndex, scoped, auditStore,
                            new CaseExport(clipIndex, media, json.mapper(), exportDirectory(config)),
                            Clock.systemUTC()));
            ApiErrors errors = new ApiErrors();
            // Password hashing is slow on purpose: two threads, and a short queue so a login flood gets 503s.
            authWork = new BlockingWork("wardnet-auth", 2, 64);
            // A child's push is read here, off the write thread, while the push before it is applied; one
            // thread keeps the pushes in the order they came, which is the order they are applied in.
            syncReads = new BlockingWork("wardnet-sync-read", 1, 16);
            Auditing auditing = new Auditing(audit, errors, Clock.systemUTC());
            List<Endpoint> declared = ApiRoutes.all(config, registry, writes, json, ops,
                    new HealthResource(health.queries(), reads, json), registering, footage,
                    new RecordingPlans(recording, scoped, nodes), tracking, auditStore,
                    new ApiRoutes.Identity(accountSetup.accounts(), nodes,
                            new NodeStatus(nodes, progress, children.links(), history,
                                    synced),
                            children.changes(), new ChildAccess(new JdbcNodeAccessStore(database.dataSource(),
                                    SecretKeys.load(config), Clock.systemUTC())), authWork, syncReads),
                    new LiveResource(live, registry, json));
            List<Endpoint> endpoints;
            if (guards == Guards.ENFORCED) {
                AccessControl control = accountSetup.control(auditing, reads);
                endpoints = control.apply(auditing.apply(declared));
                // counted refusals reach the trail within a second of their window's end; the scan of
                // every address's window and the audit append run off the event loops
                loops.every(1_000, () -> checks.execute(control::flushRefusals));
            } else {
                endpoints = AccountSetup.unguarded(declared);
            }
            List<Router.Route> routes = new ArrayList<>(endpoints.stream().map(Endpoint::route).toList());
            routes.addAll(new ConsoleRoutes(new ConsoleFiles(WardnetServer.class.getClassLoader()), reads,
                    config.get(WardnetKeys.CONSOLE_MEDIA_ORIGINS)).routes());
            Router router = new Router(routes);
            tls = Tls.context(config);
            http = new HttpServer(HttpSettings.from(config,
                    Endpoint.templates(declared, Endpoint.Body.BULK), Endpoint.templates(declared, Endpoint.Body.BULK_BATCHES),
                    NdjsonBatch.MEDIA_TYPES), loops, router,
                    new ProblemWriter(json, errors), metrics, tls);
            metrics.gauge("wardnet.http.connections.open", "Open HTTP connections", http::openConnections);
            announcements.start(); // everything that listens has said so; changes since the loads are read again
            InetSocketAddress address = listen(config);
            upward.start(registry, new ParentAccount(accountSetup.accounts(), Clock.systemUTC()),
                    upward.snapshots(registryRows, journaledHistory, clipIndex), auditStore);
            return new WardnetServer(this, registry, declared, address);
        }

        /** Where exports and case bundles are written before they are sent: DATA/exports. */
        private static Path exportDirectory(WardnetConfig config) {
            return Path.of(config.get(WardnetKeys.STORE_DATA_DIR), "exports");
        }

        private InetSocketAddress listen(WardnetConfig config) throws InterruptedException {
            String where = config.get(WardnetKeys.SERVER_HOST) + ":" + config.get(WardnetKeys.SERVER_PORT);
            try {
                InetSocketAddress bound = http.start();
                int redirect = config.get(WardnetKeys.SERVER_HTTP_REDIRECT_PORT);
                if (redirect >= 0 && tls != null) {
                    http.startRedirect(redirect, bound.getPort());
                }
                return bound;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) { // Netty rethrows bind failures, checked ones included, undeclared
                throw new ServerStartException("cannot listen on " + where + " (server.host, server.port): "
                        + e.getMessage(), e);
            }
        }

        /** The states the full server records, heard from the store, for a server that does not probe. */
        private RemoteHealth storedHealth(Database database) {
            StoredHealth stored = new StoredHealth();
            HealthAnnouncements.listenOn(announcements, database.dataSource(), stored::changed, stored::replaceAll);
            return stored;
        }

        @Override
        public void close() {
            if (announcements != null) {
                announcements.close(); // gives its connection back before the store closes
            }
            if (upward != null) {
                upward.close();
            }
            if (children != null) {
                children.close();
            }
            if (http != null) {
                http.close();
            }
            if (loops != null) {
                loops.close();
            }
            if (recording != null) {
                recording.close(); // before the store: closing recorders index their open segments
            }
            if (live != null) {
                live.close(); // after the recorders, its consumers
            }
            if (audit != null) {
                audit.close(); // before the store: queued entries are written
            }
            if (auditStore != null) {
                AuditStores.close(auditStore); // the journal's last entries indexed, before the store closes
            }

            if (installer != null) {
                installer.close();
            }
            if (health != null) {
                health.close();
            }
            if (devices != null) {
                devices.close(); // after the use cases that probe, discover and inspect through it
            }
            if (track != null) {
                track.close(); // before the store: a camera-view fit in progress is stopped
            }
            for (BlockingWork work : new BlockingWork[] {reads, imports, authWork, syncReads}) {
                if (work != null) {
                    try {
                        work.shutdown(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            if (writes != null) {
                try {
                    writes.shutdown(30); // accepted writes finish before the store closes
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (checks != null) {
                checks.shutdownNow();
            }
            if (metrics != null) {
                metrics.close();
            }
            if (lease != null) {
                lease.close(); // last: until the store closes, this server writes it
            }
            database.close();
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** {@code http://host:port} of the API, or {@code https://} when it speaks TLS. */
    public String baseUrl() {
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        return (assembly.tls != null ? "https://" : "http://") + host + ":" + address.getPort();
    }

    /** The plain-HTTP listener that redirects to HTTPS, or null when there is none. */
    public InetSocketAddress redirectAddress() {
        return assembly.http.redirectAddress();
    }

    /** Every route as declared: access, audit decision, body limit and OpenAPI operation. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Every route of the API (the console's files, served beside it, aside). */
    public List<Router.Route> routes() {
        return endpoints.stream().map(Endpoint::route).toList();
    }

    /** The live view (relay and RTSP server), or null when {@code live.enabled} is false. */
    public LiveView live() {
        return assembly.live;
    }

    /** The health monitor, for the demo and tests. */
    public HealthService health() {
        return assembly.health;
    }

    public Registry registry() {
        return registry;
    }

    /** The recording service (plans, status). */
    public RecordingService recording() {
        return assembly.recording;
    }

    /** Track-following: the street network and the planner, for the demo. */
    public TrackService track() {
        return assembly.track;
    }

    /** The clip index, for the demo's edge-recorder footage. */
    public ClipIndex clips() {
        return assembly.clips;
    }

    /**
     * The password generated for the first administrator on this start, or null when users
     * existed already or the password came from configuration. Shown once; not stored in clear.
     */
    public String firstAdminPassword() {
        return assembly.accountSetup.firstAdminPassword();
    }

    /** Whether this start created the first administrator, the store having had no user. */
    public boolean adminCreated() {
        return assembly.accountSetup.adminCreated();
    }

    /** Users and tokens, for the demo's people. */
    public Accounts accounts() {
        return assembly.accountSetup.accounts();
    }

    public String storeDescription() {
        return assembly.database.description();
    }

    /** Stops accepting, lets accepted writes finish, then closes the store. */
    @Override
    public void close() {
        assembly.close();
    }
}
