package org.wardnet.core.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.wardnet.core.Ticker;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;

/**
 * Probes every registered camera once per interval and turns the outcomes into health states,
 * site correlation and events.
 *
 * <p>Scheduling is a timing wheel: each camera has a fixed phase in the interval, spread by a
 * hash of its id, so load is even and no per-camera timer exists. {@link #tick} advances the
 * wheel to the present and must be called regularly (every {@code tick}) by the owner's
 * scheduler. At most {@code maxInFlight} probes run at once; the rest wait in a queue. A camera
 * whose previous probe is still running when it is due again is counted as a missed probe.
 *
 * <p>Threading: {@link #tick}, and every probe completion (handed back through {@code loop}),
 * run on one thread, the monitor's; all state is confined to it except the published health
 * map, which readers may query from any thread.
 */
public final class HealthMonitor {

    private final Registry registry;
    private final Predicate<Camera> probedHere;
    private final CameraProber prober;
    private final HealthListener listener;
    private final MonitorSettings settings;
    private final Clock clock;
    private final Ticker ticker;
    private final Executor loop;
    private final HealthStateMachine machine;
    private final SiteCorrelation correlation;

    private final List<Set<String>> wheel = new ArrayList<>();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private final Map<String, List<String>> ancestorsOf = new HashMap<>();
    private final Map<String, Integer> roundOf = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final Set<String> queued = new HashSet<>();
    private final Map<String, CameraHealth> health = new ConcurrentHashMap<>();
    /** When each failing camera's first failure of its run was seen, on the ticker. */
    private final Map<String, Long> failingSince = new HashMap<>();
    private final AtomicLong probesStarted = new AtomicLong();
    private final AtomicLong probesMissed = new AtomicLong();
    private long lastSlotIndex = -1;

    public HealthMonitor(Registry registry, CameraProber prober, HealthListener listener, MonitorSettings settings,
            Clock clock, Executor loop) {
        this(registry, prober, listener, settings, clock, loop, camera -> true);
    }

    /**
     * @param probedHere which cameras this node probes itself: the others (a child tier node's) are
     *                   left out of the schedule, and their health comes from their owner
     */
    public HealthMonitor(Registry registry, CameraProber prober, HealthListener listener, MonitorSettings settings,
            Clock clock, Executor loop, Predicate<Camera> probedHere) {
        this(registry, prober, listener, settings, clock, () -> clock.millis() * 1_000_000L, loop, probedHere);
    }

    /**
     * @param clock  stamps states and events (wall-clock time)
     * @param ticker schedules the probes and times failures: a stepped wall clock neither bunches
     *               the probes up nor pauses them, nor makes failures look longer or shorter
     */
    public HealthMonitor(Registry registry, CameraProber prober, HealthListener listener, MonitorSettings settings,
            Clock clock, Ticker ticker, Executor loop, Predicate<Camera> probedHere) {
        this.ticker = ticker;
        this.probedHere = probedHere;
        this.registry = registry;
        this.prober = prober;
        this.listener = listener;
        this.settings = settings;
        this.clock = clock;
        this.loop = loop;
        this.machine = new HealthStateMachine(settings.policy());
        this.correlation = new SiteCorrelation(settings.policy().siteCorrelationMinimum());
        for (int i = 0; i < settings.slots(); i++) {
            wheel.add(new HashSet<>());
        }
    }

    /**
     * Advances the wheel to now: reconciles with the registry once per turn, then starts the
     * probes of every slot passed since the last tick. Call on the monitor's thread.
     */
    public void tick() {
        long slotMillis = settings.tick().toMillis();
        long now = Math.floorDiv(ticker.nanos(), 1_000_000L);
        long current = Math.floorDiv(now, slotMillis);
        if (lastSlotIndex < 0) {
            reconcile();
            lastSlotIndex = current - 1;
        }
        for (long index = lastSlotIndex + 1; index <= current; index++) {
            int slot = (int) (index % wheel.size());
            if (slot == 0) {
                reconcile();
            }
            for (String cameraId : wheel.get(slot)) {
                due(cameraId);
            }
        }
        lastSlotIndex = current;
    }

    /** Adds cameras the registry gained, drops those it lost, follows cameras that moved site. */
    public void reconcile() {
        Set<String> seen = new HashSet<>();
        for (Camera camera : registry.queries().cameras(new ListQuery(null,
                Integer.MAX_VALUE, null, null)).items()) {
            if (!probedHere.test(camera)) {
                continue;
            }
            seen.add(camera.id());
            List<String> ancestors = ancestors(camera.siteId());
            List<String> known = ancestorsOf.get(camera.id());
            if (known == null) {
                add(camera.id(), ancestors);
            } else if (!known.equals(ancestors)) {
                correlation.remove(camera.id(), known);
                correlation.add(camera.id(), ancestors);
                ancestorsOf.put(camera.id(), ancestors);
            }
        }
        for (String cameraId : new ArrayList<>(ancestorsOf.keySet())) {
            if (!seen.contains(cameraId)) {
                remove(cameraId);
            }
        }
    }

    private void add(String cameraId, List<String> ancestors) {
        int slot = Math.floorMod(mix(cameraId.hashCode()), wheel.size());
        wheel.get(slot).add(cameraId);
        slotOf.put(cameraId, slot);
        ancestorsOf.put(cameraId, ancestors);
        roundOf.put(cameraId, 0);
        correlation.add(cameraId, ancestors);
        health.put(cameraId, CameraHealth.unknown(cameraId, clock.instant()));
    }

    /**
     * How long the camera has been failing, by the ticker. A run of failures this monitor did not
     * see begin (health read back from the store after a restart) counts from its recorded start.
     */
    private Duration failingFor(String cameraId, CameraHealth before, boolean ok, Instant now) {
        if (ok) {
            failingSince.remove(cameraId);
            return Duration.ZERO;
        }
        long tick = ticker.nanos();
        long alreadyFailing = before.firstFailure() == null ? 0
                : Math.max(0, Duration.between(before.firstFailure(), now).toNanos());
        long since = failingSince.computeIfAbsent(cameraId, id -> tick - alreadyFailing);
        return Duration.ofNanos(tick - since);
    }

    private void remove(String cameraId) {
        failingSince.remove(cameraId);
        wheel.get(slotOf.remove(cameraId)).remove(cameraId);
        correlation.remove(cameraId, ancestorsOf.remove(cameraId));
        roundOf.remove(cameraId);
        health.remove(cameraId);
        if (queued.remove(cameraId)) {
            queue.remove(cameraId);
        }
    }

    private void due(String cameraId) {
        if (inFlight.contains(cameraId) || queued.contains(cameraId)) {
            probesMissed.incrementAndGet();
            return;
        }
        if (inFlight.size() >= settings.maxInFlight()) {
            queue.add(cameraId);
            queued.add(cameraId);
            return;
        }
        start(cameraId);
    }

    private void start(String cameraId) {
        Camera camera = registry.camera(cameraId).orElse(null);
        if (camera == null) {
            return; // deleted since the last reconcile
        }
        int round = roundOf.merge(cameraId, 1, Integer::sum);
        ProbeDepth depth = settings.mediaEveryRound() > 0 && round % settings.mediaEveryRound() == 0
                ? ProbeDepth.MEDIA : settings.depth();
        inFlight.add(cameraId);
        probesStarted.incrementAndGet();
        prober.probe(camera, depth).whenComplete((outcome, error) -> loop.execute(() -> finished(cameraId,
                outcome != null ? outcome : ProbeOutcome.failed(0, ProbeErrorClass.CLOSED,
                        "probe failed unexpectedly: " + error))));
    }

    private void finished(String cameraId, ProbeOutcome outcome) {
        inFlight.remove(cameraId);
        CameraHealth before = health.get(cameraId);
        List<String> ancestors = ancestorsOf.get(cameraId);
        if (before != null && ancestors != null) {
            Instant now = clock.instant();
            CameraHealth after = machine.next(before, outcome, now, failingFor(cameraId, before, outcome.ok(), now));
            health.put(cameraId, after);
            boolean connectionFailure = !outcome.ok() && outcome.error().isConnectionError();
            List<HealthEvent> siteEvents = correlation.update(cameraId, ancestors, connectionFailure, now,
                    id -> outcome.ok() ? "ok" : outcome.error().name());
            siteEvents.forEach(listener::on);
            if (after.state() != before.state()) {
                String group = correlation.unreachableAmong(ancestors);
                boolean alarm = group == null && after.state() == HealthState.OFFLINE;
                listener.on(new HealthEvent(now, HealthEvent.Subject.CAMERA, cameraId, before.state().name(),
                        after.state().name(), after.reason() != null ? after.reason()
                                : outcome.ok() ? "answered in " + outcome.rttMillis() + " ms" : outcome.message(),
                        alarm, group));
            }
        }
        while (inFlight.size() < settings.maxInFlight() && !queue.isEmpty()) {
            String next = queue.poll();
            queued.remove(next);
            start(next);
        }
    }

    private List<String> ancestors(String siteId) {
        List<String> chain = new ArrayList<>(3);
        Set<String> seen = new HashSet<>();
        for (String id = siteId; id != null && seen.add(id); ) {
            chain.add(id);
            id = registry.site(id).map(Site::parentId).orElse(null);
        }
        return List.copyOf(chain);
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B1;
        return h ^ (h >>> 15);
    }

    /** The camera's health, or null when it is not monitored. Any thread. */
    public CameraHealth health(String cameraId) {
        return health.get(cameraId);
    }

    /** Every monitored camera's health. Any thread; a snapshot that may be a tick old. */
    public Map<String, CameraHealth> all() {
        return Map.copyOf(health);
    }

    public boolean siteUnreachable(String siteId) {
        return correlation.isUnreachable(siteId);
    }

    public long probesStarted() {
        return probesStarted.get();
    }

    public long probesMissed() {
        return probesMissed.get();
    }

    public int inFlight() {
        return inFlight.size();
    }

    public int queuedProbes() {
        return queue.size();
    }

    public MonitorSettings settings() {
        return settings;
    }

    /** Runs {@code task} on the monitor's thread. */
    public void execute(Runnable task) {
        loop.execute(task);
    }
}
