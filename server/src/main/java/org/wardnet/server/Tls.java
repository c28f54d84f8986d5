package org.wardnet.server;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.http.TlsFiles;

/** Chooses the API's transport from configuration: PEM files, a self-signed pair, or plain HTTP. */
final class Tls {

    private static final Logger LOG = LoggerFactory.getLogger(Tls.class);

    private Tls() {
    }

    /** The file of the certificate this node serves, if it serves HTTPS (configured or self-signed). */
    static Optional<Path> certificateFile(WardnetConfig config) {
        String certificate = config.get(WardnetKeys.SERVER_TLS_CERTIFICATE_FILE);
        if (!certificate.isEmpty()) {
            return Optional.of(Path.of(certificate));
        }
        if (config.get(WardnetKeys.SERVER_TLS_SELF_SIGNED)) {
            return Optional.of(Path.of(config.get(WardnetKeys.STORE_DATA_DIR), "tls").resolve(TlsFiles.CERTIFICATE));
        }
        return Optional.empty();
    }

    /** The TLS context, or null for plain HTTP; a start failure names the keys to fix. */
    static SslContext context(WardnetConfig config) {
        String certificate = config.get(WardnetKeys.SERVER_TLS_CERTIFICATE_FILE);
        String key = config.get(WardnetKeys.SERVER_TLS_KEY_FILE);
        if (certificate.isEmpty() != key.isEmpty()) {
            throw new ServerStartException("server.tlsCertificateFile and server.tlsKeyFile go together: set both or"
                    + " neither", null);
        }
        try {
            if (!certificate.isEmpty()) {
                return TlsFiles.serverContext(Path.of(certificate), Path.of(key));
            }
            if (config.get(WardnetKeys.SERVER_TLS_SELF_SIGNED)) {
                Path directory = Path.of(config.get(WardnetKeys.STORE_DATA_DIR), "tls");
                Path made = TlsFiles.selfSigned(directory, config.get(WardnetKeys.SERVER_HOST));
                LOG.info("HTTPS with the self-signed certificate {}: clients must trust that file", made);
                return TlsFiles.serverContext(made, directory.resolve(TlsFiles.KEY));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ServerStartException("cannot set up TLS (server.tlsCertificateFile, server.tlsKeyFile,"
                    + " server.tlsSelfSigned): " + e.getMessage(), e);
        }
        return null;
    }
}
