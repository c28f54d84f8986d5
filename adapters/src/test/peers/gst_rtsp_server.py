#!/usr/bin/python3
"""A real, independent RTSP server for Wardnet's interoperability tests: GStreamer's
GstRtspServer serving an H.264 MP4 file, a fresh pipeline per client, on 127.0.0.1.

Usage: gst_rtsp_server.py --clip FILE [--path /clip] [--user U --password P [--auth digest|basic]]
Prints "listening on rtsp://127.0.0.1:PORT/PATH" once ready; runs until killed.
"""
import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clip", required=True)
    parser.add_argument("--path", default="/clip")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--auth", choices=["digest", "basic"], default="digest")
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service("0")  # any free port; the bound one is printed below

    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        "( filesrc location=%s ! qtdemux ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )"
        % args.clip)
    factory.set_shared(False)

    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", "viewer")
        if args.auth == "digest":
            auth.add_digest(args.user, args.password, token)
            auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
        else:
            auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password), token)
            auth.set_supported_methods(GstRtsp.RTSPAuthMethod.BASIC)
        server.set_auth(auth)
        factory.add_role_from_structure(Gst.Structure.new_from_string(
            "viewer, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"))

    server.get_mount_points().add_factory(args.path, factory)
    server.attach(None)
    print("listening on rtsp://127.0.0.1:%d%s" % (server.get_bound_port(), args.path), flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    sys.exit(main())
