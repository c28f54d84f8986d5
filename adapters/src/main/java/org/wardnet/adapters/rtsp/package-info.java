/**
 * RTSP (RFC 2326) on the client side: the session description a camera answers to DESCRIBE
 * ({@link org.wardnet.adapters.rtsp.SdpParser}, tolerant of the vendor quirks seen in captured
 * traffic) and what Wardnet needs of it ({@link org.wardnet.adapters.rtsp.VideoTrack}).
 */
package org.wardnet.adapters.rtsp;
