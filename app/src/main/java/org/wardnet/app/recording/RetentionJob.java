package org.wardnet.app.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.clips.ClipRetentionStore;
import org.wardnet.core.clips.RetentionPolicy;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.Tier;

/**
 * One retention pass, oldest hour first: a RECORDED clip is deleted when it is past its tier's age
 * or its tier is over its byte budget, unless it is held. Hours whose every clip goes are deleted
 * together, so a store partitioned by time drops a whole part (a day) instead of deleting its rows
 * one by one; such a run's rows go when it ends (at the end of its part, or of the pass), after
 * the files of all its clips. The file goes first, then the row: a
 * crash in between leaves a row whose media is gone (answered 410, and deleted by the next pass),
 * never a file without a row, which start-up recovery would index again. Clips of cameras no
 * longer registered follow the center's rules, the longest ones.
 */
public final class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final long HOUR = 3_600_000L;

    private final ClipRetentionStore store;
    private final Registry registry;
    private final RetentionPolicy policy;
    private final Clock clock;

    public RetentionJob(ClipRetentionStore store, Registry registry, RetentionPolicy policy, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.policy = policy;
        this.clock = clock;
    }

    /** What a pass deleted. */
    public record Pass(long clips, long bytes, int held) {
    }

    public Pass run() {
        Instant now = clock.instant();
        Map<Tier, Long> excess = new EnumMap<>(Tier.class);
        store.recordedBytesByCamera().forEach((camera, bytes) -> excess.merge(tierOf(camera), bytes, Long::sum));
        excess.replaceAll((tier, bytes) -> policy.excess(tier, bytes));
        long ageHorizon = policy.shortestAge().isZero() ? Long.MIN_VALUE
                : Math.floorDiv(now.minus(policy.shortestAge()).toEpochMilli(), HOUR);
        int part = Math.max(1, store.hoursPerPart());
        long deleted = 0;
        long freed = 0;
        int held = 0;
        Integer runStart = null; // the first hour of a run whose every clip is going, rows not yet deleted
        int last = Integer.MIN_VALUE; // the last hour looked at
        OptionalInt hour = store.firstHour(Integer.MIN_VALUE);
        while (hour.isPresent() && (hour.getAsInt() <= ageHorizon || excess.values().stream().anyMatch(b -> b > 0))) {
            int h = hour.getAsInt();
            if (runStart != null && partOf(h, part) != partOf(last, part)) {
                // the hours after the last one to the end of its part hold no clips: the run covers them
                deleted += store.deleteHours(runStart, partOf(last, part) + part - 1);
                runStart = null;
            }
            if (runStart == null) {
                runStart = last == Integer.MIN_VALUE || partOf(h, part) != partOf(last, part) ? partOf(h, part) : h;
            }
            List<Clip> clips = store.startingIn(h);
            List<Clip> doomed = new ArrayList<>();
            for (Clip clip : clips) {
                if (clip.origin() != ClipOrigin.RECORDED || clip.heldByNode() != null) {
                    continue; // a child node's footage is its own retention's to delete
                }
                Tier tier = tierOf(clip.cameraId());
                if (policy.expired(clip, tier, now) || excess.getOrDefault(tier, 0L) > 0) {
                    doomed.add(clip);
                }
            }
            Set<Long> holds = store.held(doomed.stream().map(Clip::id).toList());
            List<Long> ids = new ArrayList<>();
            for (Clip clip : doomed) {
                if (holds.contains(clip.id())) {
                    held++;
                    continue;
                }
                try {
                    Files.deleteIfExists(Path.of(clip.media()));
                } catch (IOException e) {
                    LOG.warn("retention: cannot delete {}: {}; kept for the next pass", clip.media(), e.getMessage());
                    continue;
                }
                ids.add(clip.id());
                long bytes = clip.bytes() == null ? 0 : clip.bytes();
                freed += bytes;
                excess.computeIfPresent(tierOf(clip.cameraId()), (t, b) -> Math.max(0, b - bytes));
            }
            if (ids.size() < clips.size()) { // some clips of this hour stay: the run ends before it
                if (runStart < h) {
                    deleted += store.deleteHours(runStart, h - 1);
                }
                runStart = null;
                store.delete(ids);
                deleted += ids.size();
            }
            last = h;
            hour = store.firstHour(h + 1);
        }
        if (runStart != null) {
            deleted += store.deleteHours(runStart, last);
        }
        if (deleted > 0 || held > 0) {
            LOG.info("retention: {} clips deleted ({} bytes), {} kept under holds", deleted, freed, held);
        }
        return new Pass(deleted, freed, held);
    }

    /** The first hour of the store's part that {@code hour} is in. */
    private static int partOf(int hour, int part) {
        return Math.floorDiv(hour, part) * part;
    }

    private Tier tierOf(String cameraId) {
        return registry.camera(cameraId).flatMap(c -> registry.site(c.siteId())).map(Site::tier).orElse(Tier.CENTER);
    }
}
