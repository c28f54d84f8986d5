/**
 * Talking to devices: the RTSP client on Netty's {@code codec-rtsp}, the ONVIF client (SOAP over
 * Netty HTTP, WS-Discovery over UDP) and the JavaCV/FFmpeg recorder. Adapters implement core's
 * ports and hold no business rules. JavaCV stays inside this module.
 *
 * <p>Empty so far: the device protocols arrive with the RTSP/health and ONVIF work.
 */
package org.wardnet.adapters;
