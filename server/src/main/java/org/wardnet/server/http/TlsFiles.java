package org.wardnet.server.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The API's TLS: a server context from PEM files (certificate chain, PKCS#8 key), or a
 * self-signed certificate for localhost, 127.0.0.1 and the configured host, kept under a
 * directory and made again when missing or within 30 days of expiry.
 *
 * <p>Limits: the self-signed certificate is for trying Wardnet out; clients must be told to trust
 * {@code cert.pem} explicitly. Protocols and ciphers are the JDK's defaults (TLS 1.2 and 1.3).
 */
public final class TlsFiles {

    public static final String CERTIFICATE = "cert.pem";
    public static final String KEY = "key.pem";
    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private TlsFiles() {
    }

    /** A server context from the PEM files; the message names the file that is wrong. */
    public static SslContext serverContext(Path certificate, Path key) {
        for (Path file : List.of(certificate, key)) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file);
            }
        }
        try {
            return SslContextBuilder.forServer(certificate.toFile(), key.toFile()).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use " + certificate + " with " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * The certificate and key under {@code directory}, made when missing or nearly expired.
     *
     * @return the certificate file (the key is beside it)
     */
    public static Path selfSigned(Path directory, String host) throws IOException {
        Path certificate = directory.resolve(CERTIFICATE);
        Path key = directory.resolve(KEY);
        if (Files.exists(certificate) && Files.exists(key) && !expiresSoon(certificate)) {
            return certificate;
        }
        Files.createDirectories(directory);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Wardnet self-signed");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(LIFETIME)), name, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(host)));
            // its own trust anchor: clients trust this one certificate, so it may sign only itself
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
            X509Certificate made = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            Path keyTemp = directory.resolve(KEY + ".tmp");
            Files.deleteIfExists(keyTemp);
            Files.createFile(keyTemp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyTemp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(keyTemp, key, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(certificate, pem("CERTIFICATE", made.getEncoded()), StandardCharsets.US_ASCII);
            return certificate;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralName[] names(String host) {
        List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        if (host != null && !host.isBlank() && !host.equals("0.0.0.0") && !host.equals("127.0.0.1")
                && !host.equals("localhost")) {
            boolean literal = host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.contains(":");
            names.add(new GeneralName(literal ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        return names.toArray(new GeneralName[0]);
    }

    private static boolean expiresSoon(Path certificate) {
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return cert.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE));
        } catch (IOException | GeneralSecurityException e) {
            return true; // unreadable: make a new one
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
