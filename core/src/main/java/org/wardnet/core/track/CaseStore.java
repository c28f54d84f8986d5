package org.wardnet.core.track;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where cases are kept. Every change also appends to the case's history, in the same transaction. */
public interface CaseStore {

    void create(String id, String title, TravelMode mode, String siteId, Instant at);

    Optional<TrackCase> get(String id);

    /** Appends a hop; returns its sequence number. */
    int addHop(String caseId, String cameraId, Instant time, Long clipId, String note, Instant at);

    /** Marks the case confirmed; false when it already was. */
    boolean confirm(String caseId, Instant at);

    /** Every confirmed case's route (mode, cameras and times in order), for fitting the cameras' clocks. */
    List<ClockOffsets.Route> confirmedRoutes();
}
