/**
 * Camera health: what a probe of a camera can find wrong ({@link org.wardnet.core.health.ProbeErrorClass}).
 * The monitor's schedule and state machine arrive here next.
 */
package org.wardnet.core.health;
