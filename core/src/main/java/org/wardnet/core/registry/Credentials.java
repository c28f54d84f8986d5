package org.wardnet.core.registry;

/**
 * A user name and password for a device. The password is write-only as far as the API is
 * concerned; {@link #toString()} never shows it, so it cannot leak into a log line by accident.
 *
 * @param username may be empty when the device needs no login
 * @param password may be empty
 */
public record Credentials(String username, String password) {

    public static final Credentials NONE = new Credentials("", "");

    public Credentials {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    public boolean hasPassword() {
        return !password.isEmpty();
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=" + (hasPassword() ? "***" : "") + "]";
    }
}
