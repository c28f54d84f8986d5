package org.wardnet.app.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.Ids;
import org.wardnet.core.track.TrackLink;
import org.wardnet.core.track.TravelMode;

/**
 * Manual links between cameras as a caller sees them: an ADD for a passage the street map lacks,
 * a FORBID for a wall. A link is the caller's when both its cameras are in its scope; the district
 * sees every link, including one whose camera has since been removed. Writes go to the store.
 */
public final class Links {

    private final TrackService track;
    private final ScopedRegistry registry;

    public Links(TrackService track, ScopedRegistry registry) {
        this.track = track;
        this.registry = registry;
    }

    /** A manual link as a client sends it; {@code bothWays} adds the reverse link too. */
    public record Draft(String from, String to, String kind, Double distanceMeters, String mode, Boolean bothWays) {
    }

    /**
     * Adds the link (and its reverse, when asked).
     *
     * @return the links made
     * @throws DomainException INVALID naming every field that does not pass
     */
    public List<TrackLink> add(Caller caller, Draft draft) {
        List<FieldError> errors = new ArrayList<>();
        for (String[] end : new String[][] {{"from", draft.from()}, {"to", draft.to()}}) {
            if (end[1] == null || !Ids.isValid(end[1])) {
                errors.add(new FieldError(end[0], "required, a camera id"));
            } else if (!registry.sees(caller, end[1])) {
                errors.add(new FieldError(end[0], "no camera '" + end[1] + "' is registered"));
            }
        }
        TrackLink.Kind kind = null;
        if (draft.kind() == null || !Set.of("ADD", "FORBID").contains(draft.kind())) {
            errors.add(new FieldError("kind", "required: ADD or FORBID"));
        } else {
            kind = TrackLink.Kind.valueOf(draft.kind());
        }
        if (draft.distanceMeters() != null && !(draft.distanceMeters() > 0 && draft.distanceMeters() <= 100_000)) {
            errors.add(new FieldError("distanceMeters", "above 0 and at most 100000"));
        }
        TravelMode mode = TravelMode.parse(draft.mode());
        if (draft.mode() != null && mode == null) {
            errors.add(new FieldError("mode", "WALK, BIKE, CAR, or absent for all modes"));
        }
        if (draft.from() != null && draft.from().equals(draft.to())) {
            errors.add(new FieldError("to", "must differ from from"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalidInput("the link", errors);
        }
        List<TrackLink> made = new ArrayList<>();
        made.add(track.addLink(new TrackLink(0, draft.from(), draft.to(), kind, draft.distanceMeters(), mode)));
        if (Boolean.TRUE.equals(draft.bothWays())) {
            made.add(track.addLink(new TrackLink(0, draft.to(), draft.from(), kind, draft.distanceMeters(), mode)));
        }
        return made;
    }

    /** The caller's links, those touching {@code cameraId} only when it is given. */
    public List<TrackLink> list(Caller caller, String cameraId) {
        return track.links().stream()
                .filter(l -> cameraId == null || l.from().equals(cameraId) || l.to().equals(cameraId))
                .filter(l -> visible(caller, l)).toList();
    }

    /** @throws DomainException NOT_FOUND when the caller has no link of that id */
    public void delete(Caller caller, String idText) {
        long id = idText != null && idText.matches("[1-9][0-9]{0,17}") ? Long.parseLong(idText) : -1;
        boolean mine = track.links().stream().anyMatch(l -> l.id() == id && visible(caller, l));
        if (id < 0 || !mine || !track.deleteLink(id)) {
            throw DomainException.notFound("no track link '" + idText + "'");
        }
    }

    private boolean visible(Caller caller, TrackLink link) {
        return registry.seesRecordOf(caller, link.from()) && registry.seesRecordOf(caller, link.to());
    }
}
