package org.wardnet.server.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wardnet.app.track.CorridorAnswer;
import org.wardnet.app.track.FollowAnswer;
import org.wardnet.app.track.TrackService;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.track.FollowPlan;
import org.wardnet.core.track.RouteCheck;
import org.wardnet.core.track.StreetSegment;
import org.wardnet.core.track.TrackCase;
import org.wardnet.core.track.TrackLink;

/** JSON shapes of track-following answers; null members are left out of the answer. */
final class TrackViews {

    private TrackViews() {
    }

    record FollowJson(List<CandidateJson> candidates, int camerasConsidered, double videoSecondsToReview,
            int candidatesOutsideScope, ModelJson model) {
    }

    /** How the prior and what was learned were blended. */
    record ModelJson(double priorWeight, double learnedWeight, int learnedHops, boolean originOnStreets,
            boolean viewFitted) {
    }

    record CandidateJson(String cameraId, double score, double prior, double learned, int learnedHops,
            String expectedArrival, WindowJson window, double distanceMeters, List<ClipJson> clips) {
    }

    record CorridorJson(double routeMeters, List<StopJson> cameras, boolean truncated, double videoSecondsToReview) {
    }

    record StopJson(String cameraId, double distanceMeters, WindowJson window, List<ClipJson> clips) {
    }

    record WindowJson(String from, String to) {
    }

    /** A clip within a window: where to start watching it. */
    record ClipJson(long id, String start, String end, double seekSeconds) {
    }

    record LinkJson(long id, String from, String to, String kind, Double distanceMeters, String mode) {
    }

    /** A case with its route, legs and history; {@code hopsLearned} only in a confirmation's answer. */
    record CaseJson(String id, String title, String siteId, String mode, String state, String created,
            String confirmed, List<HopJson> route, List<LegJson> legs, long impossibleLegs, List<HistoryJson> history,
            Integer hopsLearned) {

        CaseJson withHopsLearned(int hops) {
            return new CaseJson(id, title, siteId, mode, state, created, confirmed, route, legs, impossibleLegs, history,
                    hops);
        }
    }

    record HopJson(int seq, String cameraId, String time, Long clipId, String note, RegistryJson.LocationJson location) {
    }

    record LegJson(int from, int to, Double distanceMeters, double seconds, Double speedMetersPerSecond,
            List<String> flags, double clockCorrectionSeconds) {
    }

    record HistoryJson(int seq, String at, String action, String detail) {
    }

    static FollowJson follow(FollowAnswer answer) {
        FollowPlan plan = answer.plan();
        return new FollowJson(answer.proposals().stream().map(TrackViews::candidate).toList(),
                plan.camerasConsidered(), round(answer.videoSecondsToReview(), 1), answer.outsideScope(),
                new ModelJson(round(plan.priorWeight(), 4), round(1 - plan.priorWeight(), 4), plan.learnedHops(),
                        answer.origin().onStreets(), answer.origin().viewFitted()));
    }

    private static CandidateJson candidate(FollowAnswer.Proposal proposal) {
        FollowPlan.Candidate c = proposal.candidate();
        return new CandidateJson(c.cameraId(), round(c.score(), 4), round(c.prior(), 4), round(c.learned(), 4),
                c.learnedHops(), c.expectedArrival().toString(), window(c.windowFrom(), c.windowTo()),
                round(c.distanceMeters(), 1), proposal.clips().stream().map(clip -> clip(clip, c.windowFrom())).toList());
    }

    static CorridorJson corridor(CorridorAnswer answer) {
        return new CorridorJson(round(answer.routeMeters(), 1), answer.stops().stream().map(stop -> new StopJson(
                stop.cameraId(), round(stop.distanceMeters(), 1), window(stop.windowFrom(), stop.windowTo()),
                stop.clips().stream().map(clip -> clip(clip, stop.windowFrom())).toList())).toList(),
                answer.truncated(), round(answer.videoSecondsToReview(), 1));
    }

    private static WindowJson window(Instant from, Instant to) {
        return new WindowJson(from.toString(), to.toString());
    }

    static ClipJson clip(Clip clip, Instant windowFrom) {
        return new ClipJson(clip.id(), clip.start().toString(), clip.end().toString(),
                round(Math.max(0, windowFrom.toEpochMilli() - clip.start().toEpochMilli()) / 1000.0, 3));
    }

    static LinkJson link(TrackLink link) {
        return new LinkJson(link.id(), link.from(), link.to(), link.kind().name(), link.distanceMeters(),
                link.mode() == null ? null : link.mode().name());
    }

    static CaseJson trackCase(TrackCase c, List<RouteCheck.Leg> legs, Map<String, double[]> locations) {
        return new CaseJson(c.id(), c.title(), c.siteId(), c.mode().name(), c.confirmed() == null ? "OPEN" : "CONFIRMED",
                c.created().toString(), c.confirmed() == null ? null : c.confirmed().toString(),
                c.hops().stream().map(h -> hop(h, locations.get(h.cameraId()))).toList(),
                legs.stream().map(TrackViews::leg).toList(), legs.stream().filter(l -> !l.possible()).count(),
                c.history().stream().map(e -> new HistoryJson(e.seq(), e.at().toString(), e.action(), e.detail()))
                        .toList(), null);
    }

    private static HopJson hop(TrackCase.Hop hop, double[] location) {
        return new HopJson(hop.seq(), hop.cameraId(), hop.time().toString(), hop.clipId(), hop.note(),
                location == null ? null : new RegistryJson.LocationJson(location[0], location[1]));
    }

    private static LegJson leg(RouteCheck.Leg leg) {
        return new LegJson(leg.fromSeq(), leg.toSeq(),
                leg.distanceMeters() == null ? null : round(leg.distanceMeters(), 1), round(leg.seconds(), 3),
                leg.speed() == null ? null : round(leg.speed(), 2), leg.flags().stream().map(Enum::name).toList(),
                round(leg.clockCorrectionSeconds(), 1));
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** The track map's counts with its street segments as [fromLat, fromLon, toLat, toLon]. */
    record StreetsJson(int cameras, int streetSegments, int crossings, int edges, TrackService.View cameraView,
            TrackService.MapCheck check, TrackService.Clocks clocks, List<TrackService.Speeds> speeds,
            List<double[]> segments) {
    }

    static StreetsJson streets(TrackService.Summary summary, List<StreetSegment> streets) {
        List<double[]> segments = new ArrayList<>(streets.size());
        for (StreetSegment street : streets) {
            segments.add(new double[] {street.from().lat(), street.from().lon(), street.to().lat(), street.to().lon()});
        }
        return new StreetsJson(summary.cameras(), summary.streetSegments(), summary.crossings(), summary.edges(),
                summary.cameraView(), summary.check(), summary.clocks(), summary.speeds(), segments);
    }
}
