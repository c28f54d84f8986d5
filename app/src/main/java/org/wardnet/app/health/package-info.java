/**
 * Camera health as a use case: the monitor's thread ({@link org.wardnet.app.health.HealthService}),
 * events fanned out to subscribers and written to the history
 * ({@link org.wardnet.app.health.HealthEventHub}), probe metrics and aggregated error logs
 * ({@link org.wardnet.app.health.ObservedProber}).
 */
package org.wardnet.app.health;
