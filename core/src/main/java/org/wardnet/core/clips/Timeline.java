package org.wardnet.core.clips;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A camera's footage over a window: the covered intervals (overlapping or nearly touching clips
 * merged) and the gaps between them, each gap with its cause when one is known.
 *
 * @param from    the window's start
 * @param to      the window's end
 * @param covered merged intervals, clipped to the window, in order
 * @param gaps    the uncovered rest of the window, in order
 */
public record Timeline(Instant from, Instant to, List<Interval> covered, List<Gap> gaps) {

    public Timeline {
        covered = List.copyOf(covered);
        gaps = List.copyOf(gaps);
    }

    /** A stretch of footage. */
    public record Interval(Instant from, Instant to, int clips) {
    }

    /** A stretch without footage; {@code cause} is null when unknown. */
    public record Gap(Instant from, Instant to, String cause) {
    }

    /** Something that explains missing footage: a camera offline, a recorder down. */
    public record Outage(Instant from, Instant to, String cause) {
    }

    /**
     * @param clips     the camera's clips overlapping the window, by start
     * @param tolerance clips closer than this count as continuous (segment boundaries are not gaps)
     * @param outages   known outages; a gap takes the cause of the first outage overlapping it
     */
    public static Timeline of(List<Clip> clips, Instant from, Instant to, Duration tolerance, List<Outage> outages) {
        List<Interval> covered = new ArrayList<>();
        Instant runStart = null;
        Instant runEnd = null;
        int runClips = 0;
        for (Clip clip : clips) {
            Instant start = clip.start().isBefore(from) ? from : clip.start();
            Instant end = clip.end().isAfter(to) ? to : clip.end();
            if (!end.isAfter(start)) {
                continue;
            }
            if (runEnd != null && !start.isAfter(runEnd.plus(tolerance))) {
                runEnd = end.isAfter(runEnd) ? end : runEnd;
                runClips++;
            } else {
                if (runStart != null) {
                    covered.add(new Interval(runStart, runEnd, runClips));
                }
                runStart = start;
                runEnd = end;
                runClips = 1;
            }
        }
        if (runStart != null) {
            covered.add(new Interval(runStart, runEnd, runClips));
        }
        List<Gap> gaps = new ArrayList<>();
        Instant cursor = from;
        for (Interval interval : covered) {
            if (interval.from().isAfter(cursor)) {
                gaps.add(gap(cursor, interval.from(), outages));
            }
            cursor = interval.to();
        }
        if (to.isAfter(cursor)) {
            gaps.add(gap(cursor, to, outages));
        }
        return new Timeline(from, to, covered, gaps);
    }

    private static Gap gap(Instant from, Instant to, List<Outage> outages) {
        for (Outage outage : outages) {
            if (outage.from().isBefore(to) && outage.to().isAfter(from)) {
                return new Gap(from, to, outage.cause());
            }
        }
        return new Gap(from, to, null);
    }

    /** Milliseconds of footage in the window. */
    public long coveredMillis() {
        return covered.stream().mapToLong(i -> Duration.between(i.from(), i.to()).toMillis()).sum();
    }

    /** Seconds of footage in the window. */
    public long coveredSeconds() {
        return covered.stream().mapToLong(i -> Duration.between(i.from(), i.to()).toSeconds()).sum();
    }
}
