package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The geometric prior: the probability that each camera is the next one to see a subject that
 * left a given camera, and how far away it is along the way.
 *
 * <p>On a street network the subject leaves along one of the streets the origin watches, from
 * where it came into the origin's view (every street and way alike, as far as the origin sees it,
 * or favouring the way a given heading points), and at each crossing goes straight twice as often
 * as it turns, never turning back unless the street ends. Every camera it passes sees it with the
 * detection probability; what is not seen flows on. A camera's prior is the probability mass it
 * catches first. Exploration stops at the distance the mode covers within the horizon, or when the
 * mass left is negligible. Without a network (or for a camera far from any street) the same
 * first-passage rule runs over eight compass sectors around the camera, on straight-line distance
 * times a detour factor.
 *
 * <p>Limits: within one way out of the origin, a crossing is expanded once, by the shortest way
 * there; mass reaching it later by a longer way is dropped (it would mostly reach cameras already
 * counted). Excluded cameras see nothing, so the mass passes them: that is how a "lost since"
 * search reaches the next ring.
 */
public final class NextCameraModel {

    private static final double NEGLIGIBLE = 1e-5;
    /**
     * How sharply a given heading picks the way the subject left by: e^(k cos θ), so about 400:1
     * ahead against behind and 20:1 along against across. A heading read off footage is good to a
     * few tens of degrees.
     */
    private static final double HEADING_SHARPNESS = 3;
    private static final int SECTORS = 8;
    /** An off-street camera is joined to a street this far away at most. */
    private static final double JOIN_REACH = 250;

    private final double detection;
    private final double detour;

    /**
     * @param detection probability that a camera sees a subject passing it, (0, 1]
     * @param detour    street distance over straight-line distance, used without a network
     */
    public NextCameraModel(double detection, double detour) {
        if (!(detection > 0 && detection <= 1) || !(detour >= 1)) {
            throw new IllegalArgumentException("detection must be in (0, 1] and detour at least 1");
        }
        this.detection = detection;
        this.detour = detour;
    }

    public double detour() {
        return detour;
    }

    /** A camera the subject can reach next: the prior probability, and the distance travelled. */
    public record Reach(String cameraId, double probability, double distanceMeters) {
    }

    /**
     * Cameras the subject may be seen at next, by the prior, within {@code maxDistance} metres.
     *
     * @param heading  the subject's compass heading in degrees, or null if unknown
     * @param excluded cameras already reviewed without finding the subject
     */
    public List<Reach> explore(CameraMap map, CameraMap.Spot origin, TravelMode mode, double maxDistance,
            Double heading, Set<String> excluded) {
        return explore(map, origin, mode, maxDistance, heading, excluded, new Visibility());
    }

    /**
     * As above, with each camera's detection probability learned from confirmed routes where known.
     * Each way the subject may have left the origin is walked on its own, so mass reaching a
     * crossing along one way is not dropped because another way got there first.
     */
    public List<Reach> explore(CameraMap map, CameraMap.Spot origin, TravelMode mode, double maxDistance,
            Double heading, Set<String> excluded, Visibility visibility) {
        Map<String, double[]> caught = new HashMap<>();
        StreetNetwork network = map.network();
        StreetNetwork.Placement start = origin.placement();
        double joinDistance = 0;
        if (network != null && start == null) {
            start = network.nearest(origin.x(), origin.y(), JOIN_REACH);
            joinDistance = start == null ? 0 : start.lateral();
        }
        if (network != null && start != null && network.carries(mode)) {
            for (Start s : starts(map, network, origin, start, joinDistance, heading)) {
                new Walk(map, network, mode, maxDistance, origin.cameraId(), excluded, caught, visibility).run(s);
            }
        } else {
            sectors(map, origin, maxDistance, heading, excluded, caught, visibility);
        }
        List<Reach> out = new ArrayList<>(caught.size());
        caught.forEach((id, v) -> out.add(new Reach(id, v[0], v[1])));
        out.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        return out;
    }

    /**
     * Where and which way the subject may have been when the origin saw it. A camera on the streets
     * saw it on one of the edges it watches, where the subject came into its view; each edge and
     * way counts as much as the camera sees of it, times how well the way agrees with the heading.
     * A camera off the streets joins the nearest one, both ways, leaning toward the heading.
     */
    private static List<Start> starts(CameraMap map, StreetNetwork network, CameraMap.Spot origin,
            StreetNetwork.Placement nearest, double joinDistance, Double heading) {
        List<Start> out = new ArrayList<>();
        List<CameraMap.Watching> watching = map.watching(origin.cameraId());
        if (watching.isEmpty()) {
            int edge = nearest.edge();
            out.add(new Start(edge, nearest.offset(), false, joinDistance,
                    heading == null ? 1 : lean(origin.x(), origin.y(), network, network.from(edge), heading)));
            out.add(new Start(edge, nearest.offset(), true, joinDistance,
                    heading == null ? 1 : lean(origin.x(), origin.y(), network, network.to(edge), heading)));
        } else {
            for (CameraMap.Watching w : watching) {
                int edge = w.edge();
                double along = heading == null ? 0 : Math.cos(Math.toRadians(bearing(network, edge) - heading));
                double forward = Math.exp(HEADING_SHARPNESS * along);
                double backward = Math.exp(-HEADING_SHARPNESS * along);
                out.add(new Start(edge, w.watch().seenForward(), true, 0, w.watch().sight() * forward));
                out.add(new Start(edge, w.watch().seenBackward(), false, 0, w.watch().sight() * backward));
            }
        }
        double total = out.stream().mapToDouble(Start::mass).sum();
        return out.stream().map(s -> new Start(s.edge, s.offset, s.forward, s.distance, s.mass / total)).toList();
    }

    /** The compass bearing of {@code edge} walked from its {@code from} node to its {@code to} node. */
    private static double bearing(StreetNetwork network, int edge) {
        return Math.toDegrees(Math.atan2(network.nodeX(network.to(edge)) - network.nodeX(network.from(edge)),
                network.nodeY(network.to(edge)) - network.nodeY(network.from(edge))));
    }

    private static double lean(double x, double y, StreetNetwork network, int node, double heading) {
        double bearing = Math.toDegrees(Math.atan2(network.nodeX(node) - x, network.nodeY(node) - y));
        return 0.5 + 0.4 * Math.cos(Math.toRadians(bearing - heading));
    }

    private void sectors(CameraMap map, CameraMap.Spot origin, double maxDistance, Double heading,
            Set<String> excluded, Map<String, double[]> caught, Visibility visibility) {
        List<CameraMap.Spot> near = map.within(origin.x(), origin.y(), maxDistance / detour);
        near.sort((a, b) -> Double.compare(Math.hypot(a.x() - origin.x(), a.y() - origin.y()),
                Math.hypot(b.x() - origin.x(), b.y() - origin.y())));
        double[] mass = new double[SECTORS];
        double total = 0;
        for (int s = 0; s < SECTORS; s++) {
            double bearing = s * 360.0 / SECTORS;
            mass[s] = heading == null ? 1 : 0.5 + 0.4 * Math.cos(Math.toRadians(bearing - heading));
            total += mass[s];
        }
        for (int s = 0; s < SECTORS; s++) {
            mass[s] /= total;
        }
        for (CameraMap.Spot spot : near) {
            if (spot.cameraId().equals(origin.cameraId())) {
                continue;
            }
            double dx = spot.x() - origin.x();
            double dy = spot.y() - origin.y();
            double bearing = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
            // sectors are centred on the compass points, so a street running north or east lies inside one
            int s = (int) ((bearing + 180.0 / SECTORS) / (360.0 / SECTORS)) % SECTORS;
            if (mass[s] < NEGLIGIBLE || excluded.contains(spot.cameraId())) {
                continue;
            }
            double seen = visibility.rate(spot.cameraId(), detection);
            caught.put(spot.cameraId(), new double[] {mass[s] * seen, Math.hypot(dx, dy) * detour});
            mass[s] *= 1 - seen;
        }
    }

    /** One exploration of the street network. */
    private final class Walk {
        private final CameraMap map;
        private final StreetNetwork network;
        private final TravelMode mode;
        private final double maxDistance;
        private final String originId;
        private final Set<String> excluded;
        private final Map<String, double[]> caught;
        private final PriorityQueue<Arrival> queue = new PriorityQueue<>((a, b) -> Double.compare(a.distance, b.distance));
        private final boolean[] expanded;
        private final Visibility visibility;

        Walk(CameraMap map, StreetNetwork network, TravelMode mode, double maxDistance, String originId,
                Set<String> excluded, Map<String, double[]> caught, Visibility visibility) {
            this.visibility = visibility;
            this.map = map;
            this.network = network;
            this.mode = mode;
            this.maxDistance = maxDistance;
            this.originId = originId;
            this.excluded = excluded;
            this.caught = caught;
            this.expanded = new boolean[network.nodeCount()];
        }

        void run(Start start) {
            walkEdge(start.edge, start.offset, start.forward, start.distance, start.mass);
            while (!queue.isEmpty()) {
                Arrival arrival = queue.poll();
                if (expanded[arrival.node]) {
                    continue;
                }
                expanded[arrival.node] = true;
                leave(arrival);
            }
        }

        /** Walks {@code edge} from {@code offset} toward its {@code to} node (forward) or its {@code from} node. */
        private void walkEdge(int edge, double offset, boolean forward, double distance, double mass) {
            if (forward) {
                for (CameraMap.Watch watch : map.enteredForward(edge)) {
                    double at = watch.seenForward();
                    if (at >= offset) {
                        mass = pass(watch, distance + at - offset, mass);
                        if (mass < 0) {
                            return;
                        }
                    }
                }
                arrive(network.to(edge), edge, distance + network.length(edge) - offset, mass);
            } else {
                for (CameraMap.Watch watch : map.enteredBackward(edge)) {
                    double at = watch.seenBackward();
                    if (at < offset) {
                        mass = pass(watch, distance + offset - at, mass);
                        if (mass < 0) {
                            return;
                        }
                    }
                }
                arrive(network.from(edge), edge, distance + offset, mass);
            }
        }

        /** Mass left after passing the camera; negative when out of reach. */
        private double pass(CameraMap.Watch watch, double distance, double mass) {
            if (distance > maxDistance) {
                return -1;
            }
            String id = watch.spot().cameraId();
            if (id.equals(originId) || excluded.contains(id)) {
                return mass;
            }
            double seen = visibility.rate(id, detection * watch.sight());
            double[] c = caught.computeIfAbsent(id, k -> new double[] {0, distance});
            c[0] += mass * seen;
            c[1] = Math.min(c[1], distance);
            return mass * (1 - seen);
        }

        private void arrive(int node, int viaEdge, double distance, double mass) {
            if (distance <= maxDistance && mass >= NEGLIGIBLE && !expanded[node]) {
                queue.add(new Arrival(node, viaEdge, distance, mass));
            }
        }

        private void leave(Arrival arrival) {
            int node = arrival.node;
            int[] edges = network.incident(node);
            int came = network.other(arrival.viaEdge, node);
            double inX = network.nodeX(node) - network.nodeX(came);
            double inY = network.nodeY(node) - network.nodeY(came);
            double[] weights = new double[edges.length];
            double total = 0;
            for (int i = 0; i < edges.length; i++) {
                int e = edges[i];
                if (e == arrival.viaEdge || !network.mayLeave(e, node, mode)) {
                    continue;
                }
                int next = network.other(e, node);
                double outX = network.nodeX(next) - network.nodeX(node);
                double outY = network.nodeY(next) - network.nodeY(node);
                double cos = (inX * outX + inY * outY) / (Math.hypot(inX, inY) * Math.hypot(outX, outY));
                weights[i] = cos > 0.85 ? 2 : 1;
                total += weights[i];
            }
            if (total == 0) {
                return; // a dead end: the subject turns back toward cameras already counted
            }
            for (int i = 0; i < edges.length; i++) {
                if (weights[i] > 0) {
                    int e = edges[i];
                    boolean forward = network.from(e) == node;
                    walkEdge(e, forward ? 0 : network.length(e), forward, arrival.distance,
                            arrival.mass * weights[i] / total);
                }
            }
        }
    }

    private record Arrival(int node, int viaEdge, double distance, double mass) {
    }

    /** A way the subject may have left the origin: along {@code edge} from {@code offset}, with this share of the mass. */
    private record Start(int edge, double offset, boolean forward, double distance, double mass) {
    }
}
