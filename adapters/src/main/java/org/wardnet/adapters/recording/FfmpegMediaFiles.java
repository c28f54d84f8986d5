package org.wardnet.adapters.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.wardnet.core.clips.MediaFile;
import org.wardnet.core.clips.MediaFiles;

/** {@link MediaFiles} with FFmpeg (JavaCV): probe, repair and cut remux; nothing is decoded. */
public final class FfmpegMediaFiles implements MediaFiles {

    @Override
    public MediaFile probe(Path file) throws IOException {
        return MediaProbe.probe(file);
    }

    @Override
    public String sha256(Path file) throws IOException {
        return MediaProbe.sha256(file);
    }

    @Override
    public long repair(Path file) throws IOException {
        return SegmentRepair.repair(file);
    }

    @Override
    public Cut cut(List<Source> sources, Instant from, Instant to, Path out) throws IOException {
        return ClipExport.export(sources, from, to, out);
    }
}
