package org.wardnet.adapters.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Rewrites a segment that may have been cut short (a crash while it was open) into a clean
 * fragmented MP4 holding every packet FFmpeg can still read, then puts it in the original's place.
 * A segment that was closed properly comes out the same, so the repair is safe to run on any file
 * of unknown state.
 */
public final class SegmentRepair {

    private SegmentRepair() {
    }

    /**
     * @return the packets kept; 0 when nothing was readable (the file is left untouched)
     * @throws IOException when the file cannot be read at all or the copy cannot be written
     */
    public static long repair(Path file) throws IOException {
        Path copy = file.resolveSibling(file.getFileName() + ".repair");
        long kept = 0;
        FFmpegFrameGrabber source = new FFmpegFrameGrabber(file.toFile());
        FFmpegFrameRecorder target = null;
        try {
            source.startUnsafe();
            int video = -1;
            for (int i = 0; i < source.getFormatContext().nb_streams(); i++) {
                if (source.getFormatContext().streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                    video = i;
                    break;
                }
            }
            if (video < 0) {
                return 0;
            }
            target = new FFmpegFrameRecorder(copy.toFile(), source.getImageWidth(), source.getImageHeight(), 0);
            target.setFormat("mp4");
            target.setVideoCodec(source.getVideoCodec());
            target.setOption("movflags", "frag_keyframe+empty_moov+default_base_moof");
            target.start(source.getFormatContext());
            while (true) {
                AVPacket packet;
                try {
                    packet = source.grabPacket();
                } catch (FrameGrabber.Exception e) {
                    break; // the cut-off end of the file
                }
                if (packet == null) {
                    break;
                }
                if (packet.stream_index() != video) {
                    avcodec.av_packet_unref(packet);
                    continue;
                }
                target.recordPacket(packet);
                kept++;
            }
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new IOException("cannot repair " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            try {
                if (target != null) {
                    target.stop();
                    target.release();
                }
            } catch (FrameRecorder.Exception e) {
                kept = 0;
            }
            try {
                source.stop();
                source.release();
            } catch (FrameGrabber.Exception ignored) {
                // only reading
            }
        }
        if (kept == 0) {
            Files.deleteIfExists(copy);
            return 0;
        }
        Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return kept;
    }
}
