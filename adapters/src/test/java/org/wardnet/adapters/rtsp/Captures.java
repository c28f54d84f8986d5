package org.wardnet.adapters.rtsp;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the captured RTSP traffic under {@code src/test/resources/captures/rtsp}. */
final class Captures {

    private Captures() {
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = Captures.class.getResourceAsStream("/captures/rtsp/" + name)) {
            if (in == null) {
                throw new IOException("no capture " + name);
            }
            return in.readAllBytes();
        }
    }

    static List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Captures.class.getResourceAsStream("/captures/SOURCES.md")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("| rtsp/")) {
                    names.add(line.substring("| rtsp/".length(), line.indexOf(" |", 2)).strip());
                }
            }
        }
        return names;
    }

    /** Decodes a whole captured message with Netty's RTSP decoder, as the client's pipeline does. */
    static FullHttpMessage decode(String name) throws IOException {
        EmbeddedChannel channel = new EmbeddedChannel(new RtspDecoder(), new HttpObjectAggregator(1 << 20));
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes(name)));
            channel.finish();
            FullHttpMessage message = channel.readInbound();
            if (message == null) {
                throw new IOException(name + " did not decode to a whole message");
            }
            return message;
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
