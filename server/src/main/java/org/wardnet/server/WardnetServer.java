package org.wardnet.server;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.api.ApiErrors;
import org.wardnet.server.api.ApiRoutes;
import org.wardnet.server.http.BlockingWork;
import org.wardnet.server.http.EventLoops;
import org.wardnet.server.http.HttpServer;
import org.wardnet.server.http.HttpSettings;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.ProblemWriter;
import org.wardnet.server.http.Router;
import org.wardnet.server.ops.Metrics;
import org.wardnet.server.ops.OpsResource;
import org.wardnet.storage.Database;
import org.wardnet.storage.JdbcRegistryStore;

/**
 * A running Wardnet: store, registry, metrics and HTTP API, wired from one configuration.
 * {@link #start} returns once the API is listening; {@link #close} stops it gracefully, letting
 * accepted writes finish before the store is closed.
 */
public final class WardnetServer implements AutoCloseable {

    private final Database database;
    private final Registry registry;
    private final BlockingWork writes;
    private final ExecutorService checks;
    private final Metrics metrics;
    private final EventLoops loops;
    private final HttpServer http;
    private final Router router;
    private final InetSocketAddress address;

    private WardnetServer(Database database, Registry registry, BlockingWork writes, ExecutorService checks,
            Metrics metrics, EventLoops loops, HttpServer http, Router router, InetSocketAddress address) {
        this.database = database;
        this.registry = registry;
        this.writes = writes;
        this.checks = checks;
        this.metrics = metrics;
        this.loops = loops;
        this.http = http;
        this.router = router;
        this.address = address;
    }

    /** Opens the store, loads the registry and starts listening. */
    public static WardnetServer start(WardnetConfig config) throws InterruptedException {
        Database database = Database.open(config);
        Registry registry = Registry.open(new JdbcRegistryStore(database.dataSource()), Clock.systemUTC());
        // Registry writes are serialised by the registry itself, so one thread is enough; the
        // queue bound turns overload into 503s instead of unbounded memory.
        BlockingWork writes = new BlockingWork("wardnet-write", 1, config.get(WardnetKeys.SERVER_MAX_QUEUED_WRITES));
        ExecutorService checks = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "wardnet-check");
            thread.setDaemon(true);
            return thread;
        });
        Metrics metrics = new Metrics();
        metrics.watchRegistry(registry);
        metrics.gauge("wardnet.store.writes.queued", "Write requests waiting for the store", writes::queued);
        JsonCodec json = new JsonCodec();
        EventLoops loops = new EventLoops(config.get(WardnetKeys.SERVER_IO_THREADS));
        OpsResource ops = new OpsResource(database::ping, loops::unresponsive, metrics, json, checks);
        Router router = new Router(ApiRoutes.all(config, registry, writes, json, ops));
        HttpServer http = new HttpServer(HttpSettings.from(config, ApiRoutes.IMPORT_PATH), loops, router,
                new ProblemWriter(json, new ApiErrors()), metrics);
        metrics.gauge("wardnet.http.connections.open", "Open HTTP connections", http::openConnections);
        InetSocketAddress address;
        try {
            address = http.start();
        } catch (InterruptedException | RuntimeException e) {
            http.close();
            loops.close();
            database.close();
            throw e;
        }
        return new WardnetServer(database, registry, writes, checks, metrics, loops, http, router, address);
    }

    public InetSocketAddress address() {
        return address;
    }

    /** {@code http://host:port} of the API. */
    public String baseUrl() {
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        return "http://" + host + ":" + address.getPort();
    }

    /** Every route the API answers. */
    public java.util.List<Router.Route> routes() {
        return router.routes();
    }

    public Registry registry() {
        return registry;
    }

    public String storeDescription() {
        return database.description();
    }

    @Override
    public void close() {
        http.close();
        loops.close();
        try {
            writes.shutdown(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checks.shutdownNow();
        metrics.close();
        database.close();
    }
}
