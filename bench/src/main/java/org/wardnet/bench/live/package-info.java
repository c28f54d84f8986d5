/**
 * The live relay measured against GStreamer's RTSP server relaying the same cameras to the same
 * viewers: CPU per viewer, viewers held without a dropped picture, the relay's own delay, heap per
 * session. Each part runs in a process of its own so its CPU can be read from /proc.
 */
package org.wardnet.bench.live;
