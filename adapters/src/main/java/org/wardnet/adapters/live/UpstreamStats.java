package org.wardnet.adapters.live;

/**
 * One relayed stream, as ops see it.
 *
 * @param stream      camera id, with {@code /sub} for a sub stream
 * @param state       OPENING, LIVE, RETRYING
 * @param consumers   consumers playing
 * @param taps        consumers holding it (playing, or between DESCRIBE and PLAY)
 * @param bytesIn     RTP bytes received from the camera
 * @param packetsIn   RTP packets received
 * @param reconnects  times the camera's stream was lost and pulled again
 * @param openedAtMillis when it was opened (epoch milliseconds)
 * @param lastProblem why the camera's stream was last lost, or null
 */
public record UpstreamStats(String stream, String state, int consumers, int taps, long bytesIn, long packetsIn,
        long reconnects, long openedAtMillis, String lastProblem) {
}
