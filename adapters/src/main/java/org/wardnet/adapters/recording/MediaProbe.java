package org.wardnet.adapters.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.wardnet.core.clips.MediaFile;

/**
 * Reads what a recorded file holds with FFmpeg (JavaCV), without decoding, and hashes files.
 */
public final class MediaProbe {

    private MediaProbe() {
    }

    static {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL); // failures surface as exceptions; stderr would repeat them
    }

    /**
     * @throws IOException when the file cannot be read or FFmpeg does not recognise it
     */
    public static MediaFile probe(Path file) throws IOException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            grabber.start();
            try {
                String codec = grabber.getVideoCodecName();
                int width = grabber.getImageWidth();
                int height = grabber.getImageHeight();
                String created = grabber.getMetadata("creation_time");
                return new MediaFile(Math.max(0, grabber.getLengthInTime() / 1000),
                        codec == null || codec.isEmpty() ? null : codec.toUpperCase(Locale.ROOT),
                        width > 0 ? width : null, height > 0 ? height : null, parse(created));
            } finally {
                grabber.stop();
            }
        } catch (FrameGrabber.Exception e) {
            throw new IOException("FFmpeg cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                grabber.release();
            } catch (FrameGrabber.Exception ignored) {
                // nothing more to free
            }
        }
    }

    private static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Lower-case hex SHA-256 of a file, streamed. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
