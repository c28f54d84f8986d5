/**
 * Simulated districts for the demo, tests and benchmarks. Never needed by a production server.
 */
package org.wardnet.simulator;
