package org.wardnet.server.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardnet.app.track.CorridorAnswer;
import org.wardnet.app.track.FollowAnswer;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.track.FollowPlan;
import org.wardnet.core.track.RouteCheck;
import org.wardnet.core.track.TrackCase;
import org.wardnet.core.track.TrackLink;

/** JSON shapes of track-following answers. */
final class TrackViews {

    private TrackViews() {
    }

    static Map<String, Object> follow(FollowAnswer answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidates", answer.proposals().stream().map(TrackViews::candidate).toList());
        body.put("camerasConsidered", answer.plan().camerasConsidered());
        body.put("videoSecondsToReview", round(answer.videoSecondsToReview(), 1));
        body.put("candidatesOutsideScope", answer.outsideScope());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("priorWeight", round(answer.plan().priorWeight(), 4));
        model.put("learnedWeight", round(1 - answer.plan().priorWeight(), 4));
        model.put("learnedHops", answer.plan().learnedHops());
        body.put("model", model);
        return body;
    }

    private static Map<String, Object> candidate(FollowAnswer.Proposal proposal) {
        FollowPlan.Candidate c = proposal.candidate();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cameraId", c.cameraId());
        view.put("score", round(c.score(), 4));
        view.put("prior", round(c.prior(), 4));
        view.put("learned", round(c.learned(), 4));
        view.put("learnedHops", c.learnedHops());
        view.put("expectedArrival", c.expectedArrival().toString());
        view.put("window", window(c.windowFrom(), c.windowTo()));
        view.put("distanceMeters", round(c.distanceMeters(), 1));
        view.put("clips", proposal.clips().stream().map(clip -> clip(clip, c.windowFrom())).toList());
        return view;
    }

    static Map<String, Object> corridor(CorridorAnswer answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routeMeters", round(answer.routeMeters(), 1));
        body.put("cameras", answer.stops().stream().map(stop -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("cameraId", stop.cameraId());
            view.put("distanceMeters", round(stop.distanceMeters(), 1));
            view.put("window", window(stop.windowFrom(), stop.windowTo()));
            view.put("clips", stop.clips().stream().map(clip -> clip(clip, stop.windowFrom())).toList());
            return view;
        }).toList());
        body.put("truncated", answer.truncated());
        body.put("videoSecondsToReview", round(answer.videoSecondsToReview(), 1));
        return body;
    }

    private static Map<String, Object> window(Instant from, Instant to) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", from.toString());
        view.put("to", to.toString());
        return view;
    }

    /** A clip within a window: where to start watching it. */
    static Map<String, Object> clip(Clip clip, Instant windowFrom) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", clip.id());
        view.put("start", clip.start().toString());
        view.put("end", clip.end().toString());
        view.put("seekSeconds", round(Math.max(0, windowFrom.toEpochMilli() - clip.start().toEpochMilli()) / 1000.0, 3));
        return view;
    }

    static Map<String, Object> link(TrackLink link) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", link.id());
        view.put("from", link.from());
        view.put("to", link.to());
        view.put("kind", link.kind().name());
        view.put("distanceMeters", link.distanceMeters());
        view.put("mode", link.mode() == null ? null : link.mode().name());
        return view;
    }

    static Map<String, Object> trackCase(TrackCase c, List<RouteCheck.Leg> legs, Map<String, double[]> locations) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("title", c.title());
        view.put("siteId", c.siteId());
        view.put("mode", c.mode().name());
        view.put("state", c.confirmed() == null ? "OPEN" : "CONFIRMED");
        view.put("created", c.created().toString());
        view.put("confirmed", c.confirmed() == null ? null : c.confirmed().toString());
        view.put("route", c.hops().stream().map(h -> hop(h, locations.get(h.cameraId()))).toList());
        view.put("legs", legs.stream().map(TrackViews::leg).toList());
        view.put("impossibleLegs", legs.stream().filter(l -> !l.possible()).count());
        view.put("history", c.history().stream().map(e -> Map.of("seq", e.seq(), "at", e.at().toString(),
                "action", e.action(), "detail", e.detail())).toList());
        return view;
    }

    private static Map<String, Object> hop(TrackCase.Hop hop, double[] location) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("seq", hop.seq());
        view.put("cameraId", hop.cameraId());
        view.put("time", hop.time().toString());
        view.put("clipId", hop.clipId());
        view.put("note", hop.note());
        view.put("location", location == null ? null : Map.of("lat", location[0], "lon", location[1]));
        return view;
    }

    private static Map<String, Object> leg(RouteCheck.Leg leg) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", leg.fromSeq());
        view.put("to", leg.toSeq());
        view.put("distanceMeters", leg.distanceMeters() == null ? null : round(leg.distanceMeters(), 1));
        view.put("seconds", round(leg.seconds(), 3));
        view.put("speedMetersPerSecond", leg.speed() == null ? null : round(leg.speed(), 2));
        view.put("flags", leg.flags().stream().map(Enum::name).toList());
        return view;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
