package org.wardnet.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * One hour of H.264 video in an MP4 for the demo's footage, made from the simulator's two-second
 * test clip by remuxing (no encoding): its fifty frames are written again and again with running
 * timestamps. Every camera's demo footage is this same hour of the test picture, so playing,
 * following and exporting work in the console without an edge recorder. Made once per store
 * (about 56 MB, in a second or two).
 */
final class DemoFootage {

    static final String CLIP_RESOURCE = "/clip/testsrc-640x360-25fps.h264";
    private static final int FRAMES_PER_SECOND = 25;
    private static final int SECONDS = 3600;

    private DemoFootage() {
    }

    /** The hour's file under {@code directory}, made if it is not there yet. */
    static Path hour(Path directory) throws IOException {
        Path hour = directory.resolve("demo-hour.mp4");
        if (Files.isRegularFile(hour)) {
            return hour;
        }
        Files.createDirectories(directory);
        Path clip = directory.resolve("testsrc.h264");
        try (InputStream in = DemoFootage.class.getResourceAsStream(CLIP_RESOURCE)) {
            if (in == null) {
                throw new IOException("the simulator's clip " + CLIP_RESOURCE + " is missing");
            }
            Files.copy(in, clip, StandardCopyOption.REPLACE_EXISTING);
        }
        Path partial = directory.resolve("demo-hour.part.mp4");
        try {
            write(clip, partial);
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new IOException("cannot make the demo's footage: " + e.getMessage(), e);
        }
        Files.move(partial, hour, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(clip);
        return hour;
    }

    /** The raw clip's packets carry no timestamps: each copy is stamped at its frame's time. */
    private static void write(Path clip, Path out) throws FrameGrabber.Exception, FrameRecorder.Exception {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
        List<AVPacket> frames = new ArrayList<>();
        FFmpegFrameRecorder recorder = null;
        try {
            grabber.startUnsafe();
            for (AVPacket packet = grabber.grabPacket(); packet != null; packet = grabber.grabPacket()) {
                frames.add(avcodec.av_packet_clone(packet));
                avcodec.av_packet_unref(packet);
            }
            AVRational base = grabber.getFormatContext().streams(0).time_base();
            long frameTicks = base.den() / ((long) base.num() * FRAMES_PER_SECOND);
            recorder = new FFmpegFrameRecorder(out.toFile(), grabber.getImageWidth(), grabber.getImageHeight(), 0);
            recorder.setFormat("mp4");
            recorder.setVideoCodec(grabber.getVideoCodec());
            recorder.setOption("movflags", "+faststart");
            recorder.start(grabber.getFormatContext());
            long total = (long) SECONDS * FRAMES_PER_SECOND;
            for (long n = 0; n < total; n++) {
                AVPacket copy = avcodec.av_packet_clone(frames.get((int) (n % frames.size())));
                copy.pts(n * frameTicks);
                copy.dts(n * frameTicks);
                copy.duration(frameTicks);
                recorder.recordPacket(copy);
                avcodec.av_packet_free(copy);
            }
        } finally {
            frames.forEach(avcodec::av_packet_free);
            if (recorder != null) {
                recorder.stop();
                recorder.release();
            }
            grabber.stop();
            grabber.release();
        }
    }
}
