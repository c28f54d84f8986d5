package org.wardnet.storage.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.storage.StoreOpenException;

/**
 * Finds the key that seals camera credentials: {@code store.secretKey} (base64, best set through
 * the environment) or the key file ({@code store.secretKeyFile}, by default {@code secret.key}
 * under the data directory), created on first start with 32 random bytes and permissions
 * {@code rw-------}. A key file readable by others is reported at start.
 *
 * <p>Rotation writes the new key next to the old one as {@code FILE.next}, re-seals the store with
 * it, then moves it over the old file. A start between those steps loads both, so every value
 * opens whichever step it stopped at.
 */
public final class SecretKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretKeys() {
    }

    /** The key file the configuration names. */
    public static Path file(WardnetConfig config) {
        String configured = config.get(WardnetKeys.STORE_SECRET_KEY_FILE);
        return configured.isEmpty() ? Path.of(config.get(WardnetKeys.STORE_DATA_DIR), "secret.key")
                : Path.of(configured);
    }

    /** The box for the configured key, creating the key file when there is none. */
    public static SecretBox load(WardnetConfig config) {
        String inline = config.get(WardnetKeys.STORE_SECRET_KEY);
        if (!inline.isEmpty()) {
            return new SecretBox(decode(inline, "store.secretKey"), List.of());
        }
        Path file = file(config);
        try {
            if (!Files.exists(file)) {
                write(file, newKey());
                LOG.info("created the credential-sealing key {} (back it up with the database)", file);
            }
            warnIfShared(file);
            List<byte[]> older = new ArrayList<>();
            Path next = next(file);
            if (Files.exists(next)) {
                older.add(read(next)); // a rotation stopped half way: its values may be sealed with either
            }
            return new SecretBox(read(file), older);
        } catch (IOException e) {
            throw new StoreOpenException("cannot read or create the credential key " + file + " (store.secretKeyFile): "
                    + e.getMessage(), e);
        }
    }

    /** 32 random bytes. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public static Path next(Path file) {
        return file.resolveSibling(file.getFileName() + ".next");
    }

    /** Writes a key file readable by its owner only; it must not exist yet. */
    public static void write(Path file, byte[] key) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the platform's defaults apply
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " exists already; not overwriting a key", e);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
    }

    /** Replaces {@code file} with {@code next} in one step. */
    public static void promote(Path next, Path file) throws IOException {
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static byte[] read(Path file) throws IOException {
        return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new StoreOpenException("the credential key in " + where + " is not base64", e);
        }
        if (key.length != 32) {
            throw new StoreOpenException("the credential key in " + where + " must be 32 bytes, got " + key.length, null);
        }
        return key;
    }

    private static void warnIfShared(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                LOG.warn("the credential key {} is readable by others ({}); chmod 600 it",
                        file, PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }
}
