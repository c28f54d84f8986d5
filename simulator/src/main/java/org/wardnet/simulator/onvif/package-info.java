/**
 * The ONVIF side of a simulated camera: device, Media and Media2 services as its make's firmware
 * offers them, WS-Security or HTTP Digest, token replay checks, and WS-Discovery answers.
 */
package org.wardnet.simulator.onvif;
