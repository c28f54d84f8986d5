#!/usr/bin/python3
"""GStreamer's RTSP server as a relay, the peer of Wardnet's in the live benchmark: /live/camN pulls
the simulator's synthetic camera N once (rtspsrc over TCP, depayloaded and payloaded again, the
pipeline shared by all its clients) and serves it over TCP interleaved.

Usage: gst_relay.py SIM_PORT CAMERAS
Prints "listening on rtsp://127.0.0.1:PORT" once ready; runs until killed.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def camera_url(camera, port):
    return "rtsp://127.2.%d.%d:%d/stream" % (camera // 250, camera % 250 + 1, port)


def main():
    sim_port = int(sys.argv[1])
    cameras = int(sys.argv[2])
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service("0")
    server.set_backlog(4096)
    mounts = server.get_mount_points()
    for camera in range(cameras):
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(
            "( rtspsrc location=%s user-id=admin user-pw=pw protocols=tcp latency=0"
            " ! rtph264depay ! rtph264pay name=pay0 pt=96 config-interval=-1 )" % camera_url(camera, sim_port))
        factory.set_shared(True)
        factory.set_protocols(GstRtsp.RTSPLowerTrans.TCP)
        mounts.add_factory("/live/cam%d" % camera, factory)
    server.attach(None)
    print("listening on rtsp://127.0.0.1:%d" % server.get_bound_port(), flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    sys.exit(main())
