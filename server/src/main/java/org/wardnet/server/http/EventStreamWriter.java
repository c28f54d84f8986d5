package org.wardnet.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes server-sent events to one connection as chunks. Bounded: when the client reads so slowly
 * that the connection stops being writable, the stream is closed rather than buffered. Sends a
 * comment every 20 s so idle connections and proxies keep it open.
 */
final class EventStreamWriter implements EventStream.Sink {

    private static final long HEARTBEAT_SECONDS = 20;

    private final ChannelHandlerContext ctx;
    private final ScheduledFuture<?> heartbeat;
    private volatile boolean open = true;

    EventStreamWriter(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.heartbeat = ctx.executor().scheduleAtFixedRate(() -> write(": keep-alive\n\n"), HEARTBEAT_SECONDS,
                HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public boolean send(String event, String data) {
        StringBuilder text = new StringBuilder();
        if (event != null) {
            text.append("event: ").append(event).append('\n');
        }
        for (String line : data.split("\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return write(text.append('\n').toString());
    }

    private boolean write(String text) {
        if (!open) {
            return false;
        }
        if (!ctx.channel().isActive()) {
            close();
            return false;
        }
        if (!ctx.channel().isWritable()) {
            close(); // too slow a reader: drop it rather than queue without bound
            ctx.close();
            return false;
        }
        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
        return true;
    }

    @Override
    public boolean isOpen() {
        return open && ctx.channel().isActive();
    }

    void close() {
        open = false;
        heartbeat.cancel(false);
    }
}
