package org.wardnet.core.errors;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a failed write of an export file (a clip cut, a case's evidence bundle) becomes for the
 * caller: a full disk (or quota) is {@link DomainException.Kind#INSUFFICIENT_STORAGE}, naming the
 * directory and when to retry; any other failure stays {@link DomainException.Kind#UNPROCESSABLE}.
 * Recognises the Linux error texts ({@code ENOSPC}, {@code EDQUOT}), as the JDK reports them.
 */
public final class ExportFailures {

    /** Seconds after which an export refused for a full disk may be tried again. */
    public static final int RETRY_AFTER_SECONDS = 60;

    private ExportFailures() {
    }

    public static DomainException of(IOException failure, Path directory) {
        if (outOfSpace(failure)) {
            return new DomainException(DomainException.Kind.INSUFFICIENT_STORAGE, "disk-full", "Disk full",
                    "the export cannot be written: no space left under " + directory + " (nothing was kept); free"
                            + " space there, or wait for old exports to be removed, and retry",
                    java.util.List.of(), RETRY_AFTER_SECONDS, Map.of(), failure);
        }
        return new DomainException(DomainException.Kind.UNPROCESSABLE, "export-failed", "Export failed",
                failure.getMessage());
    }

    /** True when the failure, or one it was caused by, is the filesystem out of space or quota. */
    public static boolean outOfSpace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : t.getMessage();
            if (text != null && (text.contains("No space left on device") || text.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
