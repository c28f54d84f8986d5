#!/usr/bin/env bash
# Installs the real peers Wardnet's tests talk to, from Debian's packages: ffmpeg/ffprobe,
# GStreamer's RTSP server with its Python bindings, and curl (the HTTPS client of the TLS tests). Idempotent: installs only what is missing.
set -euo pipefail
packages=(ffmpeg gstreamer1.0-rtsp gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base
  gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-tools curl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-peers: missing ${missing[*]}; install them (Debian) to run the interoperability tests" >&2
  exit 1
fi
echo "install-peers: installing ${missing[*]}..." >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
