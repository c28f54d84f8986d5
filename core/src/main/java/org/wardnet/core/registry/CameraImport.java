package org.wardnet.core.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wardnet.core.errors.FieldError;

/**
 * Plans a bulk registration: each row is checked on its own (fields, site exists, not repeated
 * in the same batch) and classified as created, updated, unchanged or failed. Re-importing the
 * same rows is idempotent: they come back unchanged and nothing is written.
 *
 * <p>Used by {@link Registry#importCameras} under its write lock; it only reads the state.
 */
public final class CameraImport {

    private final RegistryState state;
    private final Instant now;

    CameraImport(RegistryState state, Instant now) {
        this.state = state;
        this.now = now;
    }

    /** What happened to one row. */
    public enum Status { CREATED, UPDATED, UNCHANGED, FAILED }

    /**
     * One input row.
     *
     * @param number      1-based row number in the file (header excluded), for error messages
     * @param draft       the camera as read; null when the row could not be read at all
     * @param parseErrors problems found while reading the row (bad number, bad JSON...)
     */
    public record Row(int number, CameraDraft draft, List<FieldError> parseErrors) {
        public Row {
            parseErrors = List.copyOf(parseErrors);
        }
    }

    /** The result of one row. */
    public record RowResult(int row, String id, Status status, List<FieldError> errors) {
        public RowResult {
            errors = List.copyOf(errors);
        }
    }

    /**
     * The result of an import.
     *
     * @param applied false when nothing was written because an atomic import had failed rows
     */
    public record Outcome(int total, int created, int updated, int unchanged, int failed, boolean atomic,
            boolean applied, List<RowResult> results) {
        public Outcome {
            results = List.copyOf(results);
        }
    }

    record Plan(List<RegistryChange> changes, List<RowResult> results) {

        int failed() {
            return count(Status.FAILED);
        }

        int count(Status status) {
            int n = 0;
            for (RowResult result : results) {
                if (result.status() == status) {
                    n++;
                }
            }
            return n;
        }

        Outcome outcome(boolean atomic, boolean rolledBack) {
            return new Outcome(results.size(), count(Status.CREATED), count(Status.UPDATED), count(Status.UNCHANGED),
                    failed(), atomic, !rolledBack, results);
        }
    }

    Plan plan(List<Row> rows) {
        List<RegistryChange> changes = new ArrayList<>();
        List<RowResult> results = new ArrayList<>(rows.size());
        Map<String, Integer> firstRowOfId = new HashMap<>();
        for (Row row : rows) {
            results.add(planRow(row, firstRowOfId, changes));
        }
        return new Plan(changes, results);
    }

    private RowResult planRow(Row row, Map<String, Integer> firstRowOfId, List<RegistryChange> changes) {
        String id = row.draft() == null ? null : row.draft().id();
        if (!row.parseErrors().isEmpty() || row.draft() == null) {
            return new RowResult(row.number(), id, Status.FAILED, row.parseErrors());
        }
        Camera existing = state.camera(id);
        Validated<Camera> checked = row.draft().validate(existing, now);
        if (!checked.isValid()) {
            return new RowResult(row.number(), id, Status.FAILED, checked.errors());
        }
        Camera camera = checked.value();
        Integer earlier = firstRowOfId.putIfAbsent(camera.id(), row.number());
        if (earlier != null) {
            return failed(row, id, "id", "repeats the id of row " + earlier + "; each camera once per import");
        }
        if (state.site(camera.siteId()) == null) {
            return failed(row, id, "siteId", "no site '" + camera.siteId() + "' exists");
        }
        if (existing == null) {
            changes.add(new RegistryChange.PutCamera(camera, true));
            return new RowResult(row.number(), id, Status.CREATED, List.of());
        }
        if (camera.sameContentAs(existing)) {
            return new RowResult(row.number(), id, Status.UNCHANGED, List.of());
        }
        changes.add(new RegistryChange.PutCamera(camera, false));
        return new RowResult(row.number(), id, Status.UPDATED, List.of());
    }

    private static RowResult failed(Row row, String id, String field, String reason) {
        return new RowResult(row.number(), id, Status.FAILED, List.of(new FieldError(field, reason)));
    }
}
