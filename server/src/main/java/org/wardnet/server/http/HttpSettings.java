package org.wardnet.server.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * @param largerBodies        paths allowed a different body limit (bulk import), whatever the body
 * @param bulkBatches         paths allowed {@code maxBatchBytes} when the body is a batch (an NDJSON
 *                            media type), though one JSON object there keeps {@code maxBodyBytes}
 * @param batchMediaTypes     the media types of a batch
 * @param maxBatchBytes       largest batch body on those paths
 * @param requestTimeoutMillis time to receive a whole request, and to answer it
 * @param idleTimeoutSeconds  idle keep-alive connections are closed after this
 * @param maxConnections      open connections at most
 */
public record HttpSettings(String host, int port, int ioThreads, int maxInitialLineBytes, int maxHeaderBytes,
        long maxBodyBytes, Map<String, Long> largerBodies, Set<String> bulkBatches, Set<String> batchMediaTypes,
        long maxBatchBytes, long requestTimeoutMillis, int idleTimeoutSeconds, int maxConnections) {

    public HttpSettings {
        largerBodies = Map.copyOf(largerBodies);
        bulkBatches = Set.copyOf(bulkBatches);
        batchMediaTypes = Set.copyOf(batchMediaTypes);
    }

    /**
     * The settings the configuration gives: the import paths and the batches on the batch paths get
     * {@code server.maxImportBodyBytes}, every other body {@code server.maxJsonBodyBytes}.
     */
    public static HttpSettings from(WardnetConfig config, List<String> importPaths, List<String> batchPaths,
            Set<String> batchMediaTypes) {
        return new HttpSettings(config.get(WardnetKeys.SERVER_HOST), config.get(WardnetKeys.SERVER_PORT),
                config.get(WardnetKeys.SERVER_IO_THREADS), config.get(WardnetKeys.SERVER_MAX_INITIAL_LINE_BYTES),
                config.get(WardnetKeys.SERVER_MAX_HEADER_BYTES), config.get(WardnetKeys.SERVER_MAX_JSON_BODY_BYTES),
                importPaths.stream().collect(Collectors.toMap(p -> p,
                        p -> config.get(WardnetKeys.SERVER_MAX_IMPORT_BODY_BYTES))),
                Set.copyOf(batchPaths), batchMediaTypes, config.get(WardnetKeys.SERVER_MAX_IMPORT_BODY_BYTES),
                config.get(WardnetKeys.SERVER_REQUEST_TIMEOUT_SECONDS) * 1000L,
                config.get(WardnetKeys.SERVER_IDLE_TIMEOUT_SECONDS), config.get(WardnetKeys.SERVER_MAX_CONNECTIONS));
    }

    /** The body limit of a request to {@code path} whose Content-Type is {@code contentType} (may be null). */
    long bodyLimit(String path, String contentType) {
        Long larger = largerBodies.get(path);
        if (larger != null) {
            return larger;
        }
        return bulkBatches.contains(path) && batchMediaTypes.contains(mediaType(contentType)) ? maxBatchBytes
                : maxBodyBytes;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
    }
}
