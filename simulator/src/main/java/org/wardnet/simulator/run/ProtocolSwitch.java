package org.wardnet.simulator.run;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.wardnet.simulator.onvif.SimulatedOnvif;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.rtsp.SimulatedRtspHandler;

/**
 * Serves RTSP and the ONVIF web service on one port: reads the first request line and installs
 * the HTTP pipeline when it ends in {@code HTTP/1.x}, the RTSP pipeline otherwise. A real camera
 * listens on two ports; one listener per camera halves the simulator's file descriptors, which is
 * what lets a whole district run in one process under a 20,000 descriptor cap.
 */
final class ProtocolSwitch extends ByteToMessageDecoder {

    /** A request line longer than this is not either protocol; treat it as RTSP and let it fail there. */
    private static final int MAX_LINE = 4096;

    private final SimulatedCamera camera;
    private final H264Clip clip;
    private final SimulatedOnvif onvif;

    ProtocolSwitch(SimulatedCamera camera, H264Clip clip, SimulatedOnvif onvif) {
        this.camera = camera;
        this.clip = clip;
        this.onvif = onvif;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int end = in.indexOf(in.readerIndex(), Math.min(in.writerIndex(), in.readerIndex() + MAX_LINE), (byte) '\n');
        if (end < 0 && in.readableBytes() < MAX_LINE) {
            return; // wait for the rest of the request line
        }
        String line = end < 0 ? "" : in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.ISO_8859_1).strip();
        if (line.endsWith("HTTP/1.1") || line.endsWith("HTTP/1.0")) {
            ctx.pipeline().addAfter(ctx.name(), "onvif", onvif.handler(camera));
            ctx.pipeline().addAfter(ctx.name(), "aggregator", new HttpObjectAggregator(256 * 1024));
            ctx.pipeline().addAfter(ctx.name(), "http", new HttpServerCodec());
        } else {
            ctx.pipeline().addAfter(ctx.name(), "rtsp", new SimulatedRtspHandler(camera, clip));
            ctx.pipeline().addAfter(ctx.name(), "aggregator", new HttpObjectAggregator(64 * 1024));
            ctx.pipeline().addAfter(ctx.name(), "encoder", new RtspEncoder());
            ctx.pipeline().addAfter(ctx.name(), "decoder", new RtspDecoder());
        }
        ctx.pipeline().remove(this); // hands the buffered bytes on to the new decoder
    }
}
