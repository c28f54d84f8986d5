/** Tier nodes under load: upward sync throughput and the catch-up after a partition, between two processes. */
package org.wardnet.bench.federation;
