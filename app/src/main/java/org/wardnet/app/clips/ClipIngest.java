package org.wardnet.app.clips;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.core.access.Caller;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipDraft;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.clips.MediaFiles;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.registry.Validated;

/**
 * Footage into the index: clips held on edge recorders (one, or a batch checked row by row) and
 * folders of recordings on the server's disk. Only cameras registered in the caller's scope take
 * clips; others are refused as unknown. Storing blocks on the store; a directory import reads every
 * file whole.
 */
public final class ClipIngest {

    private final ClipIndex index;
    private final ScopedRegistry registry;
    private final MediaFiles media;
    private final ImportRoots roots;

    public ClipIngest(ClipIndex index, ScopedRegistry registry, MediaFiles media, ImportRoots roots) {
        this.index = index;
        this.registry = registry;
        this.media = media;
        this.roots = roots;
    }

    /** How one row of a batch is checked for this caller: against the cameras it may name. */
    public Function<ClipDraft, Validated<Clip>> rowCheck(Caller caller) {
        Predicate<String> cameras = registry.camerasOf(caller);
        return draft -> draft.validate(cameras, ClipOrigin.INGESTED);
    }

    /** @throws DomainException INVALID naming every field of a clip that does not pass */
    public Clip check(Caller caller, ClipDraft draft) {
        Validated<Clip> checked = rowCheck(caller).apply(draft);
        if (!checked.isValid()) {
            throw DomainException.invalidInput("clip", checked.errors());
        }
        return checked.value();
    }

    /** Stores checked clips in one transaction; their ids in order. */
    public List<Long> store(List<Clip> clips) {
        return index.add(clips);
    }

    /** Stores one checked clip and reads it back as indexed. */
    public Clip storeOne(Clip clip) {
        long id = index.add(List.of(clip)).get(0);
        return index.get(id).orElseThrow();
    }

    /** A checked directory import, ready to run on an executor of its own. */
    public interface DirectoryJob {
        /** @throws DomainException UNPROCESSABLE when the directory cannot be read */
        DirectoryImport.Outcome run();
    }

    /**
     * Checks a directory import: the folder must lie under clips.importRoots and be readable, and a
     * named camera must be in the caller's scope.
     *
     * @param cameraId the camera of every file, or null to take it from each subfolder's name
     * @throws DomainException INVALID naming the field that is refused
     */
    public DirectoryJob directory(Caller caller, String directory, String cameraId) {
        if (directory == null || directory.isBlank()) {
            throw DomainException.badRequest("directory", "required: a folder on the server's disk");
        }
        Path folder;
        try {
            folder = roots.check(directory);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("directory", e.getMessage());
        }
        Predicate<String> cameras = registry.camerasOf(caller);
        if (cameraId != null && !cameras.test(cameraId)) {
            throw DomainException.badRequest("cameraId", "no camera '" + cameraId + "' is registered");
        }
        return () -> {
            try {
                return new DirectoryImport(index, cameras, media).run(folder, cameraId);
            } catch (IOException e) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, "import-failed", "Import failed",
                        "cannot read '" + folder + "': " + e.getMessage());
            }
        };
    }
}
