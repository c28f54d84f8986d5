package org.wardnet.app.install;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardnet.core.install.VerificationReport;
import org.wardnet.core.install.VerifyCheck;

/**
 * Progress of one bulk verification: counts, the failures by step, and the latest per-camera
 * events (the most recent {@link #EVENTS_KEPT}). Thread-safe (synchronized): verifications finish
 * on many threads while the status endpoint reads.
 */
public final class VerifyBatch {

    static final int EVENTS_KEPT = 200;

    /** One camera's result as the batch reports it. */
    public record Event(int sequence, Instant at, String cameraId, boolean passed, String failedStep, String detail) {
    }

    /** A consistent view of the batch at one moment. */
    public record Status(String id, String state, int total, int done, int passed, int failed, double percent,
            Instant startedAt, Instant finishedAt, Map<String, Integer> failuresByStep, List<Event> events,
            List<String> failedCameras) {
    }

    private final String id;
    private final List<String> cameraIds;
    private final int total;
    private final Instant startedAt;
    private final Deque<Event> events = new ArrayDeque<>();
    private final Map<String, Integer> failuresByStep = new LinkedHashMap<>();
    private final List<String> failedCameras = new ArrayList<>();
    private int done;
    private int passed;
    private Instant finishedAt;

    VerifyBatch(String id, List<String> cameraIds, Instant startedAt) {
        this.id = id;
        this.cameraIds = List.copyOf(cameraIds);
        this.total = cameraIds.size();
        this.startedAt = startedAt;
        if (total == 0) {
            finishedAt = startedAt;
        }
    }

    public String id() {
        return id;
    }

    /** The cameras the batch verifies (who may read its progress follows from them). */
    public List<String> cameraIds() {
        return cameraIds;
    }

    synchronized void record(VerificationReport report, Instant now) {
        done++;
        VerifyCheck failure = report.firstFailure().orElse(null);
        if (failure == null) {
            passed++;
        } else {
            failuresByStep.merge(failure.step().name(), 1, Integer::sum);
            failedCameras.add(report.cameraId());
        }
        events.addLast(new Event(done, now, report.cameraId(), failure == null,
                failure == null ? null : failure.step().name(), failure == null ? "passed" : failure.detail()));
        if (events.size() > EVENTS_KEPT) {
            events.removeFirst();
        }
        if (done == total) {
            finishedAt = now;
        }
    }

    synchronized boolean finished() {
        return finishedAt != null;
    }

    /** The status; {@code since} keeps only events with a larger sequence number. */
    public synchronized Status status(int since) {
        List<Event> recent = events.stream().filter(e -> e.sequence() > since).toList();
        return new Status(id, finishedAt == null ? "RUNNING" : "DONE", total, done, passed, done - passed,
                total == 0 ? 100.0 : Math.round(1000.0 * done / total) / 10.0, startedAt, finishedAt,
                Map.copyOf(failuresByStep), recent, List.copyOf(failedCameras));
    }
}
