package org.wardnet.core.track;

import java.time.Instant;
import java.util.List;

/**
 * The planner's answer: candidates by score, and how the prior and what was learned were blended.
 *
 * @param camerasConsidered cameras the exploration reached
 * @param priorWeight       weight of the geometric prior in every score (1 − learnedWeight)
 * @param learnedHops       confirmed hops from the origin camera, by any mode
 * @param outsideScope      cameras among the top-ranked (as many as the limit) that lie outside the
 *                          caller's scope and so are not proposed
 */
public record FollowPlan(List<Candidate> candidates, int camerasConsidered, double priorWeight, int learnedHops,
        int outsideScope) {

    /**
     * One camera to review.
     *
     * @param score           blended probability that this is where the subject is seen next
     * @param prior           the geometric prior's probability
     * @param learned         the share of learned hops from the origin that went here
     * @param learnedHops     confirmed hops to this camera, by any mode
     * @param distanceMeters  travel distance from the origin
     * @param windowFrom      start of the time window to review (clock skew margin included)
     * @param windowTo        its end
     */
    public record Candidate(String cameraId, double score, double prior, double learned, int learnedHops,
            double distanceMeters, Instant expectedArrival, Instant windowFrom, Instant windowTo) {
    }
}
