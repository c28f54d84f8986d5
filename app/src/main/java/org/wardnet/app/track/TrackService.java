package org.wardnet.app.track;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.TrackKeys;
import org.wardnet.core.access.Caller;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.Timeline;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.CameraWatcher;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.track.CameraMap;
import org.wardnet.core.track.CameraView;
import org.wardnet.core.track.ClockOffsets;
import org.wardnet.core.track.RouteFit;
import org.wardnet.core.track.Corridor;
import org.wardnet.core.track.FollowPlan;
import org.wardnet.core.track.FollowPlanner;
import org.wardnet.core.track.FollowQuery;
import org.wardnet.core.track.LocalPlane;
import org.wardnet.core.track.NextCameraModel;
import org.wardnet.core.track.OwnViewFit;
import org.wardnet.core.track.RouteCheck;
import org.wardnet.core.track.StreetDistance;
import org.wardnet.core.track.StreetNetwork;
import org.wardnet.core.track.StreetSegment;
import org.wardnet.core.track.TrackCase;
import org.wardnet.core.track.TrackLink;
import org.wardnet.core.track.TrackLinks;
import org.wardnet.core.track.TrackStore;
import org.wardnet.core.track.TransitionMemory;
import org.wardnet.core.track.TravelMode;
import org.wardnet.core.track.TravelSpeeds;
import org.wardnet.core.track.ViewFit;
import org.wardnet.core.track.Visibility;

/**
 * Owns the live track map: every registered camera placed on the stored street network (kept up
 * to date as cameras are added, moved or removed), the manual links, and the travel times learned
 * from confirmed cases. Answers follow requests with each candidate's clips from one per-camera
 * seek of its own window. Replacing the street network rebuilds the map (milliseconds for a
 * district); everything else is incremental.
 */
public final class TrackService implements CameraWatcher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackService.class);
    private static final int OFF_STREET_EXAMPLES = 10;
    private static final int CLOCK_EXAMPLES = 10;
    private static final int CLOCK_READING_LEGS = 5;

    private final Registry registry;
    private final TrackStore store;
    private final ClipIndex clips;
    private final NextCameraModel model;
    private final TransitionMemory memory = new TransitionMemory();
    private final TrackLinks links = new TrackLinks();
    private final Visibility visibility = new Visibility();
    private final double streetReach;
    private final int priorStrength;
    private final long skewMillis;
    private final int clipsPerCandidate;
    private volatile FollowPlanner planner;
    private volatile List<StreetSegment> streets = List.of();
    private ViewFitter viewFitter;
    private RouteFitter routeFitter;
    private volatile RouteFit routeFit = RouteFit.NONE;

    private TrackService(WardnetConfig config, Registry registry, TrackStore store, ClipIndex clips) {
        this.registry = registry;
        this.store = store;
        this.clips = clips;
        this.model = new NextCameraModel(config.get(TrackKeys.TRACK_DETECTION_PERCENT) / 100.0,
                config.get(TrackKeys.TRACK_DETOUR_PERCENT) / 100.0);
        this.streetReach = config.get(TrackKeys.TRACK_STREET_REACH_METERS);
        this.priorStrength = config.get(TrackKeys.TRACK_PRIOR_STRENGTH);
        this.skewMillis = config.get(TrackKeys.TRACK_CLOCK_SKEW_SECONDS) * 1000L;
        this.clipsPerCandidate = config.get(TrackKeys.TRACK_CLIPS_PER_CANDIDATE);
    }

    /** As below, with no confirmed cases to fit the cameras' clocks to. */
    public static TrackService start(WardnetConfig config, Registry registry, TrackStore store, ClipIndex clips) {
        return start(config, registry, store, List::of, clips);
    }

    /**
     * Loads the street network, links and learned hops, places every camera, and follows registry
     * changes; fits the cameras' clocks to {@code confirmedRoutes} in the background, now and after
     * each confirmation.
     */
    public static TrackService start(WardnetConfig config, Registry registry, TrackStore store,
            Supplier<List<ClockOffsets.Route>> confirmedRoutes, ClipIndex clips) {
        TrackService service = new TrackService(config, registry, store, clips);
        store.links().forEach(service.links::put);
        store.transitions().forEach(t -> service.memory.restore(t.from(), t.to(), t.mode(), t.times()));
        store.visibility().forEach((id, c) -> service.visibility.restore(id, c[0], c[1]));
        int known = service.memory.pairs().stream().mapToInt(ViewFit.Pair::hops).sum();
        int every = config.get(TrackKeys.TRACK_VIEW_FIT_HOPS);
        service.viewFitter = new ViewFitter(new ViewFit(service.model, service.visibility, Math.max(1, every)),
                new OwnViewFit(service.model, service.visibility, config.get(TrackKeys.TRACK_OWN_VIEW_HOPS)), store,
                () -> service.planner.map(), service.memory::pairs, service::useViews, every, known, Clock.systemUTC());
        service.routeFitter = new RouteFitter(confirmedRoutes,
                () -> new StreetDistance(service.planner.map(), service.model.detour())::between, service::useRouteFit,
                Clock.systemUTC());
        service.rebuild(store.streets());
        registry.watchCameras(service);
        service.viewFitter.catchUp();
        service.routeFitter.refit();
        return service;
    }

    private synchronized void rebuild(List<StreetSegment> segments) {
        StreetNetwork network = segments.isEmpty() ? null : StreetNetwork.of(segments);
        List<Camera> cameras = List.copyOf(registry.queries().allCameras());
        LocalPlane plane = network != null ? network.plane()
                : cameras.isEmpty() ? new LocalPlane(0, 0)
                : new LocalPlane(cameras.get(0).location().lat(), cameras.get(0).location().lon());
        CameraMap map = new CameraMap(network, plane, streetReach, viewFitter.view());
        Map<String, OwnViewFit.OwnView> own = viewFitter.ownViews();
        cameras.forEach(c -> {
            OwnViewFit.OwnView v = own.get(c.id());
            map.put(c.id(), c.location(), c.heading(), v == null ? null : v.own());
        });
        planner = new FollowPlanner(map, model, memory, links, visibility, priorStrength, skewMillis, routeFit);
        streets = List.copyOf(segments);
        LOG.info("track map: {} cameras, {} street segments", map.size(), segments.size());
    }

    /** Rebuilds the map with cameras seeing as a new fit says; the streets and cameras stay. */
    private synchronized void useViews(TrackStore.FittedView fitted) {
        planner = new FollowPlanner(OwnViewFit.apply(planner.map().withView(fitted.view()), fitted.cameras()), model,
                memory, links, visibility, priorStrength, skewMillis, routeFit);
    }

    /** Reads every camera's clock by its new offset, and each mode's speeds as learned, from now on. */
    private synchronized void useRouteFit(RouteFit fit) {
        routeFit = fit;
        planner = new FollowPlanner(planner.map(), model, memory, links, visibility, priorStrength, skewMillis, fit);
    }

    /** The cameras' clock offsets as last fitted ({@link ClockOffsets#NONE} before the first fit). */
    public ClockOffsets clocks() {
        return routeFit.clocks();
    }

    // synchronized with rebuilds, so that a camera added while a map is rebuilt is not lost
    @Override
    public synchronized void cameraPut(Camera camera) {
        CameraMap map = planner.map();
        CameraMap.Spot was = map.spot(camera.id());
        // a camera that stays where it was, facing as registered, keeps the view fitted to its hops
        boolean unmoved = was != null && was.location().equals(camera.location())
                && Objects.equals(was.heading(), camera.heading());
        map.put(camera.id(), camera.location(), camera.heading(), unmoved ? map.ownView(camera.id()) : null);
    }

    @Override
    public synchronized void cameraRemoved(String cameraId) {
        planner.map().remove(cameraId);
    }

    @Override
    public void close() {
        viewFitter.close();
        routeFitter.close();
    }

    /** Replaces the street network. Blocks on the store. */
    public void replaceStreets(List<StreetSegment> segments) {
        if (!segments.isEmpty()) {
            StreetNetwork.of(segments); // refuses a network of zero-length segments before anything is stored
        }
        store.replaceStreets(segments);
        rebuild(segments);
    }

    /** What the map holds now. */
    public Summary summary() {
        CameraMap map = planner.map();
        StreetNetwork network = map.network();
        TrackStore.FittedView fitted = viewFitter.fitted();
        return new Summary(map.size(), streets.size(), network == null ? 0 : network.nodeCount(),
                network == null ? 0 : network.edgeCount(), new View(map.view().reachMeters(),
                        map.view().halfAngleDegrees(), map.view().closeMeters(), fitted == null ? 0 : fitted.hops(),
                        fitted == null ? null : fitted.fittedAt(), map.ownViewCount()), check(map), clockSummary(), speedSummary());
    }

    private List<Speeds> speedSummary() {
        TravelSpeeds speeds = routeFit.speeds();
        List<Speeds> out = new ArrayList<>();
        for (TravelMode mode : TravelMode.values()) {
            TravelSpeeds.Spread learned = speeds.learned(mode);
            out.add(new Speeds(mode, learned == null ? 0 : learned.legs(), round2(speeds.slowest(mode)),
                    round2(speeds.typical(mode)), round2(speeds.fastest(mode))));
        }
        return out;
    }

    private Clocks clockSummary() {
        RouteFitter.Fitted f = routeFitter.fitted();
        if (f == null) {
            return new Clocks(0, 0, null, List.of());
        }
        ClockOffsets offsets = f.fit().clocks();
        List<ClockReading> furthest = offsets.all().entrySet().stream()
                .filter(e -> offsets.legs(e.getKey()) >= CLOCK_READING_LEGS)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(CLOCK_EXAMPLES)
                .map(e -> new ClockReading(e.getKey(), Math.round(e.getValue() * 10) / 10.0, offsets.legs(e.getKey())))
                .toList();
        return new Clocks(offsets.size(), f.routes(), f.at(), furthest);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static MapCheck check(CameraMap map) {
        StreetNetwork network = map.network();
        if (network == null) {
            return new MapCheck(0, 0, 0, 0, 0, List.of());
        }
        List<String> off = map.spots().stream().filter(s -> s.placement() == null).map(CameraMap.Spot::cameraId)
                .sorted().toList();
        StreetNetwork.Check c = network.check();
        return new MapCheck(c.zeroLength(), c.duplicates(), c.pieces(),
                network.edgeCount() == 0 ? 0 : c.largestPieceEdges() / (double) network.edgeCount(), off.size(),
                off.subList(0, Math.min(OFF_STREET_EXAMPLES, off.size())));
    }

    /** The street network the map is built on, as stored (empty when none was given). */
    public List<StreetSegment> streets() {
        return streets;
    }

    /**
     * Counts of the live map, how its cameras are taken to see, what was wrong with what it was
     * given, how far the cameras' clocks are off, and the speeds per mode that follow windows use.
     */
    public record Summary(int cameras, int streetSegments, int crossings, int edges, View cameraView,
            MapCheck check, Clocks clocks, List<Speeds> speeds) {
    }

    /**
     * The cameras' clock offsets, fitted to the confirmed routes (see {@link ClockOffsets}).
     *
     * @param cameras  cameras with an offset (those on some confirmed route)
     * @param routes   confirmed routes the fit read
     * @param fittedAt when, or null before the first fit
     * @param furthest the {@value #CLOCK_EXAMPLES} cameras furthest off among those on at least
     *                 {@value #CLOCK_READING_LEGS} legs: the clocks worth setting right
     */
    public record Clocks(int cameras, int routes, Instant fittedAt, List<ClockReading> furthest) {
    }

    /**
     * A mode's speeds in use (metres per second): the configured ones blended with what
     * {@code legs} confirmed legs showed ({@link TravelSpeeds}).
     */
    public record Speeds(TravelMode mode, int legs, double slowest, double typical, double fastest) {
    }

    /** One camera's clock: seconds ahead of the median camera's (negative: behind), and the legs it rests on. */
    public record ClockReading(String cameraId, double aheadSeconds, int legs) {
    }

    /**
     * What the map made of the streets and cameras it was given; all zero without streets.
     *
     * @param zeroLengthDropped street segments whose ends are one point, dropped
     * @param duplicatesMerged  segments joining the same two points as an earlier one, merged into it
     * @param pieces            parts of the network no street joins to the rest: a subject cannot be
     *                          followed by the streets from one to another
     * @param largestPieceShare share of the street edges in the largest piece
     * @param camerasOffStreets cameras farther than {@code track.streetReachMeters} from every street:
     *                          on the map, followed from and to by straight-line distance only
     * @param offStreetExamples the first {@value #OFF_STREET_EXAMPLES} of them, by id
     */
    public record MapCheck(int zeroLengthDropped, int duplicatesMerged, int pieces, double largestPieceShare,
            int camerasOffStreets, List<String> offStreetExamples) {
    }

    /**
     * How far and how wide the cameras are taken to see.
     *
     * @param fittedHops confirmed hops the view was fitted to; 0 for the default view
     * @param fittedAt   when it was fitted, or null for the default view
     * @param camerasWithOwnView cameras on the map seeing as their own fitted view says rather than this one
     */
    public record View(double reachMeters, double halfAngleDegrees, double closeMeters, int fittedHops,
            Instant fittedAt, int camerasWithOwnView) {
    }

    public boolean covers(TravelMode mode) {
        return planner.covers(mode);
    }

    /**
     * Plans the next cameras within the caller's scope and looks up each candidate's clips in its own
     * window. Blocks on the store.
     */
    public FollowAnswer follow(Caller caller, FollowQuery query) {
        FollowPlan plan = planner.plan(query, cameraId -> proposable(caller, cameraId));
        List<FollowAnswer.Proposal> proposals = new ArrayList<>();
        double review = 0;
        for (FollowPlan.Candidate c : plan.candidates()) {
            List<Clip> found = clips.overlapping(c.cameraId(), c.windowFrom(), c.windowTo(), null, clipsPerCandidate);
            review += coveredSeconds(found, c.windowFrom(), c.windowTo());
            proposals.add(new FollowAnswer.Proposal(c, found));
        }
        CameraMap.Spot origin = planner.map().spot(query.cameraId());
        return new FollowAnswer(plan, proposals, review, new FollowAnswer.Origin(
                origin != null && origin.placement() != null, viewFitter.fitted() != null));
    }

    /** Whether a camera may be proposed to the caller: in its scope (and so still registered). */
    private boolean proposable(Caller caller, String cameraId) {
        return caller.districtWide() || registry.camera(cameraId).filter(c -> caller.sees(c.siteId())).isPresent();
    }

    /** Seconds of footage the clips hold inside the window, overlaps counted once. */
    private static double coveredSeconds(List<Clip> found, Instant from, Instant to) {
        return Timeline.of(found, from, to, Duration.ZERO, List.of()).coveredMillis() / 1000.0;
    }

    /**
     * Cameras along a route, each with its window: departure shifted by the distance at the mode's
     * fastest and slowest speeds, widened by the clock-skew margin; and the clips in that window.
     * Blocks on the store.
     */
    public CorridorAnswer corridor(Caller caller, List<GeoPoint> waypoints,
            Instant departFrom, Instant departTo, TravelMode mode, double buffer, int limit) {
        Corridor.Traversal route = new Corridor(planner.map())
                .along(waypoints, buffer);
        List<CorridorAnswer.Stop> stops = new ArrayList<>();
        double review = 0;
        int passable = 0;
        for (Corridor.Passage p : route.passages()) {
            if (!proposable(caller, p.cameraId())) {
                continue;
            }
            passable++;
            if (stops.size() == limit) {
                continue;
            }
            Instant from = Instant.ofEpochSecond(Math.floorDiv(departFrom.toEpochMilli()
                    + Math.round(p.distanceMeters() / mode.fastest() * 1000) - skewMillis, 1000L));
            Instant to = Instant.ofEpochSecond(Math.floorDiv(departTo.toEpochMilli()
                    + Math.round(p.distanceMeters() / mode.slowest() * 1000) + skewMillis + 999, 1000L));
            List<Clip> found = clips.overlapping(p.cameraId(), from, to, null, clipsPerCandidate);
            review += coveredSeconds(found, from, to);
            stops.add(new CorridorAnswer.Stop(p.cameraId(), p.distanceMeters(), from, to, found));
        }
        return new CorridorAnswer(route.lengthMeters(), stops, passable > stops.size(), review);
    }

    /** How far two cameras' clocks may disagree ({@code track.clockSkewSeconds}). */
    public double clockSkewSeconds() {
        return skewMillis / 1000.0;
    }

    /** Travel distance between two cameras, the way the planner measures it. */
    public double distance(String from, String to) {
        return new StreetDistance(planner.map(), model.detour()).between(from, to);
    }

    /** Teaches the planner the hops of a confirmed case (legs judged possible only). Blocks on the store. */
    public int learn(TrackCase trackCase, List<RouteCheck.Leg> legs) {
        List<TrackStore.Transition> changed = new ArrayList<>();
        Map<String, int[]> seen = new HashMap<>();
        Corridor streets = new Corridor(planner.map());
        int learned = 0;
        for (RouteCheck.Leg leg : legs) {
            TrackCase.Hop a = trackCase.hops().get(leg.fromSeq() - 1);
            TrackCase.Hop b = trackCase.hops().get(leg.toSeq() - 1);
            if (!leg.possible() || a.cameraId().equals(b.cameraId())) {
                continue;
            }
            memory.record(a.cameraId(), b.cameraId(), trackCase.mode(), leg.seconds()); // by the learned clocks
            List<String> missed = streets.between(a.cameraId(), b.cameraId());
            visibility.record(missed, b.cameraId());
            missed.forEach(id -> seen.put(id, visibility.counts(id)));
            seen.put(b.cameraId(), visibility.counts(b.cameraId()));
            changed.add(new TrackStore.Transition(a.cameraId(), b.cameraId(), trackCase.mode(),
                    memory.times(a.cameraId(), b.cameraId(), trackCase.mode())));
            learned++;
        }
        if (!changed.isEmpty()) {
            store.saveTransitions(changed);
            store.saveVisibility(seen);
        }
        viewFitter.learned(learned);
        routeFitter.refit();
        return learned;
    }

    public TrackLink addLink(TrackLink link) {
        TrackLink stored = store.addLink(link);
        links.put(stored);
        return stored;
    }

    public boolean deleteLink(long id) {
        boolean deleted = store.deleteLink(id);
        links.remove(id);
        return deleted;
    }

    public List<TrackLink> links() {
        return store.links();
    }

    /** Whether {@code cameraId} is on the map (registered with a location). */
    public boolean knows(String cameraId) {
        return planner.map().spot(cameraId) != null;
    }
}
