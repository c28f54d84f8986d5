package org.wardnet.app.recording;

import java.time.ZoneId;
import java.util.List;
import org.wardnet.app.registry.RecordOwners;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.recording.RecordingPlan;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Validated;

/**
 * Recording plans as a caller sees them: plans of cameras and sites in its scope listed, placed
 * and removed; the recorder's status with its own cameras' recorders. A subject outside the scope
 * is answered as a missing one. Plans are read and written through the store: blocking.
 */
public final class RecordingPlans {

    private final RecordingService recording;
    private final ScopedRegistry registry;
    private final RecordOwners owners;

    public RecordingPlans(RecordingService recording, ScopedRegistry registry) {
        this(recording, registry, RecordOwners.NONE);
    }

    /** @param owners the child tier nodes, which record their own cameras */
    public RecordingPlans(RecordingService recording, ScopedRegistry registry, RecordOwners owners) {
        this.recording = recording;
        this.registry = registry;
        this.owners = owners;
    }

    /** The plans the caller sees, and the zone their windows are read in. */
    public record Plans(ZoneId zone, List<RecordingPlan> items) {
    }

    public Plans list(Caller caller) {
        return new Plans(recording.zone(), recording.plans().stream().filter(p -> visible(caller, p.subjectId()))
                .toList());
    }

    /**
     * Places (or replaces) the plan of a camera or site and applies it at once.
     *
     * @throws DomainException NOT_FOUND for a subject not registered in the caller's scope, INVALID
     *                         for a plan that does not pass
     */
    public RecordingPlan put(Caller caller, String subjectId, RecordingPlan.Draft draft) {
        boolean exists = registry.registry().camera(subjectId).isPresent()
                || registry.registry().site(subjectId).isPresent();
        if (!exists || !visible(caller, subjectId)) {
            throw DomainException.notFound("no camera or site '" + subjectId + "'");
        }
        String site = registry.registry().camera(subjectId).map(Camera::siteId).orElse(subjectId);
        owners.requireOwnedHere(site, "'" + subjectId + "'");
        Validated<RecordingPlan> plan = RecordingPlan.validate(subjectId, draft);
        if (!plan.isValid()) {
            throw DomainException.invalidInput("recording plan", plan.errors());
        }
        recording.putPlan(plan.value());
        return plan.value();
    }

    /** @throws DomainException NOT_FOUND when the caller sees no plan of that subject */
    public void delete(Caller caller, String subjectId) {
        if (!visible(caller, subjectId) || !recording.removePlan(subjectId)) {
            throw DomainException.notFound("no recording plan for '" + subjectId + "'");
        }
    }

    /** The recorder's state; a scoped caller sees its own cameras' recorders and the shared totals. */
    public RecordingStatus status(Caller caller) {
        RecordingStatus status = recording.status();
        return caller.districtWide() ? status : status.onlyCameras(registry.camerasOf(caller));
    }

    /** A plan's subject (a camera or a site) in the caller's scope. */
    private boolean visible(Caller caller, String subjectId) {
        return registry.seesRecordOf(caller, subjectId)
                || registry.registry().site(subjectId).filter(s -> caller.sees(s.id())).isPresent();
    }
}
