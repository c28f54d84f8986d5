package org.wardnet.server.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.wardnet.core.registry.Camera;
import org.wardnet.server.http.JsonCodec;

/**
 * The JSON of each camera, rendered once and reused while the camera is unchanged.
 *
 * <p>Cameras are immutable records that a write replaces, so an entry is valid exactly while it
 * was rendered from the same object the registry holds now (compared by identity): a write can
 * never be answered with stale JSON. Deleted cameras' entries are dropped in bulk once the cache
 * holds more entries than the registry has cameras plus a margin, so it stays bounded.
 */
final class CameraJsonCache {

    private static final int SLACK = 1024;

    private record Rendered(Camera camera, byte[] json) {
    }

    private final JsonCodec json;
    private final IntSupplier registeredCameras;
    private final Map<String, Rendered> cache = new ConcurrentHashMap<>();

    CameraJsonCache(JsonCodec json, IntSupplier registeredCameras) {
        this.json = json;
        this.registeredCameras = registeredCameras;
    }

    byte[] json(Camera camera) {
        Rendered rendered = cache.get(camera.id());
        if (rendered != null && rendered.camera() == camera) {
            return rendered.json();
        }
        byte[] bytes = json.write(RegistryJson.camera(camera));
        if (cache.size() > registeredCameras.getAsInt() + SLACK) {
            cache.clear();
        }
        cache.put(camera.id(), new Rendered(camera, bytes));
        return bytes;
    }
}
