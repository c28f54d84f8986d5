package org.wardnet.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void theDefaultCountIsStoredWithASaltAndVerifies() {
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);
        String stored = hasher.hash("correct horse battery");
        String[] parts = stored.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("600000", parts[1]);
        assertTrue(hasher.verify("correct horse battery", stored));
        assertFalse(hasher.verify("correct horse batterY", stored));
        assertNotEquals(stored, hasher.hash("correct horse battery"), "a fresh salt each time");
    }

    @Test
    void oldCountsStillVerifyAndAreFlaggedForRehash() {
        String old = new PasswordHasher(20_000).hash("pw of old");
        PasswordHasher current = new PasswordHasher(30_000);
        assertTrue(current.verify("pw of old", old));
        assertTrue(current.weakerThanCurrent(old));
        assertFalse(current.weakerThanCurrent(current.hash("pw of old")));
    }

    @Test
    void damagedOrForeignHashesNeverVerify() {
        PasswordHasher hasher = new PasswordHasher(10_000);
        String stored = hasher.hash("secret");
        assertFalse(hasher.verify("secret", stored.substring(0, stored.length() - 2) + "AA"));
        assertFalse(hasher.verify("secret", "$2a$10$abcdefghijklmnopqrstuv"));
        assertFalse(hasher.verify("secret", "pbkdf2-sha256$x$y$z"));
        assertFalse(hasher.verify("secret", null));
        assertFalse(hasher.verifyNobody("secret"));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1_000));
    }
}
