package org.wardnet.core.registry;

/**
 * One step of a registry write, as handed to {@link RegistryStore#apply}. A list of them is applied
 * in order, in one transaction; the registry orders them so that parents exist before children
 * and children are gone before their parents.
 */
public sealed interface RegistryChange {

    /** Insert ({@code isNew}) or update a site. */
    record PutSite(Site site, boolean isNew) implements RegistryChange {
    }

    /** Delete a site that has no children and no cameras left. */
    record DeleteSite(String siteId) implements RegistryChange {
    }

    /** Insert ({@code isNew}) or update a camera. */
    record PutCamera(Camera camera, boolean isNew) implements RegistryChange {
    }

    /** Delete a camera. */
    record DeleteCamera(String cameraId) implements RegistryChange {
    }
}
