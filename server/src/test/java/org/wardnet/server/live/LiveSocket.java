package org.wardnet.server.live;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A browser's view of {@code GET /api/v1/cameras/{id}/live}, with the JDK's WebSocket client: the
 * text messages, and the binary ones (the fragmented MP4) kept in order, until {@code wanted}
 * binary messages have come.
 */
final class LiveSocket implements AutoCloseable {

    final List<String> texts = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream mp4 = new ByteArrayOutputStream();
    private final CompletableFuture<Void> enough = new CompletableFuture<>();
    private final WebSocket socket;
    private int binaries;

    private LiveSocket(String wsUrl, String token, int wanted) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(wsUrl), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        texts.add(data.toString());
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                        synchronized (mp4) {
                            byte[] bytes = new byte[data.remaining()];
                            data.get(bytes);
                            mp4.writeBytes(bytes);
                            if (last && ++binaries >= wanted) {
                                enough.complete(null);
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
    }

    /** Connects to {@code apiBase}'s live socket of {@code cameraId} (fails as the handshake does). */
    static LiveSocket open(String apiBase, String cameraId, String token, int wanted) throws Exception {
        return new LiveSocket(apiBase.replace("http", "ws") + "/api/v1/cameras/" + cameraId + "/live", token, wanted);
    }

    /** Waits for the wanted binary messages. */
    LiveSocket awaitBinaries(long seconds) throws Exception {
        enough.get(seconds, TimeUnit.SECONDS);
        return this;
    }

    /** The binary messages so far, one after another (the initialisation segment, then media segments). */
    byte[] mp4() {
        synchronized (mp4) {
            return mp4.toByteArray();
        }
    }

    @Override
    public void close() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }
}
