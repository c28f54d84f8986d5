package org.wardnet.core.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the layering on purpose: the domain using a JSON library. */
public final class CoreUsingJackson {

    public Object mapper() {
        return new ObjectMapper();
    }
}
