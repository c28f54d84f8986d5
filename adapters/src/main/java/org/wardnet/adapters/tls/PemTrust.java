package org.wardnet.adapters.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS context that trusts exactly the certificates in one PEM file or text (pinned: the JDK's
 * own trust store is not consulted), for clients of a Wardnet server with a certificate of its
 * own: the CLI, a child node talking to its parent, a parent fetching footage from a child, tests
 * and benchmarks.
 */
public final class PemTrust {

    private PemTrust() {
    }

    /** @throws IllegalArgumentException naming the file when it cannot be read as certificates */
    public static SSLContext context(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return context(in, pem.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the certificates in " + pem + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when {@code pem} holds no readable certificate */
    public static SSLContext fromPem(String pem) {
        return context(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)), "the given PEM text");
    }

    private static SSLContext context(InputStream in, String what) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("trusted-" + n++, certificate);
            }
            if (n == 0) {
                throw new IllegalArgumentException("no certificate in " + what);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the certificates in " + what + ": " + e.getMessage(), e);
        }
    }
}
