package org.wardnet.adapters.live;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;

/**
 * H.265 pictures in, H.264 pictures out, with FFmpeg (through JavaCV's bindings): the HEVC decoder,
 * a scaler when the picture is taller than {@code maxHeight} or not 8-bit 4:2:0, and the
 * OpenH264 encoder (the H.264 encoder FFmpeg's LGPL build carries). The output keeps the input's
 * times, and a picture the decoder marks intra becomes an IDR picture with its parameter sets in
 * front, so a viewer can start wherever the camera's own key frames are.
 *
 * <p>Limits: one thread (FFmpeg's own threads are off: the relay bounds transcodes by count, one
 * core's worth each at most); no B-frames on the input side are reordered by us (the decoder does
 * it); the output rate is about 0.08 bit per pixel at 25 pictures a second. Not thread-safe: one
 * transcoding thread owns it, and {@link #close} frees the native memory.
 */
final class VideoTranscoder implements AutoCloseable {

    /** One encoded H.264 picture. */
    record Encoded(List<byte[]> nals, long pts, boolean key) {
    }

    private static final int FRAME_RATE = 25;
    private static final double BITS_PER_PIXEL = 0.08;

    private final int maxHeight;
    private final AVCodecContext decoder;
    private final AVPacket in = av_packet_alloc();
    private final AVPacket out = av_packet_alloc();
    private final AVFrame decoded = av_frame_alloc();
    private AVCodecContext encoder;
    private SwsContext scaler;
    private AVFrame scaled;
    private int sourceWidth;
    private int sourceHeight;
    private int sourceFormat = -1;
    private long decodeErrors;

    VideoTranscoder(int maxHeight) {
        this.maxHeight = maxHeight;
        AVCodec hevc = avcodec_find_decoder(AV_CODEC_ID_HEVC);
        if (hevc == null) {
            throw new IllegalStateException("this FFmpeg build has no HEVC decoder");
        }
        decoder = avcodec_alloc_context3(hevc);
        decoder.thread_count(1);
        check(avcodec_open2(decoder, hevc, (AVDictionary) null), "opening the HEVC decoder");
    }

    /**
     * Decodes one access unit and encodes what it yields.
     *
     * @param annexB the picture's NAL units with start codes (parameter sets in front of key frames)
     * @param pts    its time on the 90 kHz clock, unwrapped
     */
    List<Encoded> transcode(byte[] annexB, long pts) {
        check(av_new_packet(in, annexB.length), "allocating a packet");
        in.data().put(annexB, 0, annexB.length);
        in.pts(pts);
        in.dts(pts);
        int sent = avcodec_send_packet(decoder, in);
        av_packet_unref(in);
        if (sent < 0) {
            decodeErrors++;
            return List.of();
        }
        List<Encoded> encoded = new ArrayList<>();
        while (avcodec_receive_frame(decoder, decoded) == 0) {
            try {
                encode(decoded, encoded);
            } finally {
                av_frame_unref(decoded);
            }
        }
        return encoded;
    }

    /** Pictures the decoder refused (a reference lost with a dropped packet, a damaged unit). */
    long decodeErrors() {
        return decodeErrors;
    }

    private void encode(AVFrame frame, List<Encoded> encoded) {
        boolean intra = frame.pict_type() == AV_PICTURE_TYPE_I;
        AVFrame picture = fit(frame);
        picture.pts(frame.best_effort_timestamp());
        picture.pict_type(intra ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        check(avcodec_send_frame(encoder, picture), "encoding a picture");
        while (avcodec_receive_packet(encoder, out) == 0) {
            try {
                byte[] bytes = new byte[out.size()];
                out.data().get(bytes, 0, bytes.length);
                encoded.add(new Encoded(H264Packetizer.split(bytes, bytes.length), out.pts(),
                        (out.flags() & AV_PKT_FLAG_KEY) != 0));
            } finally {
                av_packet_unref(out);
            }
        }
    }

    /** The picture as the encoder takes it: scaled and converted when needed; the encoder opened for its size. */
    private AVFrame fit(AVFrame frame) {
        int width = frame.width();
        int height = frame.height();
        if (encoder == null || width != sourceWidth || height != sourceHeight || frame.format() != sourceFormat) {
            reopen(width, height, frame.format());
        }
        if (scaler == null) {
            return frame;
        }
        sws_scale(scaler, frame.data(), frame.linesize(), 0, height, scaled.data(), scaled.linesize());
        return scaled;
    }

    private void reopen(int width, int height, int format) {
        freeEncoder();
        sourceWidth = width;
        sourceHeight = height;
        sourceFormat = format;
        int outHeight = height;
        int outWidth = width;
        if (height > maxHeight) {
            outHeight = maxHeight & ~1;
            outWidth = (int) Math.round((double) width * outHeight / height) & ~1;
        }
        if (outWidth != width || outHeight != height || format != AV_PIX_FMT_YUV420P) {
            scaler = sws_getContext(width, height, format, outWidth, outHeight, AV_PIX_FMT_YUV420P, SWS_BILINEAR,
                    null, null, (DoublePointer) null);
            if (scaler == null) {
                throw new IllegalStateException("cannot convert pictures of pixel format " + format + " to 4:2:0");
            }
            scaled = av_frame_alloc();
            scaled.width(outWidth).height(outHeight).format(AV_PIX_FMT_YUV420P);
            check(av_frame_get_buffer(scaled, 0), "allocating a scaled picture");
        }
        AVCodec h264 = avcodec_find_encoder_by_name("libopenh264");
        if (h264 == null) {
            throw new IllegalStateException("this FFmpeg build has no OpenH264 encoder");
        }
        encoder = avcodec_alloc_context3(h264);
        encoder.width(outWidth).height(outHeight).pix_fmt(AV_PIX_FMT_YUV420P);
        encoder.time_base(av_make_q(1, 90_000)).framerate(av_make_q(FRAME_RATE, 1));
        encoder.bit_rate((long) (outWidth * (double) outHeight * FRAME_RATE * BITS_PER_PIXEL));
        encoder.gop_size(FRAME_RATE * 4).max_b_frames(0).thread_count(1);
        check(avcodec_open2(encoder, h264, (AVDictionary) null), "opening the OpenH264 encoder");
    }

    private void freeEncoder() {
        if (encoder != null) {
            avcodec_free_context(encoder);
            encoder = null;
        }
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
        if (scaled != null) {
            av_frame_free(scaled);
            scaled = null;
        }
    }

    @Override
    public void close() {
        freeEncoder();
        avcodec_free_context(decoder);
        av_frame_free(decoded);
        av_packet_free(in);
        av_packet_free(out);
    }

    private static void check(int result, String what) {
        if (result < 0) {
            byte[] message = new byte[256];
            av_strerror(result, message, message.length);
            int end = 0;
            while (end < message.length && message[end] != 0) {
                end++;
            }
            throw new IllegalStateException(what + " failed: " + new String(message, 0, end));
        }
    }
}
