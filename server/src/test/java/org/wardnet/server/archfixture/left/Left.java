package org.wardnet.server.archfixture.left;

import org.wardnet.server.archfixture.right.Right;

/** One end of a package cycle made on purpose. */
public final class Left {

    public Right right() {
        return new Right();
    }
}
