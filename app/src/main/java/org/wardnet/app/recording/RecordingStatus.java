package org.wardnet.app.recording;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * What is recording now.
 *
 * @param directory        where segments are written
 * @param recording        recorders running
 * @param maxCameras       recording.maxCameras
 * @param waiting          planned cameras over that limit, waiting for a free recorder
 * @param recoveredAtStart unindexed segments repaired and indexed at start
 * @param alarm            why recording is paused (the disk), or null
 * @param disk             space on the recording directory's file system
 * @param cameras          each running recorder, by camera id
 */
public record RecordingStatus(String directory, int recording, int maxCameras, List<String> waiting,
        int recoveredAtStart, String alarm, Disk disk, List<Recorder> cameras) {

    /**
     * Space where recordings are written.
     *
     * @param minFreeBytes recording.minFreeBytes: below it recording pauses
     */
    public record Disk(long freeBytes, long totalBytes, long minFreeBytes) {
    }

    /**
     * One running recorder.
     *
     * @param lastSegmentEnd when its last indexed segment ended, or null before the first
     * @param lastFailure    why its stream last failed, or null
     * @param lastFailureAt  when, or null
     */
    public record Recorder(String cameraId, Instant since, int segmentsIndexed, long packets,
            long droppedBeforeKeyFrame, long droppedWithoutTimestamp, long droppedNonIncreasing, long reconnects,
            long keyFrameTimeouts, Instant lastSegmentEnd, String lastFailure, Instant lastFailureAt) {
    }

    /** The same status with only {@code visible} recorders listed (the totals stay the district's). */
    public RecordingStatus onlyCameras(Predicate<String> visible) {
        return new RecordingStatus(directory, recording, maxCameras, waiting, recoveredAtStart, alarm, disk,
                cameras.stream().filter(c -> visible.test(c.cameraId())).toList());
    }
}
