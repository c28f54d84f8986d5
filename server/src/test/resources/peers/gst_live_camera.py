#!/usr/bin/python3
"""A camera with an H.265 main stream and an H.264 sub stream, served live by GStreamer's RTSP
server on 127.0.0.1 (test patterns encoded as they are played), for Wardnet's live-view tests.

Usage: gst_live_camera.py
Serves rtsp://127.0.0.1:PORT/main (H.265, 320x180), /sub (H.264, 320x180) and /udp (H.264,
320x180, offered over UDP only: SETUP over TCP is answered 461); prints
"listening on rtsp://127.0.0.1:PORT" once ready; runs until killed.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

SOURCE = "videotestsrc is-live=true pattern=smpte ! video/x-raw,width=320,height=180,framerate=25/1"
MOUNTS = {
    "/main": SOURCE + " ! x265enc speed-preset=ultrafast tune=zerolatency key-int-max=25"
             " ! rtph265pay name=pay0 pt=96 config-interval=1",
    "/sub": SOURCE + " ! x264enc speed-preset=ultrafast tune=zerolatency key-int-max=25"
            " ! rtph264pay name=pay0 pt=96 config-interval=1",
    "/udp": SOURCE + " ! x264enc speed-preset=ultrafast tune=zerolatency key-int-max=25"
            " ! rtph264pay name=pay0 pt=96 config-interval=1",
}
UDP_ONLY = {"/udp"}


def main():
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service("0")
    for path, pipeline in MOUNTS.items():
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch("( " + pipeline + " )")
        factory.set_shared(True)
        if path in UDP_ONLY:
            factory.set_protocols(GstRtsp.RTSPLowerTrans.UDP)
        server.get_mount_points().add_factory(path, factory)
    server.attach(None)
    print("listening on rtsp://127.0.0.1:%d" % server.get_bound_port(), flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    sys.exit(main())
