package org.wardnet.server.track;

import java.util.List;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.track.FollowPlan;

/**
 * A follow answer: the plan, each candidate with the clips in its window, and the seconds of
 * footage those windows hold (what an investigator has to watch).
 */
public record FollowAnswer(FollowPlan plan, List<Proposal> proposals, double videoSecondsToReview) {

    /** A candidate and its clips, by start. */
    public record Proposal(FollowPlan.Candidate candidate, List<Clip> clips) {
    }
}
