package org.wardnet.storage.childsync;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.RecordEncoder;
import org.wardnet.core.federation.Snapshots;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Site;
import org.wardnet.storage.clips.JdbcClipIndex;
import org.wardnet.storage.federation.JdbcSyncJournal;
import org.wardnet.storage.health.JdbcHealthHistory;

/**
 * A full re-send into the journal: {@code begin}; the sites (each after its parent) and cameras;
 * the latest state of every subject (as STATE, not history); every clip row, {@value #CLIPS_PER_STEP}
 * per transaction; then {@code end}, naming the sites and cameras that exist at that moment and
 * the {@code begin}'s number. The node keeps working meanwhile: what changes during the re-send is
 * journaled in between, in order, and applying it is idempotent.
 *
 * <p>Limits: the journal holds a second copy of the clip index until the parent has acknowledged
 * it (for a room of 20 cameras and a year at one clip a minute, about 10 million rows).
 */
public final class JdbcSnapshots implements Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSnapshots.class);
    static final int CLIPS_PER_STEP = 10_000;

    private final JdbcSyncJournal journal;
    private final RecordEncoder encoder;
    private final Supplier<List<Site>> sites;
    private final Supplier<List<Camera>> cameras;
    private final JdbcHealthHistory history;
    private final JdbcClipIndex clips;

    /**
     * @param sites   the registry's sites now
     * @param cameras the registry's cameras now
     */
    public JdbcSnapshots(JdbcSyncJournal journal, RecordEncoder encoder, Supplier<List<Site>> sites,
            Supplier<List<Camera>> cameras, JdbcHealthHistory history, JdbcClipIndex clips) {
        this.journal = journal;
        this.encoder = encoder;
        this.sites = sites;
        this.cameras = cameras;
        this.history = history;
        this.clips = clips;
    }

    @Override
    public long journalAll(long after) {
        journal.skipPast(after);
        long[] begin = {0};
        long written = 0;
        try {
            journal.run((connection, entries) -> {
                begin[0] = entries.put(Change.Kind.SNAPSHOT, "begin", "{}");
                for (Site site : parentsFirst(sites.get())) {
                    entries.put(Change.Kind.SITE, site.id(), encoder.site(site));
                }
                for (Camera camera : cameras.get()) {
                    entries.put(Change.Kind.CAMERA, camera.id(), encoder.camera(camera));
                }
                for (HealthEvent state : history.latestStates()) {
                    entries.put(Change.Kind.STATE, state.id(), encoder.healthEvent(state));
                }
            });
            long lastId = 0;
            for (List<Clip> page = clips.page(lastId, CLIPS_PER_STEP); !page.isEmpty();
                    page = clips.page(lastId, CLIPS_PER_STEP)) {
                List<Clip> step = page;
                journal.run((connection, entries) -> {
                    for (Clip clip : step) {
                        entries.put(Change.Kind.CLIP, Long.toString(clip.id()), encoder.clip(clip));
                    }
                });
                written += step.size();
                lastId = step.get(step.size() - 1).id();
            }
            journal.run((connection, entries) -> entries.put(Change.Kind.SNAPSHOT, "end", endPayload(begin[0])));
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot write the re-send into the journal: " + e.getMessage(), e);
        }
        LOG.warn("re-send journaled for the parent: everything from number {} ({} clip rows)", begin[0], written);
        return journal.watermark() - begin[0] + 1;
    }

    /** {@code {"begin":N,"sites":[...],"cameras":[...]}}: ids are [A-Za-z0-9._-], so no escaping is needed. */
    private String endPayload(long begin) {
        StringBuilder json = new StringBuilder("{\"begin\":").append(begin).append(",\"sites\":[");
        appendIds(json, sites.get(), Site::id);
        json.append("],\"cameras\":[");
        appendIds(json, cameras.get(), Camera::id);
        return json.append("]}").toString();
    }

    private static <T> void appendIds(StringBuilder json, List<T> records, Function<T, String> id) {
        for (int i = 0; i < records.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(id.apply(records.get(i))).append('"');
        }
    }

    /** Sites ordered so that each comes after its parent. */
    static List<Site> parentsFirst(List<Site> sites) {
        Map<String, Site> byId = new HashMap<>();
        sites.forEach(site -> byId.put(site.id(), site));
        Map<String, Integer> depth = new HashMap<>();
        for (Site site : sites) {
            int d = 0;
            for (Site at = site; at != null && at.parentId() != null && d < 64; at = byId.get(at.parentId())) {
                d++;
            }
            depth.put(site.id(), d);
        }
        List<Site> ordered = new ArrayList<>(sites);
        ordered.sort(Comparator.comparing((Site site) -> depth.get(site.id())).thenComparing(Site::id));
        return ordered;
    }
}
