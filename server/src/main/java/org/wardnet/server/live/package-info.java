/**
 * The live view joined together: the relay and its RTSP server (adapters) behind the live-session
 * use case (app), the recorder routed through the relay, and the ops view of both.
 */
package org.wardnet.server.live;
