/**
 * What one simulated camera is: its address, credentials, ONVIF persona (make, firmware variant)
 * and the fault injected into it. The RTSP and ONVIF sides read this; they never know each other.
 */
package org.wardnet.simulator.camera;
