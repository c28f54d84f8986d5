/**
 * The reference district "Haishu-2014": a seeded generator
 * ({@link org.wardnet.simulator.district.DistrictGenerator}) of its tier tree and 12,414 cameras
 * along a street grid, and its CSV form ({@link org.wardnet.simulator.district.DistrictFiles}).
 * Same seed, same district, on any machine.
 */
package org.wardnet.simulator.district;
