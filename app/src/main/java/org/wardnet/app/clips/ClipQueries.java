package org.wardnet.app.clips;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.core.access.Caller;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipRetentionStore;
import org.wardnet.core.errors.DomainException;

/**
 * A caller's clips: a camera's clips in a window, one clip with its hold, the clip whose media to
 * serve, and holds placed and released. A clip of a camera outside the scope is as missing as none;
 * the district also sees clips of cameras since removed. Every method reads the store: blocking.
 */
public final class ClipQueries {

    private final ClipIndex index;
    private final ClipRetentionStore holds;
    private final ScopedRegistry registry;
    private final Clock clock;

    public ClipQueries(ClipIndex index, ClipRetentionStore holds, ScopedRegistry registry, Clock clock) {
        this.index = index;
        this.holds = holds;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * One page of a camera's clips overlapping the window, by start.
     *
     * @param next the last clip of this page when another follows, else null
     */
    public record ClipPage(List<Clip> items, int limit, Clip next) {
    }

    /** A clip and the reason it is held from retention, or null. */
    public record HeldClip(Clip clip, String hold) {
    }

    /** @throws DomainException NOT_FOUND when the camera is not in the caller's scope */
    public ClipPage list(Caller caller, String cameraId, Instant from, Instant to, ClipIndex.Cursor after, int limit) {
        registry.camera(caller, cameraId);
        List<Clip> clips = index.overlapping(cameraId, from, to, after, limit + 1);
        boolean more = clips.size() > limit;
        List<Clip> page = more ? clips.subList(0, limit) : clips;
        return new ClipPage(List.copyOf(page), limit, more ? page.get(page.size() - 1) : null);
    }

    public HeldClip get(Caller caller, long id) {
        return new HeldClip(existing(caller, id), holds.holdOf(id).orElse(null));
    }

    /** The clip whose media the caller asks for. */
    public Clip media(Caller caller, long id) {
        return existing(caller, id);
    }

    /**
     * Keeps a clip from retention until released.
     *
     * @return the reason as kept
     * @throws DomainException INVALID for a reason empty or over 500 characters
     */
    public String hold(Caller caller, long id, String reason) {
        requireReason(reason);
        existing(caller, id);
        String kept = reason.strip();
        holds.hold(id, kept, clock.instant());
        return kept;
    }

    /** @throws DomainException NOT_FOUND when the clip has no hold */
    public void release(Caller caller, long id) {
        existing(caller, id);
        if (!holds.release(id)) {
            throw DomainException.notFound("clip " + id + " has no hold");
        }
    }

    /** The reason check alone, so a caller can refuse a bad one before queueing the hold. */
    public static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw DomainException.badRequest("reason", "required: who needs the clip kept, 1 to 500 characters");
        }
    }

    private Clip existing(Caller caller, long id) {
        return index.get(id).filter(clip -> registry.seesRecordOf(caller, clip.cameraId()))
                .orElseThrow(() -> DomainException.notFound("no clip " + id));
    }
}
