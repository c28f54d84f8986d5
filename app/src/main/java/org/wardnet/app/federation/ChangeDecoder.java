package org.wardnet.app.federation;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.federation.Change;

/**
 * Reads the record each change of a push carries (a site, a camera, a health event, a clip...)
 * without looking at any store, so that a parent can read one push while it applies the push
 * before it: the reading is most of a push's cost, the applying must stay in order on one thread.
 * Safe to use from several threads.
 *
 * <p>Limits: reads, never judges; whether a record lies in the node's subtree is
 * {@link ChildChanges}' to check, against the registry as the batches before have left it.
 */
public final class ChangeDecoder {

    /**
     * A push read: its changes in sequence order and, at the same index, each one's record (a
     * {@code Site}, {@code Camera}, {@code HealthEvent}, {@code Clip} or, for a clip's delete, its
     * id as a {@code Long}; null where a change carries none).
     */
    public record Batch(List<Change> changes, List<Object> records) {
        public Batch {
            if (changes.size() != records.size()) {
                throw new IllegalArgumentException(changes.size() + " changes but " + records.size() + " records");
            }
        }
    }

    private final SyncRecords records;

    public ChangeDecoder(SyncRecords records) {
        this.records = records;
    }

    /**
     * The records of a push's changes; {@code read} holds those already read where the push was
     * parsed (at each change's index, its record or null where its text is to be read), or is null.
     *
     * @throws DomainException INVALID for a record that cannot be read, or a kind not synced
     */
    public Batch decode(List<Change> changes, List<Object> read) {
        if (read != null && read.size() != changes.size()) {
            throw new IllegalArgumentException(changes.size() + " changes but " + read.size() + " records read");
        }
        List<Object> decoded = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            Object readAlready = read == null ? null : read.get(i);
            decoded.add(readAlready != null ? readAlready : record(changes.get(i)));
        }
        return new Batch(changes, decoded);
    }

    /** Whether {@link #read} reads such a change's record where the push is parsed. */
    public boolean readsInPlace(Change.Kind kind, Change.Op op) {
        return kind == Change.Kind.CLIP && op == Change.Op.PUT;
    }

    /**
     * The record of a change {@link #readsInPlace} says it reads, the parser on its opening brace
     * (left on its closing one).
     *
     * @throws DomainException INVALID when it is not such a record
     * @throws IOException     when the text is not JSON
     */
    public Object read(JsonParser parser) throws IOException {
        return records.clip(parser);
    }

    private Object record(Change change) {
        return switch (change.kind()) {
            case SITE -> change.op() == Change.Op.PUT ? records.site(change.payload()) : null;
            case CAMERA -> change.op() == Change.Op.PUT ? records.camera(change.payload()) : null;
            case HEALTH, STATE -> records.healthEvent(payloadOf(change));
            case CLIP -> change.op() == Change.Op.PUT ? records.clip(change.payload()) : clipId(change);
            case AUDIT_HEAD -> records.auditHead(payloadOf(change));
            case VERIFICATION -> records.verification(payloadOf(change));
            case SNAPSHOT -> snapshotMark(change);
            default -> throw DomainException.badRequest("kind", change.kind() + " changes are not synced yet"
                    + " (change " + change.seq() + ")");
        };
    }

    /** A re-send's begin carries nothing; its end names every site and camera the node holds. */
    private Object snapshotMark(Change change) {
        if ("end".equals(change.key())) {
            return records.snapshotEnd(payloadOf(change));
        }
        if (!"begin".equals(change.key())) {
            throw DomainException.badRequest("key", "change " + change.seq() + ": a re-send is marked"
                    + " begin or end, not " + change.key());
        }
        return null;
    }

    private static Long clipId(Change change) {
        try {
            return Long.parseLong(change.key());
        } catch (NumberFormatException e) {
            throw DomainException.badRequest("key", "change " + change.seq() + ": a clip's key is its id, a number: "
                    + change.key());
        }
    }

    private static String payloadOf(Change change) {
        if (change.op() != Change.Op.PUT) {
            throw DomainException.badRequest("op", "change " + change.seq() + ": " + change.kind()
                    + " changes are only put");
        }
        return change.payload();
    }
}
