/**
 * Reading video parameters from the bitstream: H.264 and H.265 sequence parameter sets, from which
 * a stream's resolution is known before a single frame is decoded.
 */
package org.wardnet.adapters.media;
