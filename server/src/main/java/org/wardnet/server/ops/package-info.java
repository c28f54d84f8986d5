/**
 * What ops watch: liveness and readiness ({@link org.wardnet.server.ops.OpsResource}) and the
 * Prometheus metrics ({@link org.wardnet.server.ops.Metrics}) of requests, the registry and the JVM.
 */
package org.wardnet.server.ops;
