package org.wardnet.app.archfixture;

import io.netty.buffer.ByteBuf;

/** Breaks the layering on purpose: a use case handling a Netty buffer. */
public final class AppUsingNetty {

    public int size(ByteBuf buffer) {
        return buffer.readableBytes();
    }
}
