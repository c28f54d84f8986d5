package org.wardnet.core.registry;

import java.util.regex.Pattern;

/** The identifier rule shared by every registry entity: {@code [A-Za-z0-9._-]{1,64}}. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The rule in words, for error messages. */
    public static final String RULE = "1 to 64 characters from A-Z, a-z, 0-9, '.', '_' and '-'";

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Returns {@code id} or throws when it breaks the rule. */
    public static String require(String id, String what) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " must be " + RULE + ": " + id);
        }
        return id;
    }
}
