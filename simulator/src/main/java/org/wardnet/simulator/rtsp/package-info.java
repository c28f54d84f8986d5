/**
 * Simulated RTSP cameras: many in one process, each on its own loopback address, serving a real
 * H.264 clip over RTP interleaved on the RTSP connection, with Digest authentication and
 * injectable faults ({@link org.wardnet.simulator.rtsp.CameraFault}).
 */
package org.wardnet.simulator.rtsp;
