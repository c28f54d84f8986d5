package org.wardnet.app.install;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.wardnet.app.registry.Cameras;
import org.wardnet.app.registry.RecordOwners;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.install.DiscoveredDevice;
import org.wardnet.core.install.DiscoveryScope;
import org.wardnet.core.install.VerificationReport;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.CameraImport;
import org.wardnet.core.registry.Ids;

/**
 * The installer's workflow as a caller runs it: discovery (a device registered outside the
 * caller's scope shows as registered, without its camera id), registering discovered devices to a
 * site in scope, verifying one camera or a batch of them, and reading back checklists, snapshots
 * and batch progress. Device I/O is asynchronous; stored checklists and snapshots are read from
 * the store and the disk (blocking).
 */
public final class Installation {

    private final InstallerService installer;
    private final RecordOwners owners;
    private final ScopedRegistry registry;
    private final Cameras cameras;
    private final WardnetConfig config;

    public Installation(InstallerService installer, ScopedRegistry registry, Cameras cameras, WardnetConfig config) {
        this(installer, registry, cameras, config, RecordOwners.NONE);
    }

    /** @param owners the child tier nodes, whose cameras they verify themselves */
    public Installation(InstallerService installer, ScopedRegistry registry, Cameras cameras, WardnetConfig config,
            RecordOwners owners) {
        this.owners = owners;
        this.installer = installer;
        this.registry = registry;
        this.cameras = cameras;
        this.config = config;
    }

    /**
     * A discovery as asked: an address range ("a.b.c.d-e.f.g.h" or CIDR) or the multicast group on
     * an interface; port and listening window default from onvif.discovery*.
     */
    public record DiscoveryRequest(String range, Boolean multicast, String networkInterface, Integer port,
            Integer windowMillis) {
    }

    /**
     * One device found.
     *
     * @param registered whether a registered camera has its address
     * @param cameraId   that camera's id when it is in the caller's scope, else null
     */
    public record FoundDevice(DiscoveredDevice device, String xaddr, boolean registered, String cameraId) {
    }

    /** What a discovery found. */
    public record Found(DiscoveryScope scope, int probesSent, int answers, int unreadable, List<FoundDevice> candidates) {

        public long registered() {
            return candidates.stream().filter(FoundDevice::registered).count();
        }
    }

    /** One discovered device to register; id, name and location default from the request. */
    public record Device(String xaddr, String endpoint, String id, String name, CameraDraft.Location location) {
    }

    /** Discovered devices to register to one site with one set of credentials, verified at once if asked. */
    public record Registration(String siteId, String username, String password, CameraDraft.Location location,
            List<Device> candidates, Boolean verify) {
    }

    /** What a registration did, and the verification it started (or null). */
    public record Registered(CameraImport.Outcome outcome, VerifyBatch verification) {
    }

    /**
     * @throws DomainException INVALID for a bad port, window or range; the future fails with
     *                         UNPROCESSABLE (discovery-failed) when the probe cannot be sent
     */
    public CompletableFuture<Found> discover(Caller caller, DiscoveryRequest request) {
        int port = request.port() == null ? config.get(WardnetKeys.ONVIF_DISCOVERY_PORT) : request.port();
        if (port < 1 || port > 65_535) {
            throw DomainException.badRequest("port", "must be 1..65535");
        }
        int window = request.windowMillis() == null ? config.get(WardnetKeys.ONVIF_DISCOVERY_WINDOW_MILLIS)
                : request.windowMillis();
        if (window < 100 || window > 30_000) {
            throw DomainException.badRequest("windowMillis", "must be 100..30000");
        }
        boolean multicast = Boolean.TRUE.equals(request.multicast());
        if (multicast == (request.range() != null)) {
            throw DomainException.badRequest(multicast ? "range" : "multicast",
                    "give either a range or \"multicast\": true");
        }
        DiscoveryScope scope;
        if (multicast) {
            String nic = request.networkInterface() != null ? request.networkInterface()
                    : config.get(WardnetKeys.ONVIF_DISCOVERY_INTERFACE);
            scope = DiscoveryScope.multicast(nic.isEmpty() ? NetworkInterfaces.firstLan() : nic, port);
        } else {
            try {
                scope = DiscoveryScope.range(request.range(), port,
                        config.get(WardnetKeys.ONVIF_MAX_DISCOVERY_ADDRESSES));
            } catch (IllegalArgumentException e) {
                throw DomainException.badRequest("range", e.getMessage());
            }
        }
        return installer.discover(scope, Duration.ofMillis(window)).handle((found, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                throw new CompletionException(new DomainException(DomainException.Kind.UNPROCESSABLE,
                        "discovery-failed", "Discovery failed", scope.describe() + ": " + cause.getMessage()));
            }
            return found(caller, found);
        });
    }

    private Found found(Caller caller, InstallerService.Discovery found) {
        Map<String, String> known = found.registeredByAddress();
        List<FoundDevice> candidates = new ArrayList<>();
        for (DiscoveredDevice device : found.result().devices()) {
            String xaddr = device.xaddrs().isEmpty() ? null : device.xaddrs().get(0);
            String cameraId = xaddr == null ? null : known.get(InstallerService.hostPort(xaddr));
            if (cameraId == null) {
                cameraId = known.get(device.address());
            }
            candidates.add(new FoundDevice(device, xaddr, cameraId != null,
                    cameraId != null && registry.sees(caller, cameraId) ? cameraId : null));
        }
        return new Found(found.scope(), found.result().probesSent(), found.result().answers(),
                found.result().unreadable(), candidates);
    }

    /**
     * Registers discovered devices (not atomic: good candidates are kept when one is bad), and
     * starts verifying those registered when asked. Re-registering the same devices changes nothing.
     *
     * @throws DomainException INVALID for no candidates or more than api.maxImportRows
     */
    public Registered register(Caller caller, Registration request) {
        int max = config.get(WardnetKeys.API_MAX_IMPORT_ROWS);
        if (request.candidates() == null || request.candidates().isEmpty()) {
            throw DomainException.badRequest("candidates", "list at least one discovered device");
        }
        if (request.candidates().size() > max) {
            throw DomainException.badRequest("candidates", "at most " + max + " per request");
        }
        List<CameraImport.Row> rows = new ArrayList<>();
        int number = 1;
        for (Device d : request.candidates()) {
            String id = d.id() != null ? d.id() : idFor(d);
            String name = d.name() != null ? d.name() : "ONVIF camera " + host(d.xaddr());
            CameraDraft.Location location = d.location() != null ? d.location() : request.location();
            rows.add(new CameraImport.Row(number++, new CameraDraft(id, request.siteId(), name, location, null, null,
                    null, null, new CameraDraft.Onvif(d.xaddr(), request.username(), request.password()), null),
                    List.of()));
        }
        CameraImport.Outcome outcome = cameras.importRows(caller, rows, false);
        List<String> ready = new ArrayList<>();
        for (CameraImport.RowResult result : outcome.results()) {
            if (result.status() != CameraImport.Status.FAILED) {
                ready.add(result.id());
            }
        }
        VerifyBatch batch = Boolean.TRUE.equals(request.verify()) && !ready.isEmpty() ? installer.startBatch(ready)
                : null;
        return new Registered(outcome, batch);
    }

    /** Starts verifying the imported cameras that have an ONVIF endpoint. */
    public VerifyBatch verifyImported(CameraImport.Outcome outcome) {
        List<String> ids = new ArrayList<>();
        for (CameraImport.RowResult result : outcome.results()) {
            if (result.status() != CameraImport.Status.FAILED
                    && registry.registry().camera(result.id()).map(c -> c.onvif() != null).orElse(false)) {
                ids.add(result.id());
            }
        }
        return installer.startBatch(ids);
    }

    /** @throws DomainException NOT_FOUND (not in scope), CONFLICT (no ONVIF endpoint) */
    public CompletableFuture<VerificationReport> verify(Caller caller, String cameraId) {
        Camera camera = registry.camera(caller, cameraId);
        owners.requireOwnedHere(camera.siteId(), "camera '" + cameraId + "'");
        if (camera.onvif() == null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "no-onvif", "Not an ONVIF camera",
                    "camera '" + cameraId + "' has no ONVIF endpoint; add onvif {url, username, password} to verify it");
        }
        return installer.verify(camera);
    }

    /** The camera's latest stored checklist, as stored (JSON). */
    public String storedVerification(Caller caller, String cameraId) {
        registry.camera(caller, cameraId);
        return installer.storedVerification(cameraId).orElseThrow(() -> new DomainException(
                DomainException.Kind.NOT_FOUND, "not-verified", "Not verified",
                "camera '" + cameraId + "' was never verified"));
    }

    /** The JPEG its latest verification fetched. */
    public byte[] snapshot(Caller caller, String cameraId) {
        registry.camera(caller, cameraId);
        return installer.snapshot(cameraId).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "no-snapshot", "No snapshot", "camera '" + cameraId + "' has no snapshot yet; verify it first"));
    }

    /**
     * Starts verifying a site's whole subtree, or a list of cameras, in the background.
     *
     * @throws DomainException INVALID (neither or both given, a camera outside the scope, too many),
     *                         NOT_FOUND (the site is not in the scope)
     */
    public VerifyBatch startBatch(Caller caller, String siteId, List<String> cameraIds) {
        if ((siteId == null) == (cameraIds == null)) {
            throw DomainException.badRequest("site", "give either a site (its whole subtree is verified) or cameraIds");
        }
        if (siteId != null) {
            registry.site(caller, siteId);
        } else {
            for (String cameraId : cameraIds) {
                if (!registry.sees(caller, cameraId)) {
                    throw DomainException.badRequest("cameraIds", "no camera '" + cameraId + "'");
                }
            }
        }
        List<String> ids = siteId != null ? registry.registry().queries().cameraIdsInSubtree(siteId) : cameraIds;
        // a child node's cameras are verified by the node, which holds their credentials
        ids = ids.stream().filter(id -> registry.registry().camera(id)
                .map(c -> owners.ownerOf(c.siteId()).isEmpty()).orElse(true)).toList();
        int max = config.get(WardnetKeys.API_MAX_IMPORT_ROWS);
        if (ids.size() > max) {
            throw DomainException.badRequest("cameraIds", ids.size() + " cameras; at most " + max + " per verification");
        }
        return installer.startBatch(ids);
    }

    /** A batch whose cameras all lie in the caller's scope; others are as missing as none. */
    public VerifyBatch batch(Caller caller, String id) {
        return installer.batch(id).filter(b -> b.cameraIds().stream()
                .allMatch(cameraId -> registry.seesRecordOf(caller, cameraId)))
                .orElseThrow(() -> DomainException.notFound("no verification '" + id + "'"));
    }

    /** A stable id from the device's endpoint reference, else its address: registering twice finds the same camera. */
    static String idFor(Device d) {
        String basis = d.endpoint() != null ? d.endpoint() : String.valueOf(d.xaddr());
        String id = "onvif-" + UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8)).toString().substring(0, 18);
        return Ids.isValid(id) ? id : "onvif-" + Integer.toHexString(basis.hashCode());
    }

    private static String host(String xaddr) {
        try {
            return new URI(xaddr).getHost();
        } catch (Exception e) {
            return String.valueOf(xaddr);
        }
    }
}
