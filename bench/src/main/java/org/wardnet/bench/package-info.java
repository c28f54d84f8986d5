/**
 * Benchmark harnesses run by {@code bench/run}: the bulk-import and heap figures
 * ({@link org.wardnet.bench.ImportBenchmark}) and the bare Netty peer that the API's throughput is
 * compared with ({@link org.wardnet.bench.BareHelloServer}). Not part of the product.
 */
package org.wardnet.bench;
