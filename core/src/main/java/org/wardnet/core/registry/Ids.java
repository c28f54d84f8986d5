package org.wardnet.core.registry;

/** The identifier rule shared by every registry entity: {@code [A-Za-z0-9._-]{1,64}}. */
public final class Ids {

    /** The rule in words, for error messages. */
    public static final String RULE = "1 to 64 characters from A-Z, a-z, 0-9, '.', '_' and '-'";

    private Ids() {
    }

    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        // A plain scan: this runs on every request that names an id, a regex would allocate.
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code id} or throws when it breaks the rule. */
    public static String require(String id, String what) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " must be " + RULE + ": " + id);
        }
        return id;
    }
}
