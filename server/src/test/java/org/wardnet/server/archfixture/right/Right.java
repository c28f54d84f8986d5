package org.wardnet.server.archfixture.right;

import org.wardnet.server.archfixture.left.Left;

/** The other end of a package cycle made on purpose. */
public final class Right {

    public Left left() {
        return new Left();
    }
}
