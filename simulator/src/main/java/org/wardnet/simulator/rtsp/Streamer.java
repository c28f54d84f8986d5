package org.wardnet.simulator.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Sends the clip to one playing client in real time, looping, from its first (key) frame. A frame
 * due while the connection cannot take more is dropped (and the frames after it, up to the next
 * key frame), so a slow reader costs a bounded buffer.
 * Runs on the connection's event loop.
 */
final class Streamer {

    private final ChannelHandlerContext ctx;
    private final H264Clip clip;
    private final RtpPacketizer packetizer;
    private final long ticksPerFrame;
    private ScheduledFuture<?> task;
    private int next;
    private long timestamp;
    private boolean skipToKeyFrame;

    private final BooleanSupplier noKeyFrames;
    private boolean sentKeyFrame;

    Streamer(ChannelHandlerContext ctx, H264Clip clip, BooleanSupplier noKeyFrames) {
        this.ctx = ctx;
        this.clip = clip;
        this.noKeyFrames = noKeyFrames;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.packetizer = new RtpPacketizer(random.nextInt(), random.nextInt(0x10000));
        this.ticksPerFrame = 90_000L / clip.framesPerSecond();
        this.timestamp = random.nextInt() & 0xFFFFFFFFL;
    }

    void start() {
        long period = 1_000_000L / clip.framesPerSecond();
        task = ctx.executor().scheduleAtFixedRate(this::sendFrame, 0, period, TimeUnit.MICROSECONDS);
    }

    private void sendFrame() {
        if (!ctx.channel().isActive()) {
            stop();
            return;
        }
        List<byte[]> frame = clip.frames().get(next);
        boolean key = (frame.get(frame.size() - 1)[0] & 0x1F) == 5;
        if (key && sentKeyFrame && noKeyFrames.getAsBoolean()) {
            next = (next + 1) % clip.frames().size(); // the camera's encoder never refreshes
            timestamp += ticksPerFrame;
            return;
        }
        if (!ctx.channel().isWritable()) {
            skipToKeyFrame = true; // what follows a dropped frame cannot be decoded until the next key frame
        } else if (!skipToKeyFrame || key) {
            skipToKeyFrame = false;
            ByteBuf packets = packetizer.frame(ctx.alloc(), frame, timestamp, 0);
            ctx.writeAndFlush(packets);
            sentKeyFrame |= key;
        }
        next = (next + 1) % clip.frames().size();
        timestamp += ticksPerFrame;
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
