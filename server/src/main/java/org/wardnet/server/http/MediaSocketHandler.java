package org.wardnet.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * A connection after its WebSocket handshake: answers pings, ends on the client's close, drops
 * whatever else the client sends, and gives the {@link MediaSocket} its {@link MediaSocket.Sink}.
 * The HTTP idle timeout does not apply (a stream that is sending is not idle; one that is not
 * sending closes itself).
 */
final class MediaSocketHandler extends ChannelInboundHandlerAdapter implements MediaSocket.Sink {

    private final WebSocketServerHandshaker handshaker;
    private Channel channel;

    MediaSocketHandler(WebSocketServerHandshaker handshaker) {
        this.handshaker = handshaker;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof CloseWebSocketFrame close) {
            handshaker.close(ctx.channel(), close); // takes the frame
            return;
        }
        try {
            if (msg instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof IdleStateEvent)) {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a client that resets mid-stream is routine
    }

    @Override
    public void text(String message) {
        channel.writeAndFlush(new TextWebSocketFrame(message));
    }

    @Override
    public void binary(ByteBuf message) {
        channel.writeAndFlush(new BinaryWebSocketFrame(message));
    }

    @Override
    public boolean writable() {
        return channel.isWritable();
    }

    @Override
    public void close(boolean normal, String reason) {
        String said = reason.length() > 120 ? reason.substring(0, 120) : reason; // a close frame holds 123 bytes
        channel.writeAndFlush(new CloseWebSocketFrame(normal ? 1000 : 1011, said))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
