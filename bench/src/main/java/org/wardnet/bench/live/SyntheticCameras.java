package org.wardnet.bench.live;

/** Where {@code wardnet sim --synthetic N} serves camera {@code n}: 127.2.x.y, path /stream, admin/pw. */
final class SyntheticCameras {

    private SyntheticCameras() {
    }

    static String url(int camera, int port) {
        return "rtsp://127.2." + (camera / 250) + "." + (camera % 250 + 1) + ":" + port + "/stream";
    }
}
