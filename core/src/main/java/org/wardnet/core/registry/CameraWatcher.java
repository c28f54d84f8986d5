package org.wardnet.core.registry;

/**
 * Told when a camera is registered, changed or removed, after the change is stored. Called on the
 * thread that made the change, inside the registry's lock: implementations must be quick and
 * must not call back into the registry's writing methods.
 */
public interface CameraWatcher {

    void cameraPut(Camera camera);

    void cameraRemoved(String cameraId);
}
