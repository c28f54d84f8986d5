/**
 * Running a simulated district: one listener per camera that tells RTSP from ONVIF by the first
 * bytes, the runner that starts a whole district with its faults, and the admin endpoint that
 * changes faults while it runs.
 */
package org.wardnet.simulator.run;
