package org.wardnet.app.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.CameraImport;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.core.registry.Page;
import org.wardnet.core.registry.Registry;

/**
 * Cameras as a caller sees and changes them, one by one and in bulk: its own listed, placed only
 * on sites in its scope, a camera outside the scope answered as a missing one; an import can
 * neither reach into another substation nor pull its cameras out. Reads answer from memory; writes
 * go through the store (blocking).
 */
public final class Cameras {

    private final ScopedRegistry scoped;
    private final Registry registry;
    private final int maxImportRows;
    private final RecordOwners owners;

    /** @param maxImportRows api.maxImportRows: most rows in one import */
    public Cameras(ScopedRegistry scoped, int maxImportRows) {
        this(scoped, maxImportRows, RecordOwners.NONE);
    }

    /** @param owners the child tier nodes whose cameras are not changed here */
    public Cameras(ScopedRegistry scoped, int maxImportRows, RecordOwners owners) {
        this.scoped = scoped;
        this.registry = scoped.registry();
        this.maxImportRows = maxImportRows;
        this.owners = owners;
    }

    public Page<Camera> list(Caller caller, ListQuery query) {
        return caller.districtWide() ? registry.queries().cameras(query) : registry.queries().cameras(query, caller::sees);
    }

    /**
     * Every camera the caller sees, in id order, for a map layer. Answers from memory; the whole
     * reference district is about 12,400 cameras.
     */
    public List<Camera> visible(Caller caller) {
        return registry.queries().allCameras().stream().filter(c -> caller.sees(c.siteId()))
                .sorted(Comparator.comparing(Camera::id)).toList();
    }

    public Camera get(Caller caller, String id) {
        return scoped.camera(caller, id);
    }

    public Camera create(Caller caller, CameraDraft draft) {
        requireSiteInScope(caller, draft);
        owners.requireOwnedHere(draft.siteId(), "site '" + draft.siteId() + "'");
        return registry.createCamera(draft);
    }

    public Camera replace(Caller caller, String id, CameraDraft draft) {
        Camera current = scoped.camera(caller, id);
        requireSiteInScope(caller, draft);
        owners.requireOwnedHere(current.siteId(), "camera '" + id + "'");
        owners.requireOwnedHere(draft.siteId(), "site '" + draft.siteId() + "'");
        return registry.replaceCamera(id, draft);
    }

    public void delete(Caller caller, String id) {
        Camera current = scoped.camera(caller, id);
        owners.requireOwnedHere(current.siteId(), "camera '" + id + "'");
        registry.deleteCamera(id);
    }

    /**
     * Registers rows in one transaction; with {@code atomic}, none when any row fails (the outcome
     * says so: not applied).
     *
     * @throws DomainException TOO_LARGE over api.maxImportRows rows
     */
    public CameraImport.Outcome importRows(Caller caller, List<CameraImport.Row> rows, boolean atomic) {
        if (rows.size() > maxImportRows) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "too-many-rows", "Too many rows", "the import has "
                    + rows.size() + " rows; the limit is " + maxImportRows + " (api.maxImportRows); split the file");
        }
        return registry.importCameras(ownedHere(withinScope(caller, rows)), atomic);
    }

    /**
     * Rows that would place a camera outside the caller's scope, or change a camera registered
     * outside it, fail like rows naming a missing site.
     */
    private List<CameraImport.Row> withinScope(Caller caller, List<CameraImport.Row> rows) {
        if (caller.districtWide()) {
            return rows;
        }
        List<CameraImport.Row> out = new ArrayList<>(rows.size());
        for (CameraImport.Row row : rows) {
            CameraDraft draft = row.draft();
            List<FieldError> errors = new ArrayList<>(row.parseErrors());
            if (draft != null && draft.siteId() != null && !caller.sees(draft.siteId())) {
                errors.add(new FieldError("siteId", "no site '" + draft.siteId() + "' exists"));
            }
            if (draft != null && draft.id() != null && registry.camera(draft.id())
                    .filter(c -> !caller.sees(c.siteId())).isPresent()) {
                errors.add(new FieldError("id", "id '" + draft.id() + "' cannot be used; choose another"));
            }
            out.add(errors.size() == row.parseErrors().size() ? row : new CameraImport.Row(row.number(), draft, errors));
        }
        return out;
    }

    /** Rows placing a camera on, or changing one of, a child node's sites fail, naming the node. */
    private List<CameraImport.Row> ownedHere(List<CameraImport.Row> rows) {
        List<CameraImport.Row> out = new ArrayList<>(rows.size());
        for (CameraImport.Row row : rows) {
            CameraDraft draft = row.draft();
            List<FieldError> errors = new ArrayList<>(row.parseErrors());
            if (draft != null && draft.siteId() != null) {
                owners.ownerOf(draft.siteId()).ifPresent(node -> errors.add(new FieldError("siteId", "site '"
                        + draft.siteId() + "' is held by tier node '" + node + "'; register the camera there")));
            }
            if (draft != null && draft.id() != null) {
                registry.camera(draft.id()).flatMap(c -> owners.ownerOf(c.siteId())).ifPresent(node -> errors.add(
                        new FieldError("id", "camera '" + draft.id() + "' is held by tier node '" + node + "'")));
            }
            out.add(errors.size() == row.parseErrors().size() ? row : new CameraImport.Row(row.number(), draft, errors));
        }
        return out;
    }

    /** A camera may only be put on a site in the caller's scope; another site answers as a missing one. */
    private static void requireSiteInScope(Caller caller, CameraDraft draft) {
        if (draft != null && draft.siteId() != null && !caller.sees(draft.siteId())) {
            throw DomainException.badRequest("siteId", "no site '" + draft.siteId() + "' exists");
        }
    }
}
