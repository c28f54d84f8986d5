package org.wardnet.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A person or machine account.
 *
 * @param name               unique, 1-64 of letters, digits, '.', '_', '-'
 * @param passwordHash       as made by {@link PasswordHasher}; never leaves the server
 * @param mustChangePassword set for a generated first password
 * @param disabled           a disabled user cannot log in and its tokens stop working
 */
public record User(String name, String passwordHash, boolean mustChangePassword, boolean disabled,
        List<Grant> grants, Instant created, Instant updated) {

    public User {
        Objects.requireNonNull(name, "name");
        grants = List.copyOf(grants);
    }

    /** Why {@code name} cannot be a user name, or null when it can. */
    public static String nameProblem(String name) {
        if (name == null || name.isEmpty() || name.length() > 64) {
            return "a user name has 1 to 64 characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-')) {
                return "a user name uses letters, digits, '.', '_' and '-' only";
            }
        }
        return null;
    }
}
