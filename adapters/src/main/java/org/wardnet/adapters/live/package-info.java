/**
 * Live view: one upstream RTSP pull per camera stream ({@link org.wardnet.adapters.live.LiveRelay}),
 * fanned out to any number of consumers, and the RTSP server that re-serves it
 * ({@link org.wardnet.adapters.live.RelayRtspServer}). Who may watch what is decided outside,
 * through {@link org.wardnet.adapters.live.LiveGate}.
 */
package org.wardnet.adapters.live;
