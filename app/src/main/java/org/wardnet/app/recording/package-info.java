/**
 * Recording as a use case: plans applied to cameras, one recorder thread per camera, closed
 * segments indexed at once, recovery of unindexed segments at start, the disk guard and retention.
 */
package org.wardnet.app.recording;
