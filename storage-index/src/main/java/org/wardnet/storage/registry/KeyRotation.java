package org.wardnet.storage.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.storage.Database;
import org.wardnet.storage.StoreOpenException;
import org.wardnet.storage.secrets.SecretBox;
import org.wardnet.storage.secrets.SecretKeys;

/**
 * Replaces the credential key: writes a new key beside the old as {@code FILE.next}, re-seals every
 * camera password with it in one transaction, then moves it over the old key file, which is gone
 * afterwards. Run with the server stopped (the embedded store allows one process). Interrupted at
 * any point, the next start opens everything (both files are loaded while {@code .next} exists),
 * and running it again finishes the rotation with the same new key.
 */
public final class KeyRotation {

    private KeyRotation() {
    }

    /**
     * @param cameras cameras whose passwords were sealed anew
     * @param keyId   the new key's id, as sealed values name it
     */
    public record Outcome(int cameras, String keyId) {
    }

    public static Outcome rotate(WardnetConfig config) {
        if (!config.get(WardnetKeys.STORE_SECRET_KEY).isEmpty()) {
            throw new StoreOpenException("the key is given in store.secretKey (or WARDNET_STORE_SECRET_KEY); rotate"
                    + " it by starting once with the new key there and the old one in a key file, or use a key file", null);
        }
        Path file = SecretKeys.file(config);
        SecretKeys.load(config); // creates the key file on a store that never had one
        Path next = SecretKeys.next(file);
        try {
            byte[] old = SecretKeys.read(file);
            byte[] fresh;
            if (Files.exists(next)) {
                fresh = SecretKeys.read(next);
            } else {
                fresh = SecretKeys.newKey();
                SecretKeys.write(next, fresh);
            }
            int resealed;
            try (Database db = Database.open(config)) {
                JdbcRegistryStore store = new JdbcRegistryStore(db.dataSource(), new SecretBox(fresh, List.of(old)));
                store.load();
                resealed = store.resealed();
            }
            SecretKeys.promote(next, file);
            return new Outcome(resealed, SecretBox.keyId(fresh));
        } catch (IOException e) {
            throw new StoreOpenException("cannot rotate the credential key " + file + ": " + e.getMessage(), e);
        }
    }
}
