package org.wardnet.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Answers every plain-HTTP request with {@code 308 Permanent Redirect} to the same path and query
 * on the HTTPS port (308 keeps the method and body), then closes. The host is the one the client
 * asked for, without its port, or the listen address when it sent none; nothing of the request is
 * processed, and a bearer token sent in clear is not honoured.
 */
final class HttpsRedirect extends SimpleChannelInboundHandler<HttpObject> {

    private final int httpsPort;
    private final String fallbackHost;

    HttpsRedirect(int httpsPort, String fallbackHost) {
        this.httpsPort = httpsPort;
        this.fallbackHost = fallbackHost.equals("0.0.0.0") ? "127.0.0.1" : fallbackHost;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (!(msg instanceof HttpRequest request)) {
            return; // bodies are dropped: the answer does not depend on them
        }
        String host = hostOf(request.headers().get(HttpHeaderNames.HOST));
        String target = request.uri().startsWith("/") ? request.uri() : "/";
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.PERMANENT_REDIRECT, Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.LOCATION, "https://" + host + ":" + httpsPort + target)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, 0)
                .set(HttpHeaderNames.CONNECTION, "close");
        SecurityHeaders.apply(response.headers(), false);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** The Host header's name without its port; brackets of an IPv6 literal are kept. */
    private String hostOf(String header) {
        if (header == null || header.isBlank() || !header.matches("[A-Za-z0-9.\\-:\\[\\]]{1,255}")) {
            return fallbackHost;
        }
        if (header.startsWith("[")) {
            int close = header.indexOf(']');
            return close < 0 ? fallbackHost : header.substring(0, close + 1);
        }
        int colon = header.indexOf(':');
        return colon < 0 ? header : header.substring(0, colon);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
