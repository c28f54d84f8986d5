package org.wardnet.server.http;

import java.util.Map;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;

/**
 * The limits and addresses of the HTTP server, read once from the configuration.
 *
 * @param host                address to bind
 * @param port                port to bind; 0 picks a free one
 * @param ioThreads           event-loop threads; 0 for one per core
 * @param maxInitialLineBytes longest request line
 * @param maxHeaderBytes      largest header block
 * @param maxBodyBytes        largest body for any path not in {@code largerBodies}
 * @param largerBodies        paths allowed a different body limit (bulk import)
 * @param requestTimeoutMillis time to receive a whole request, and to answer it
 * @param idleTimeoutSeconds  idle keep-alive connections are closed after this
 * @param maxConnections      open connections at most
 */
public record HttpSettings(String host, int port, int ioThreads, int maxInitialLineBytes, int maxHeaderBytes,
        long maxBodyBytes, Map<String, Long> largerBodies, long requestTimeoutMillis, int idleTimeoutSeconds,
        int maxConnections) {

    public HttpSettings {
        largerBodies = Map.copyOf(largerBodies);
    }

    /** The settings the configuration gives, with the import paths' larger body limit. */
    public static HttpSettings from(WardnetConfig config, java.util.List<String> importPaths) {
        return new HttpSettings(config.get(WardnetKeys.SERVER_HOST), config.get(WardnetKeys.SERVER_PORT),
                config.get(WardnetKeys.SERVER_IO_THREADS), config.get(WardnetKeys.SERVER_MAX_INITIAL_LINE_BYTES),
                config.get(WardnetKeys.SERVER_MAX_HEADER_BYTES), config.get(WardnetKeys.SERVER_MAX_JSON_BODY_BYTES),
                importPaths.stream().collect(java.util.stream.Collectors.toMap(p -> p,
                        p -> config.get(WardnetKeys.SERVER_MAX_IMPORT_BODY_BYTES))),
                config.get(WardnetKeys.SERVER_REQUEST_TIMEOUT_SECONDS) * 1000L,
                config.get(WardnetKeys.SERVER_IDLE_TIMEOUT_SECONDS), config.get(WardnetKeys.SERVER_MAX_CONNECTIONS));
    }

    long bodyLimit(String path) {
        return largerBodies.getOrDefault(path, maxBodyBytes);
    }
}
