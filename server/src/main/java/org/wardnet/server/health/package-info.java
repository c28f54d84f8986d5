/**
 * Camera health in the running server: the monitor's thread and probe event loops
 * ({@link org.wardnet.server.health.HealthService}), events fanned out to subscribers and the
 * history ({@link org.wardnet.server.health.HealthEventHub}), probe metrics and aggregated error
 * logs ({@link org.wardnet.server.health.ObservedProber}), and the health API.
 */
package org.wardnet.server.health;
