/**
 * The RTSP side of a simulated camera: a real H.264 clip streamed over RTP interleaved on the
 * RTSP connection, with Digest authentication, honouring the camera's injected faults.
 */
package org.wardnet.simulator.rtsp;
