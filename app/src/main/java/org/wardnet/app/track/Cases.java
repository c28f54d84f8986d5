package org.wardnet.app.track;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.core.access.Caller;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.errors.ExportFailures;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.Validated;
import org.wardnet.core.track.CaseStore;
import org.wardnet.core.track.HopDraft;
import org.wardnet.core.track.RouteCheck;
import org.wardnet.core.track.TrackCase;
import org.wardnet.core.track.TravelMode;

/**
 * Cases: a route of sightings an investigator assembles, read back leg by leg with impossible legs
 * flagged, confirmed (which teaches the planner its hops), and exported as an evidence bundle. A
 * case belongs to a site; a case of a site outside the caller's scope is as missing as none, and a
 * case of no site only the district sees. Every method reads or writes the store: blocking.
 */
public final class Cases {

    private static final Duration AROUND_EACH_SIGHTING = Duration.ofSeconds(30);
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final CaseStore cases;
    private final TrackService track;
    private final ClipIndex clips;
    private final ScopedRegistry registry;
    private final AuditStore audit;
    private final CaseExport export;
    private final Clock clock;

    public Cases(CaseStore cases, TrackService track, ClipIndex clips, ScopedRegistry registry, AuditStore audit,
            CaseExport export, Clock clock) {
        this.cases = cases;
        this.track = track;
        this.clips = clips;
        this.registry = registry;
        this.audit = audit;
        this.export = export;
        this.clock = clock;
    }

    /**
     * A case with what its route says: each leg checked against the travel mode, and where each
     * camera stands ([lat, lon] by camera id; removed cameras are missing).
     */
    public record CaseView(TrackCase trackCase, List<RouteCheck.Leg> legs, Map<String, double[]> locations) {
    }

    /** A confirmed case and how many hops it taught the planner. */
    public record Confirmed(CaseView view, int hopsLearned) {
    }

    /** How the evidence bundle shows the case and its audit entries (as the API does). */
    public interface BundleViews {
        Object caseView(CaseView view);

        List<?> audit(List<AuditEntry> entries);
    }

    /**
     * Opens a case.
     *
     * @param mode   WALK, BIKE or CAR; null for WALK
     * @param siteId whose scope sees it; null for the caller's one granted site (the district for a
     *               district-wide caller)
     * @throws DomainException INVALID naming every field that does not pass
     */
    public CaseView create(Caller caller, String title, String mode, String siteId) {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank() || title.length() > 200) {
            errors.add(new FieldError("title", "required, 1 to 200 characters"));
        }
        TravelMode travel = mode == null ? TravelMode.WALK : TravelMode.parse(mode);
        if (travel == null) {
            errors.add(new FieldError("mode", "WALK, BIKE or CAR (default WALK)"));
        }
        String site = siteOf(caller, siteId, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalidInput("the case", errors);
        }
        String id = UUID.randomUUID().toString();
        cases.create(id, title.strip(), travel, site, clock.instant());
        return view(existing(caller, id));
    }

    public CaseView get(Caller caller, String id) {
        return view(existing(caller, id));
    }

    /**
     * Adds a sighting to the route.
     *
     * @throws DomainException INVALID (the sighting, its camera outside the scope, a clip not of that
     *                         camera), CONFLICT (the case is confirmed)
     */
    public CaseView addSighting(Caller caller, String id, HopDraft draft) {
        requireCaseId(id);
        Validated<HopDraft.Hop> checked = draft.validate();
        if (!checked.isValid()) {
            throw DomainException.invalidInput("the sighting", checked.errors());
        }
        HopDraft.Hop hop = checked.value();
        if (!registry.sees(caller, hop.cameraId())) {
            throw DomainException.badRequest("cameraId", "no camera '" + hop.cameraId() + "' is registered");
        }
        TrackCase trackCase = existing(caller, id);
        if (trackCase.confirmed() != null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "case-confirmed", "Case confirmed",
                    "case " + id + " was confirmed at " + trackCase.confirmed() + "; open a new case to change the route");
        }
        if (hop.clipId() != null && clips.get(hop.clipId()).filter(c -> c.cameraId().equals(hop.cameraId())).isEmpty()) {
            throw DomainException.badRequest("clipId", "no clip " + hop.clipId() + " of camera " + hop.cameraId());
        }
        cases.addHop(id, hop.cameraId(), hop.time(), hop.clipId(), hop.note(), clock.instant());
        return view(existing(caller, id));
    }

    /**
     * Confirms the route and teaches the planner its possible legs.
     *
     * @throws DomainException CONFLICT when the route has fewer than two sightings or was confirmed
     */
    public Confirmed confirm(Caller caller, String id) {
        TrackCase trackCase = existing(caller, id);
        List<RouteCheck.Leg> legs = legs(trackCase);
        if (trackCase.hops().size() < 2) {
            throw new DomainException(DomainException.Kind.CONFLICT, "route-too-short", "Route too short",
                    "a route needs at least two sightings to be confirmed; case " + id + " has "
                            + trackCase.hops().size());
        }
        if (!cases.confirm(id, clock.instant())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "case-confirmed", "Case confirmed",
                    "case " + id + " was already confirmed at " + trackCase.confirmed());
        }
        int learned = track.learn(trackCase, legs);
        return new Confirmed(view(existing(caller, id)), learned);
    }

    /**
     * Writes the case's evidence bundle (a ZIP file), with the audit trail's entries about it.
     *
     * @throws DomainException INSUFFICIENT_STORAGE when the disk is full, UNPROCESSABLE when the
     *                         bundle cannot be written otherwise
     */
    public Path export(Caller caller, String id, BundleViews views) {
        TrackCase trackCase = existing(caller, id);
        List<?> trail = views.audit(audit.about("/api/v1/cases/" + id, 100_000));
        CaseView view = view(trackCase);
        try {
            return export.write(trackCase, views.caseView(view), view.locations(), AROUND_EACH_SIGHTING, trail);
        } catch (IOException e) {
            throw ExportFailures.of(e, export.directory());
        }
    }

    private CaseView view(TrackCase trackCase) {
        return new CaseView(trackCase, legs(trackCase), locations(trackCase));
    }

    private List<RouteCheck.Leg> legs(TrackCase trackCase) {
        return RouteCheck.legs(trackCase.hops(), trackCase.mode(), track::distance, track.clockSkewSeconds(),
                track.clocks());
    }

    private Map<String, double[]> locations(TrackCase trackCase) {
        Map<String, double[]> out = new HashMap<>();
        for (TrackCase.Hop hop : trackCase.hops()) {
            registry.registry().camera(hop.cameraId()).ifPresent(c -> out.put(c.id(),
                    new double[] {c.location().lat(), c.location().lon()}));
        }
        return out;
    }

    /**
     * The site a new case belongs to: the one asked for, when the caller's scope covers it; else
     * the caller's one granted site; a district-wide caller's case without a site belongs to the
     * district (only district-wide callers see it).
     */
    private String siteOf(Caller caller, String asked, List<FieldError> errors) {
        if (asked != null) {
            if (registry.registry().site(asked).isEmpty() || !caller.sees(asked)) {
                errors.add(new FieldError("siteId", "no site '" + asked + "' exists"));
            }
            return asked;
        }
        if (caller.districtWide()) {
            return null;
        }
        if (caller.scope().roots().size() > 1) {
            errors.add(new FieldError("siteId", "required: your grants cover " + caller.scope()
                    + "; say which site the case belongs to"));
            return null;
        }
        return caller.scope().roots().get(0);
    }

    private static void requireCaseId(String id) {
        if (id == null || !id.matches(UUID_FORM)) {
            throw DomainException.notFound("no case '" + id + "' (case ids are UUIDs)");
        }
    }

    /** The case, when the caller's scope covers its site; a case of another site is as missing as none. */
    private TrackCase existing(Caller caller, String id) {
        requireCaseId(id);
        return cases.get(id).filter(c -> c.siteId() == null ? caller.districtWide() : caller.sees(c.siteId()))
                .orElseThrow(() -> DomainException.notFound("no case '" + id + "'"));
    }
}
