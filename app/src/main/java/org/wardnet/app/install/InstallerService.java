package org.wardnet.app.install;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.install.CameraInspection;
import org.wardnet.core.install.DeviceDiscovery;
import org.wardnet.core.install.DiscoveryResult;
import org.wardnet.core.install.DiscoveryScope;
import org.wardnet.core.install.Inspection;
import org.wardnet.core.install.VerificationReport;
import org.wardnet.core.install.VerificationStore;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Registry;

/**
 * The installer's tools behind the API: WS-Discovery, single and bulk verification, and keeping
 * what a verification learns (the checklist, the snapshot, the stream URIs as the camera's RTSP
 * URLs so that health probing uses them). Device I/O runs on the adapters' own event loops; store writes on
 * the server's write queue; nothing blocks an HTTP event loop.
 *
 * <p>Bulk verifications run at most {@code onvif.verifyConcurrency} cameras at a time, each batch
 * pulling its next camera as one finishes. Batches are kept in memory until restart.
 */
public final class InstallerService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InstallerService.class);

    private final Registry registry;
    private final VerificationStore verifications;
    private final SnapshotStore snapshots;
    private final BlockingWork writes;
    private final CameraInspection inspector;
    private final DeviceDiscovery discovery;
    private final Function<VerificationReport, String> render;
    private final Clock clock = Clock.systemUTC();
    private final int concurrency;
    private final Map<String, VerifyBatch> batches = new ConcurrentHashMap<>();
    private final RegistryUpdates updates;
    private final MeterRegistry meters;

    private InstallerService(WardnetConfig config, Registry registry, VerificationStore verifications, Path dataDir,
            BlockingWork writes, Function<VerificationReport, String> render, MeterRegistry meters,
            DeviceDiscovery discovery, CameraInspection inspector) {
        this.meters = meters;
        this.registry = registry;
        this.verifications = verifications;
        this.snapshots = new SnapshotStore(dataDir.resolve("snapshots"));
        this.writes = writes;
        this.render = render;
        this.concurrency = config.get(WardnetKeys.ONVIF_VERIFY_CONCURRENCY);
        this.inspector = inspector;
        this.discovery = discovery;
        this.updates = new RegistryUpdates(registry);
    }

    /**
     * @param meters    where verifications and discoveries are counted
     * @param discovery WS-Discovery; its I/O runs on event loops of its own
     * @param inspector the verify checklist; its I/O runs on event loops of its own
     */
    public static InstallerService start(WardnetConfig config, Registry registry, VerificationStore verifications,
            Path dataDir, BlockingWork writes, Function<VerificationReport, String> render, MeterRegistry meters,
            DeviceDiscovery discovery, CameraInspection inspector) {
        return new InstallerService(config, registry, verifications, dataDir, writes, render, meters, discovery,
                inspector);
    }

    /** Probes and marks each device found as registered (with its camera id) or new. */
    public CompletableFuture<Discovery> discover(DiscoveryScope scope, Duration window) {
        return discovery.discover(scope, window).thenApply(result -> {
            meters.counter("wardnet.discovery.devices", "mode", scope.isMulticast() ? "multicast" : "range")
                    .increment(result.devices().size());
            meters.counter("wardnet.discovery.unreadable").increment(result.unreadable());
            if (result.unreadable() > 0) {
                LOG.warn("discovery {}: {} unreadable answers; the first: {}", scope.describe(), result.unreadable(),
                        result.firstProblem());
            }
            return new Discovery(scope, result, knownAddresses());
        });
    }

    /** What a discovery found, with the registry's cameras by ONVIF host:port. */
    public record Discovery(DiscoveryScope scope, DiscoveryResult result, Map<String, String> registeredByAddress) {
    }

    /** host:port of every registered camera's ONVIF URL (and RTSP host, for plain RTSP registrations) to its id. */
    private Map<String, String> knownAddresses() {
        Map<String, String> known = new HashMap<>();
        for (Camera camera : registry.queries().allCameras()) {
            if (camera.onvif() != null) {
                known.putIfAbsent(hostPort(camera.onvif().url()), camera.id());
            }
            if (camera.rtsp() != null) {
                known.putIfAbsent(host(camera.rtsp().url()), camera.id());
            }
        }
        return known;
    }

    public static String hostPort(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() + ":" + (uri.getPort() < 0 ? 80 : uri.getPort());
        } catch (Exception e) {
            return url;
        }
    }

    static String host(String url) {
        try {
            return new URI(url).getHost();
        } catch (Exception e) {
            return url;
        }
    }

    /**
     * Verifies one camera now and keeps the results. Completes with the report; fails only when the
     * camera does not exist or has no ONVIF endpoint (checked by the caller first).
     */
    public CompletableFuture<VerificationReport> verify(Camera camera) {
        return inspector.inspect(camera.id(), camera.onvif().url(), camera.onvif().credentials().username(),
                camera.onvif().credentials().password()).thenCompose(this::keep);
    }

    private CompletableFuture<VerificationReport> keep(Inspection inspection) {
        VerificationReport report = inspection.report();
        meters.counter("wardnet.verifications", "result", report.passed() ? "passed" : "failed",
                "step", report.firstFailure().map(c -> c.step().name()).orElse("none")).increment();
        return writes.submit(() -> {
            if (inspection.snapshot() != null) {
                snapshots.save(report.cameraId(), inspection.snapshot());
            }
            verifications.save(report.cameraId(), report.finishedAt(), report.passed(), render.apply(report));
            updates.apply(report);
            return report;
        });
    }

    /** Starts verifying {@code cameraIds} in the background; returns the batch at once. */
    public VerifyBatch startBatch(List<String> cameraIds) {
        VerifyBatch batch = new VerifyBatch(UUID.randomUUID().toString(), cameraIds, clock.instant());
        batches.put(batch.id(), batch);
        Queue<String> pending = new ArrayDeque<>(cameraIds);
        LOG.info("verification {}: {} cameras, {} at a time", batch.id(), cameraIds.size(), concurrency);
        for (int i = 0; i < Math.min(concurrency, cameraIds.size()); i++) {
            next(batch, pending);
        }
        return batch;
    }

    private void next(VerifyBatch batch, Queue<String> pending) {
        String id;
        synchronized (pending) {
            id = pending.poll();
        }
        if (id == null) {
            return;
        }
        Optional<Camera> camera = registry.camera(id);
        CompletableFuture<VerificationReport> run = camera.isPresent() && camera.get().onvif() != null
                ? verify(camera.get())
                : CompletableFuture.completedFuture(RegistryUpdates.notVerifiable(id, camera.isPresent(), clock.instant()));
        run.whenComplete((report, error) -> {
            VerificationReport result = report != null ? report
                    : RegistryUpdates.internalFailure(id, error, clock.instant());
            batch.record(result, clock.instant());
            if (batch.finished()) {
                VerifyBatch.Status status = batch.status(Integer.MAX_VALUE);
                LOG.info("verification {} done: {} passed, {} failed of {} ({})", batch.id(), status.passed(),
                        status.failed(), status.total(), status.failuresByStep());
            }
            next(batch, pending);
        });
    }

    public Optional<VerifyBatch> batch(String id) {
        return Optional.ofNullable(batches.get(id));
    }

    public Optional<String> storedVerification(String cameraId) {
        return verifications.load(cameraId);
    }

    /**
     * The snapshot of the camera's stored verification. The verification row goes with its camera
     * (a foreign key), so a deleted camera's file, left on disk until a camera of that id is
     * verified again, is never served.
     */
    public Optional<byte[]> snapshot(String cameraId) {
        return verifications.load(cameraId).isPresent() ? snapshots.load(cameraId) : Optional.empty();
    }

    /** Nothing to release: device I/O belongs to the discovery and inspection handed in. */
    @Override
    public void close() {
    }
}
