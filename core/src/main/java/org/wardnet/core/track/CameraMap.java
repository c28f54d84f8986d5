package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.wardnet.core.registry.GeoPoint;

/**
 * Where every camera is: on the plane, and on the street network when one is known and the camera
 * is within {@code streetReach} metres of a street (a camera deep inside an estate is not passed
 * by street traffic). Updated one camera at a time when cameras are added, moved or removed, so
 * nothing is recomputed for the rest of the district. Reads may run concurrently with updates.
 *
 * <p>Each camera watching a street knows where a passer-by comes into its view, each way along
 * it: a camera looking up the street sees people before they reach it. A camera sees as its own
 * {@link CameraView} says once one is fitted to its confirmed hops, else as the district's view
 * (lenses and mounting heights are not in the registry); without a heading, all round. Limits: a
 * camera watches the streets within {@code streetReach}, whatever its own view's reach.
 */
public final class CameraMap {

    private static final double CELL = 100;
    private static final Comparator<Watch> BY_OFFSET = Comparator.comparingDouble(Watch::offset)
            .thenComparing(w -> w.spot().cameraId());

    private final StreetNetwork network;
    private final LocalPlane plane;
    private final double streetReach;
    private final CameraView view;
    private final Map<String, Spot> spots = new ConcurrentHashMap<>();
    /** Cameras whose own view is known (fitted to their confirmed hops); the rest see as {@link #view}. */
    private final Map<String, Own> ownViews = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> cells = new ConcurrentHashMap<>();
    /** Per edge, the cameras watching it by offset; replaced whole on change. */
    private final Watch[][] onEdge;
    /** Per edge, the same cameras in the order a subject walking from {@code from} to {@code to} enters their views. */
    private final Watch[][] forwardOrder;
    /** Per edge, in the order a subject walking from {@code to} to {@code from} enters their views. */
    private final Watch[][] backwardOrder;

    /**
     * @param network     the streets, or null to plan by straight-line distance only
     * @param plane       the projection (the network's own when there is one)
     * @param streetReach how far from a street a camera may be and still watch it, metres
     */
    public CameraMap(StreetNetwork network, LocalPlane plane, double streetReach) {
        this(network, plane, streetReach, CameraView.DEFAULT);
    }

    /** As above, with cameras taken to see as {@code view} says. */
    public CameraMap(StreetNetwork network, LocalPlane plane, double streetReach, CameraView view) {
        this.view = view;
        this.network = network;
        this.plane = network != null ? network.plane() : plane;
        this.streetReach = streetReach;
        this.onEdge = new Watch[network == null ? 0 : network.edgeCount()][];
        this.forwardOrder = new Watch[onEdge.length][];
        this.backwardOrder = new Watch[onEdge.length][];
        Arrays.fill(onEdge, new Watch[0]);
        Arrays.fill(forwardOrder, new Watch[0]);
        Arrays.fill(backwardOrder, new Watch[0]);
    }

    public StreetNetwork network() {
        return network;
    }

    public CameraView view() {
        return view;
    }

    /** The same cameras on the same streets, taken to see as {@code other} says unless they have a view of their own. */
    public synchronized CameraMap withView(CameraView other) {
        return copy(other, ownViews);
    }

    /** The same cameras on the same streets, seeing as the district's view says except those in {@code own}. */
    public synchronized CameraMap withOwnViews(Map<String, Own> own) {
        return copy(view, own);
    }

    /** The same cameras on the same streets, seeing as {@code district} says except those in {@code own}. */
    public synchronized CameraMap withViews(CameraView district, Map<String, Own> own) {
        return copy(district, own);
    }

    private CameraMap copy(CameraView district, Map<String, Own> own) {
        CameraMap copy = new CameraMap(network, plane, streetReach, district);
        spots.values().forEach(s -> copy.put(s.cameraId(), s.location(), s.heading(), own.get(s.cameraId())));
        return copy;
    }

    /** How {@code cameraId} is taken to see: its own view when it has one, else the district's. */
    public CameraView viewOf(String cameraId) {
        Own own = ownViews.get(cameraId);
        return own == null ? view : own.view();
    }

    /** How many cameras see as their own view says. */
    public int ownViewCount() {
        return ownViews.size();
    }

    /** The camera's own view, or null while it sees as the district's view says. */
    public Own ownView(String cameraId) {
        return ownViews.get(cameraId);
    }

    /** Every camera on the map. */
    public Collection<Spot> spots() {
        return Collections.unmodifiableCollection(spots.values());
    }

    public LocalPlane plane() {
        return plane;
    }

    /** Adds the camera or moves it to {@code location}; it sees as the district's view says. */
    public synchronized void put(String cameraId, GeoPoint location, Double heading) {
        put(cameraId, location, heading, null);
    }

    /**
     * As above, seeing as {@code ownView} says (null: the district's view). {@code heading} stays
     * the registered one; the own view's heading, when it has one, is where the camera is taken to face.
     */
    public synchronized void put(String cameraId, GeoPoint location, Double heading, Own ownView) {
        remove(cameraId);
        if (ownView != null) {
            ownViews.put(cameraId, ownView);
        }
        CameraView sees = viewOf(cameraId);
        Double facing = ownView == null ? heading : ownView.heading();
        double x = plane.x(location);
        double y = plane.y(location);
        List<StreetNetwork.Placement> watched = network == null ? List.of() : network.within(x, y, streetReach);
        Spot spot = new Spot(cameraId, location, x, y, heading, watched.isEmpty() ? null : watched.get(0));
        spots.put(cameraId, spot);
        cells.computeIfAbsent(cell(x, y), k -> ConcurrentHashMap.newKeySet()).add(cameraId);
        for (StreetNetwork.Placement placement : watched) {
            Watch[] old = onEdge[placement.edge()];
            Watch[] now = Arrays.copyOf(old, old.length + 1);
            double[] seen = entering(sees, x, y, facing, placement);
            now[old.length] = new Watch(spot, placement.offset(), sight(sees, x, y, facing, placement), seen[0], seen[1]);
            Arrays.sort(now, BY_OFFSET);
            index(placement.edge(), now);
        }
    }

    public synchronized void remove(String cameraId) {
        Spot old = spots.remove(cameraId);
        ownViews.remove(cameraId);
        if (old == null) {
            return;
        }
        Set<String> cell = cells.get(cell(old.x(), old.y()));
        if (cell != null) {
            cell.remove(cameraId);
        }
        if (old.placement() != null) {
            for (StreetNetwork.Placement placement : network.within(old.x(), old.y(), streetReach)) {
                index(placement.edge(), Arrays.stream(onEdge[placement.edge()])
                        .filter(w -> !w.spot().cameraId().equals(cameraId)).toArray(Watch[]::new));
            }
        }
    }

    public Spot spot(String cameraId) {
        return spots.get(cameraId);
    }

    public int size() {
        return spots.size();
    }

    /** The street edges {@code cameraId} watches, nearest first, each with how it watches it; empty when off the streets. */
    public List<Watching> watching(String cameraId) {
        Spot spot = spots.get(cameraId);
        if (spot == null || spot.placement() == null) {
            return List.of();
        }
        List<Watching> out = new ArrayList<>();
        for (StreetNetwork.Placement placement : network.within(spot.x(), spot.y(), streetReach)) {
            for (Watch watch : onEdge[placement.edge()]) {
                if (watch.spot().cameraId().equals(cameraId)) {
                    out.add(new Watching(placement.edge(), watch));
                }
            }
        }
        return out;
    }

    /** The cameras watching {@code edge}, by offset from its {@code from} node. */
    public Watch[] camerasOn(int edge) {
        return onEdge[edge];
    }

    /** The cameras watching {@code edge} in the order a subject going {@code from} → {@code to} comes into their view. */
    public Watch[] enteredForward(int edge) {
        return forwardOrder[edge];
    }

    /** The cameras watching {@code edge} in the order a subject going {@code to} → {@code from} comes into their view. */
    public Watch[] enteredBackward(int edge) {
        return backwardOrder[edge];
    }

    private void index(int edge, Watch[] byOffset) {
        onEdge[edge] = byOffset;
        Watch[] forward = byOffset.clone();
        Arrays.sort(forward, Comparator.comparingDouble(Watch::seenForward).thenComparing(w -> w.spot().cameraId()));
        forwardOrder[edge] = forward;
        Watch[] backward = byOffset.clone();
        Arrays.sort(backward, Comparator.comparingDouble(Watch::seenBackward).reversed()
                .thenComparing(w -> w.spot().cameraId()));
        backwardOrder[edge] = backward;
    }

    /**
     * Where along the edge a passer-by first comes into the camera's view, going forward and going
     * backward: the first and last points of the street the camera's view takes in. A camera looking
     * up the street sees people before they reach it; one looking down the street only once they
     * have passed. With no such point, both are the nearest point.
     */
    private double[] entering(CameraView view, double x, double y, Double heading, StreetNetwork.Placement placement) {
        int edge = placement.edge();
        double length = network.length(edge);
        double x0 = network.nodeX(network.from(edge));
        double y0 = network.nodeY(network.from(edge));
        double ux = (network.nodeX(network.to(edge)) - x0) / length;
        double uy = (network.nodeY(network.to(edge)) - y0) / length;
        double first = Double.NaN;
        double last = Double.NaN;
        for (double along = -view.reachMeters(); along <= view.reachMeters(); along += 1) {
            double at = placement.offset() + along;
            if (at < 0 || at > length) {
                continue;
            }
            double px = x0 + ux * at;
            double py = y0 + uy * at;
            if (!view.sees(Math.hypot(px - x, py - y), Math.toDegrees(Math.atan2(px - x, py - y)), heading)) {
                continue;
            }
            first = Double.isNaN(first) ? at : first;
            last = at;
        }
        return Double.isNaN(first) ? new double[] {placement.offset(), placement.offset()} : new double[] {first, last};
    }

    /** Cameras within {@code radius} metres (straight line) of (x, y). */
    public List<Spot> within(double x, double y, double radius) {
        List<Spot> out = new ArrayList<>();
        int reach = (int) Math.ceil(radius / CELL);
        long cx = (long) Math.floor(x / CELL);
        long cy = (long) Math.floor(y / CELL);
        for (long i = cx - reach; i <= cx + reach; i++) {
            for (long j = cy - reach; j <= cy + reach; j++) {
                Set<String> ids = cells.get((i << 32) ^ (j & 0xffffffffL));
                if (ids == null) {
                    continue;
                }
                for (String id : ids) {
                    Spot s = spots.get(id);
                    if (s != null && Math.hypot(s.x() - x, s.y() - y) <= radius) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    /**
     * How well a camera watches its street: 1 when its view takes in some point of the street (or
     * it hangs over the street), else 0.15 (a camera facing away still catches some passers-by in
     * its corner, and a camera standing a little too far off may still see the far side).
     */
    private double sight(CameraView view, double x, double y, Double heading, StreetNetwork.Placement placement) {
        if (placement.lateral() < 5) {
            return 1;
        }
        if (heading == null) {
            return placement.lateral() <= view.reachMeters() ? 1 : 0.15;
        }
        int edge = placement.edge();
        double x0 = network.nodeX(network.from(edge));
        double y0 = network.nodeY(network.from(edge));
        double ux = (network.nodeX(network.to(edge)) - x0) / network.length(edge);
        double uy = (network.nodeY(network.to(edge)) - y0) / network.length(edge);
        for (double along = -view.reachMeters(); along <= view.reachMeters(); along += 1) {
            double at = Math.max(0, Math.min(network.length(edge), placement.offset() + along));
            double px = x0 + ux * at;
            double py = y0 + uy * at;
            if (view.sees(Math.hypot(px - x, py - y), Math.toDegrees(Math.atan2(px - x, py - y)), heading)) {
                return 1;
            }
        }
        return 0.15;
    }

    private static long cell(double x, double y) {
        return ((long) Math.floor(x / CELL) << 32) ^ ((long) Math.floor(y / CELL) & 0xffffffffL);
    }

    /**
     * A camera's place.
     *
     * @param heading   the registered heading (an own view may take the camera to face elsewhere)
     * @param placement the nearest street point within reach; null when off the streets or no network
     */
    public record Spot(String cameraId, GeoPoint location, double x, double y, Double heading,
            StreetNetwork.Placement placement) {
    }

    /**
     * A camera watching one street edge: a camera near a crossing watches every street within reach.
     *
     * @param offset metres from the edge's {@code from} node to the point nearest the camera
     * @param sight  how well it watches that edge, 0 to 1
     * @param seenForward  where a subject going from → to first comes into its view
     * @param seenBackward where a subject going to → from first comes into its view
     */
    public record Watch(Spot spot, double offset, double sight, double seenForward, double seenBackward) {
    }

    /**
     * A camera's own view, fitted to its confirmed hops.
     *
     * @param heading which way it is taken to face, compass degrees (null: all round); may differ from the registered one
     */
    public record Own(CameraView view, Double heading) {
    }

    /** One street edge a camera watches, and how. */
    public record Watching(int edge, Watch watch) {
    }
}
