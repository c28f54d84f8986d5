package org.wardnet.app.recording;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.clips.ClipRetentionStore;
import org.wardnet.core.clips.MediaFiles;
import org.wardnet.core.clips.Outages;
import org.wardnet.core.clips.RetentionPolicy;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.recording.RecorderSettings;
import org.wardnet.core.recording.RecorderStats;
import org.wardnet.core.recording.RecordingPlan;
import org.wardnet.core.recording.RecordingPlanStore;
import org.wardnet.core.recording.Segment;
import org.wardnet.core.recording.StreamRecorder;
import org.wardnet.core.recording.StreamRecorders;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.Tier;

/**
 * Records the cameras whose plans say so. Every few seconds it works out which cameras should be
 * recording now (the nearest plan: the camera's, else its site's, up the tree; a camera needs an
 * RTSP URL) and starts or stops their recorders, at most {@code recording.maxCameras} at once, each
 * on a thread of its own. A closed segment is indexed at once. At start, segments on disk the index
 * lacks are repaired and indexed first ({@link RecordingRecovery}).
 */
public final class RecordingService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingService.class);
    /** How long a recorder's thread stays once its recorder has stopped, for the next one to take. */
    private static final long IDLE_THREAD_SECONDS = 5;

    private final Registry registry;
    private final RecordingPlanStore plans;
    private final ClipIndex index;
    private final Path root;
    private final RecorderSettings settings;
    private final ZoneId zone;
    private final int maxCameras;
    /** Which cameras this node records (a child tier node's are recorded by the child). */
    private final Predicate<Camera> recordedHere;
    /** recording.enabled: without it plans are kept and answered, and nothing records. */
    private final boolean enabled;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService threads;
    private final ScheduledExecutorService reconciler;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile Map<String, RecordingPlan> planBySubject = Map.of();
    private volatile List<String> waiting = List.of();
    private final DiskGuard disk;
    private volatile String alarm;
    private final int recovered;

    /** A recorder at work, with what it has done. */
    /** What a recorder last did, written on its thread, read by the status. */
    private static final class LastSeen {
        private volatile Instant segmentEnd;
        private volatile String failure;
        private volatile Instant failureAt;
    }

    private record Running(StreamRecorder recorder, Instant since, AtomicInteger indexed, LastSeen last,
            AtomicBoolean down) {
    }

    /** Where recorder state changes go: the camera's history, beside its health (the timeline reads both). */
    private final Consumer<List<HealthEvent>> history;

    private final StreamRecorders recorders;

    private RecordingService(WardnetConfig config, Registry registry, RecordingPlanStore plans, ClipIndex index,
            Consumer<List<HealthEvent>> history, StreamRecorders recorders,
            MediaFiles media, Predicate<Camera> recordedHere) {
        this.recordedHere = recordedHere;
        this.history = history;
        this.recorders = recorders;
        this.registry = registry;
        this.plans = plans;
        this.index = index;
        String directory = config.get(WardnetKeys.RECORDING_DIRECTORY);
        this.root = (directory.isEmpty() ? Path.of(config.get(WardnetKeys.STORE_DATA_DIR), "recordings")
                : Path.of(directory)).toAbsolutePath();
        int stall = config.get(WardnetKeys.RECORDING_STALL_SECONDS);
        this.settings = new RecorderSettings(Duration.ofSeconds(config.get(WardnetKeys.RECORDING_SEGMENT_SECONDS)),
                Duration.ofSeconds(stall), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(config.get(WardnetKeys.RECORDING_KEY_FRAME_TIMEOUT_SECONDS)));
        this.zone = ZoneId.of(config.get(WardnetKeys.RECORDING_TIME_ZONE));
        this.maxCameras = config.get(WardnetKeys.RECORDING_MAX_CAMERAS);
        AtomicInteger count = new AtomicInteger();
        // A thread per running recorder. Idle threads end: a fixed pool would start a new thread for each
        // recorder (re)started until it held maxCameras of them, most idle for good (a soak with recorders
        // stopped and started every ten minutes saw the count climb by two each time).
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxCameras, maxCameras, IDLE_THREAD_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "wardnet-recorder-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.threads = pool;
        this.enabled = config.get(WardnetKeys.RECORDING_ENABLED);
        this.reconciler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wardnet-recording-plans");
            thread.setDaemon(true);
            return thread;
        });
        this.disk = new DiskGuard(root, config.get(WardnetKeys.RECORDING_MIN_FREE_BYTES));
        this.recovered = RecordingRecovery.run(root, index, media);
        reloadPlans();
    }

    /**
     * Recovers unindexed segments, then starts recording and the retention passes; with
     * recording.enabled false it only answers plans (retention still runs).
     */
    public static RecordingService start(WardnetConfig config, Registry registry, RecordingPlanStore plans,
            ClipIndex index, ClipRetentionStore retention,
            Consumer<List<HealthEvent>> history, StreamRecorders recorders,
            MediaFiles media) {
        return start(config, registry, plans, index, retention, history, recorders, media, camera -> true, true);
    }

    /**
     * @param recordedHere which cameras this node records itself: a child tier node's cameras are
     *                     recorded by the child, whatever plan covers them here
     * @param retains      whether this server runs the retention passes (once per store: a server
     *                     serving the API beside the store's full server does not)
     */
    public static RecordingService start(WardnetConfig config, Registry registry, RecordingPlanStore plans,
            ClipIndex index, ClipRetentionStore retention,
            Consumer<List<HealthEvent>> history, StreamRecorders recorders,
            MediaFiles media, Predicate<Camera> recordedHere, boolean retains) {
        RecordingService service = new RecordingService(config, registry, plans, index, history, recorders, media,
                recordedHere);
        if (service.enabled) {
            service.reconciler.scheduleWithFixedDelay(service::reconcile, 0, 5, TimeUnit.SECONDS);
        }
        if (!retains) {
            return service;
        }
        RetentionJob job = new RetentionJob(retention, registry, policy(config), Clock.systemUTC());
        int minutes = config.get(WardnetKeys.RETENTION_INTERVAL_MINUTES);
        service.reconciler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.warn("retention pass failed: {}", e.toString());
            }
        }, minutes, minutes, TimeUnit.MINUTES);
        return service;
    }

    /** The retention policy the configuration describes. */
    public static RetentionPolicy policy(WardnetConfig config) {
        Map<Tier, Duration> ages = new EnumMap<>(
                Tier.class);
        ages.put(Tier.CENTER, Duration.ofDays(config.get(WardnetKeys.RETENTION_CENTER_DAYS)));
        ages.put(Tier.SUBSTATION,
                Duration.ofDays(config.get(WardnetKeys.RETENTION_SUBSTATION_DAYS)));
        ages.put(Tier.ROOM, Duration.ofDays(config.get(WardnetKeys.RETENTION_ROOM_DAYS)));
        Map<Tier, Long> bytes = new EnumMap<>(
                Tier.class);
        bytes.put(Tier.CENTER, config.get(WardnetKeys.RETENTION_CENTER_BYTES));
        bytes.put(Tier.SUBSTATION, config.get(WardnetKeys.RETENTION_SUBSTATION_BYTES));
        bytes.put(Tier.ROOM, config.get(WardnetKeys.RETENTION_ROOM_BYTES));
        return new RetentionPolicy(ages, bytes);
    }

    public Path root() {
        return root;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<RecordingPlan> plans() {
        return plans.all();
    }

    /** Stores a plan and applies it at once. */
    public void putPlan(RecordingPlan plan) {
        plans.put(plan);
        reloadPlans();
        if (enabled) {
            reconciler.execute(this::reconcile);
        }
    }

    public boolean removePlan(String subjectId) {
        boolean removed = plans.remove(subjectId);
        reloadPlans();
        if (enabled) {
            reconciler.execute(this::reconcile);
        }
        return removed;
    }

    private void reloadPlans() {
        Map<String, RecordingPlan> bySubject = new HashMap<>();
        plans.all().forEach(p -> bySubject.put(p.subjectId(), p));
        planBySubject = bySubject;
    }

    /** The plan that applies to a camera: its own, else the nearest site's up the tree. */
    public Optional<RecordingPlan> planFor(Camera camera) {
        Map<String, RecordingPlan> bySubject = planBySubject;
        RecordingPlan own = bySubject.get(camera.id());
        if (own != null) {
            return Optional.of(own);
        }
        String site = camera.siteId();
        for (int depth = 0; site != null && depth < 16; depth++) {
            RecordingPlan plan = bySubject.get(site);
            if (plan != null) {
                return Optional.of(plan);
            }
            site = registry.site(site).map(Site::parentId).orElse(null);
        }
        return Optional.empty();
    }

    private void reconcile() {
        try {
            Instant now = clock.instant();
            List<Camera> wanted = new ArrayList<>();
            String diskAlarm = disk.alarm().orElse(null);
            if (diskAlarm != null && alarm == null) {
                LOG.error("recording paused: {}", diskAlarm);
            } else if (diskAlarm == null && alarm != null) {
                LOG.info("recording resumes: {} is over", alarm);
            }
            alarm = diskAlarm;
            if (diskAlarm == null && !planBySubject.isEmpty()) {
                for (Camera camera : registry.queries().allCameras()) {
                    if (camera.rtsp() != null && recordedHere.test(camera)
                            && planFor(camera).map(p -> p.records(now, zone)).orElse(false)) {
                        wanted.add(camera);
                    }
                }
            }
            List<String> over = new ArrayList<>();
            Map<String, Camera> keep = new LinkedHashMap<>();
            for (Camera camera : wanted) {
                if (keep.size() < maxCameras || running.containsKey(camera.id())) {
                    keep.put(camera.id(), camera);
                } else {
                    over.add(camera.id());
                }
            }
            if (!over.isEmpty() && !over.equals(waiting)) {
                LOG.warn("recording: {} planned cameras exceed recording.maxCameras={}; waiting: {}", over.size(),
                        maxCameras, over.size() > 10 ? over.subList(0, 10) + "..." : over);
            }
            waiting = over;
            for (String id : new ArrayList<>(running.keySet())) {
                if (!keep.containsKey(id)) {
                    running.remove(id).recorder().stop();
                    note(id, Outages.RECORDING, Outages.NOT_RECORDING,
                            diskAlarm != null ? diskAlarm : "recording stopped by its plan", now);
                }
            }
            for (Camera camera : keep.values()) {
                running.computeIfAbsent(camera.id(), id -> launch(camera, now));
            }
        } catch (RuntimeException e) {
            LOG.warn("recording plans could not be applied: {}", e.toString());
        }
    }

    private Running launch(Camera camera, Instant now) {
        AtomicInteger indexed = new AtomicInteger();
        AtomicBoolean down = new AtomicBoolean();
        LastSeen last = new LastSeen();
        StreamRecorder recorder = recorders.create(camera.id(), camera.rtsp().url(),
                camera.rtsp().credentials().username(), camera.rtsp().credentials().password(),
                root.resolve(camera.id()), settings, new StreamRecorder.Listener() {
                    @Override
                    public void segmentClosed(Segment segment) {
                        if (down.compareAndSet(true, false)) {
                            note(segment.cameraId(), Outages.RECORDER_DOWN,
                                    Outages.RECORDING, "recording again", segment.start());
                        }
                        index.add(List.of(new Clip(0, segment.cameraId(), segment.start(), segment.end(),
                                segment.file().toAbsolutePath().toString(), segment.bytes(), segment.codec(),
                                segment.width(), segment.height(), segment.keyFrames(), segment.sha256(),
                                ClipOrigin.RECORDED)));
                        indexed.incrementAndGet();
                        last.segmentEnd = segment.end();
                    }

                    @Override
                    public void streamFailed(String cameraId, String reason, Duration backoff) {
                        disk.failed(reason);
                        if (down.compareAndSet(false, true)) {
                            note(cameraId, Outages.RECORDING,
                                    Outages.RECORDER_DOWN, reason, clock.instant());
                        }
                        last.failureAt = clock.instant();
                        last.failure = reason;
                    }
                }, clock);
        threads.execute(recorder);
        note(camera.id(), Outages.NOT_RECORDING, Outages.RECORDING,
                "recording started", now);
        LOG.info("recording {} from {}", camera.id(), camera.rtsp().url());
        return new Running(recorder, now, indexed, last, down);
    }

    /** What is recording now. */
    public RecordingStatus status() {
        List<RecordingStatus.Recorder> cameras = new ArrayList<>();
        running.forEach((id, r) -> {
            RecorderStats stats = r.recorder().stats();
            cameras.add(new RecordingStatus.Recorder(id, r.since(), r.indexed().get(), stats.packets(),
                    stats.droppedBeforeKeyFrame(), stats.droppedWithoutTimestamp(), stats.droppedNonIncreasing(),
                    stats.reconnects(), stats.keyFrameTimeouts(), r.last().segmentEnd, r.last().failure,
                    r.last().failureAt));
        });
        cameras.sort(Comparator.comparing(RecordingStatus.Recorder::cameraId));
        return new RecordingStatus(root.toString(), running.size(), maxCameras, waiting, recovered, alarm,
                disk.usage(), cameras);
    }

    /** Writes a recorder state change into the camera's history; a failure to write is logged, not thrown. */
    private void note(String cameraId, String from, String to, String reason, Instant at) {
        try {
            history.accept(List.of(new HealthEvent(at,
                    HealthEvent.Subject.CAMERA, cameraId, from, to,
                    reason == null ? null : reason.substring(0, Math.min(reason.length(), 900)), false, null)));
        } catch (RuntimeException e) {
            LOG.warn("recording: cannot note {} -> {} for {}: {}", from, to, cameraId, e.toString());
        }
    }

    /** Stops every recorder; each closes and indexes its open segment (within the stall timeout). */
    @Override
    public void close() {
        reconciler.shutdownNow();
        Instant now = clock.instant();
        running.forEach((id, r) -> {
            r.recorder().stop();
            note(id, Outages.RECORDING, Outages.NOT_RECORDING,
                    "recorder stopped", now);
        });
        running.clear();
        threads.shutdown();
        try {
            if (!threads.awaitTermination(settings.ioTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                LOG.warn("recording: some recorders did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
