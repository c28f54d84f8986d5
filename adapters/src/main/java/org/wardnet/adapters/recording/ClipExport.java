package org.wardnet.adapters.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.wardnet.core.clips.MediaFiles;

/**
 * Cuts one MP4 for a time window out of consecutive segments by remuxing, without decoding. The
 * cut starts at the key frame at or before the window's start (so the first frame can be decoded)
 * and ends with the last packet before the window's end; timestamps run on across segments from
 * each segment's start time, so gaps between segments stay gaps in time.
 *
 * <p>Limits: video only; all segments must share the codec and size of the first.
 */
public final class ClipExport {

    private ClipExport() {
    }



    public static MediaFiles.Cut export(List<MediaFiles.Source> sources, Instant from, Instant to, Path out) throws IOException {
        if (sources.isEmpty()) {
            throw new IOException("no footage in the window");
        }
        FFmpegFrameRecorder target = null;
        AVRational outBase = null;
        long packets = 0;
        Instant first = null;
        Instant last = null;
        Instant origin = null;
        List<AVPacket> gop = new ArrayList<>(); // the current group of pictures before the window opens
        // The recorder keeps reading stream parameters from the first source's context: it stays open to the end.
        FFmpegFrameGrabber firstSource = null;
        try {
            for (MediaFiles.Source source : sources) {
                FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.file().toFile());
                try {
                    grabber.startUnsafe();
                    int video = videoStream(grabber);
                    AVRational base = grabber.getFormatContext().streams(video).time_base();
                    if (target == null) {
                        firstSource = grabber;
                        target = new FFmpegFrameRecorder(out.toFile(), grabber.getImageWidth(), grabber.getImageHeight(), 0);
                        target.setFormat("mp4");
                        target.setVideoCodec(grabber.getVideoCodec());
                        target.setOption("movflags", "+faststart");
                        target.start(grabber.getFormatContext());
                        outBase = avutil.av_make_q(base.num(), base.den());
                    }
                    long firstDts = Long.MIN_VALUE;
                    for (AVPacket packet = grabber.grabPacket(); packet != null; packet = grabber.grabPacket()) {
                        if (packet.stream_index() != video || packet.dts() == avutil.AV_NOPTS_VALUE) {
                            avcodec.av_packet_unref(packet);
                            continue;
                        }
                        if (firstDts == Long.MIN_VALUE) {
                            firstDts = packet.dts();
                        }
                        long offsetNanos = avutil.av_rescale(packet.dts() - firstDts, base.num() * 1_000_000_000L, base.den());
                        Instant at = source.start().plusNanos(offsetNanos);
                        if (!at.isBefore(to)) {
                            avcodec.av_packet_unref(packet);
                            break;
                        }
                        boolean key = (packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0;
                        // timestamps relative to the export's origin, in the first segment's time base
                        AVPacket copy = avcodec.av_packet_clone(packet);
                        avcodec.av_packet_unref(packet);
                        long ptsOffset = copy.pts() == avutil.AV_NOPTS_VALUE ? 0 : copy.pts() - copy.dts();
                        copy.dts(avutil.av_rescale(Duration.between(source.start(), at).toNanos(), outBase.den(),
                                outBase.num() * 1_000_000_000L));
                        copy.pts(copy.dts() + avutil.av_rescale_q(ptsOffset, base, outBase));
                        copy.stream_index(video);
                        if (at.isBefore(from) && first == null) {
                            if (key) {
                                gop.forEach(avcodec::av_packet_free);
                                gop.clear();
                            }
                            if (key || !gop.isEmpty()) {
                                gop.add(copy);
                                continue;
                            }
                            avcodec.av_packet_free(copy);
                            continue;
                        }
                        if (first == null) {
                            if (gop.isEmpty() && !key) {
                                avcodec.av_packet_free(copy); // wait for a key frame to start on
                                continue;
                            }
                            gop.add(copy);
                            origin = sourceTime(gop.get(0), source, outBase);
                            first = origin;
                            for (AVPacket queued : gop) {
                                write(target, queued, origin, source.start(), outBase);
                                packets++;
                            }
                            gop.clear();
                        } else {
                            write(target, copy, origin, source.start(), outBase);
                            packets++;
                        }
                        last = at;
                    }
                } finally {
                    if (grabber != firstSource) {
                        grabber.stop();
                        grabber.release();
                    }
                }
            }
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new IOException("cannot export: " + FfmpegErrors.explained(e.getMessage()), e);
        } finally {
            gop.forEach(avcodec::av_packet_free);
            try {
                if (target != null) {
                    target.stop();
                    target.release();
                }
            } catch (FrameRecorder.Exception e) {
                throw new IOException("cannot finish the export: " + FfmpegErrors.explained(e.getMessage()), e);
            } finally {
                if (firstSource != null) {
                    try {
                        firstSource.stop();
                        firstSource.release();
                    } catch (FrameGrabber.Exception ignored) {
                        // only reading
                    }
                }
            }
        }
        if (packets == 0) {
            throw new IOException("no video packets in the window");
        }
        return new MediaFiles.Cut(packets, first, last);
    }

    /** The instant a queued packet stands for (its dts counts from its segment's start). */
    private static Instant sourceTime(AVPacket packet, MediaFiles.Source source, AVRational base) {
        return source.start().plusNanos(avutil.av_rescale(packet.dts(), base.num() * 1_000_000_000L, base.den()));
    }

    /** Writes a packet whose dts counts from {@code segmentStart}, rebased to count from {@code origin}. */
    private static void write(FFmpegFrameRecorder target, AVPacket packet, Instant origin, Instant segmentStart,
            AVRational base) throws FrameRecorder.Exception {
        long shift = avutil.av_rescale(Duration.between(origin, segmentStart).toNanos(), base.den(),
                base.num() * 1_000_000_000L);
        packet.dts(packet.dts() + shift);
        packet.pts(packet.pts() + shift);
        target.recordPacket(packet); // unrefs
        avcodec.av_packet_free(packet);
    }

    private static int videoStream(FFmpegFrameGrabber grabber) throws IOException {
        for (int i = 0; i < grabber.getFormatContext().nb_streams(); i++) {
            if (grabber.getFormatContext().streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                return i;
            }
        }
        throw new IOException("no video track");
    }
}
