package org.wardnet.app.track;

import java.util.List;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.track.FollowPlan;

/**
 * A follow answer: the plan, each candidate with the clips in its window, and the seconds of
 * footage those windows hold (what an investigator has to watch).
 */
public record FollowAnswer(FollowPlan plan, List<Proposal> proposals, double videoSecondsToReview, Origin origin) {

    /**
     * What the answer rests on at the origin camera.
     *
     * @param onStreets  false when the camera stands farther than {@code track.streetReachMeters}
     *                   from every street (or no streets are known): the next cameras are then found
     *                   by straight-line distance in eight compass sectors, a coarser guess
     * @param viewFitted false while the cameras' view is the default one, never fitted to confirmed routes
     */
    public record Origin(boolean onStreets, boolean viewFitted) {
    }

    /**
     * How many of the top-ranked cameras were withheld because they lie outside the caller's scope
     * (a sign the subject left it).
     */
    public int outsideScope() {
        return plan.outsideScope();
    }

    /** A candidate and its clips, by start. */
    public record Proposal(FollowPlan.Candidate candidate, List<Clip> clips) {
    }
}
