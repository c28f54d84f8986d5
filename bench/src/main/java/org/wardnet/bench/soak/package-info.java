/**
 * The soak: the demo district run for hours with faults injected on a schedule, the server process
 * sampled every minute from outside (heap after a collection, threads, open files, store size) and
 * plotted, to show that nothing grows that should not.
 */
package org.wardnet.bench.soak;
