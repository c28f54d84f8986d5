package org.wardnet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used between two marks: this JVM's (all its threads) and the whole machine's (every
 * process and the kernel's own threads, from {@code /proc/stat}: user, nice, system, irq and
 * softirq). The machine's figure includes the load generator and the kernel's write-back, which a
 * process's own figure leaves out.
 *
 * <p>Limits: Linux only (the machine's figure is 0 elsewhere); {@code /proc/stat} counts in ticks,
 * taken as 10 ms (USER_HZ 100, Linux's value on every common architecture).
 */
final class CpuUse {

    private static final long NANOS_PER_TICK = 10_000_000L;

    /** CPU nanoseconds used so far: this process's and the machine's. */
    record Mark(long processNanos, long machineNanos) {
        /** CPU microseconds per unit of work since {@code start}: {process, machine}. */
        double[] perUnitSince(Mark start, double units) {
            return new double[] {(processNanos - start.processNanos) / 1e3 / units,
                (machineNanos - start.machineNanos) / 1e3 / units};
        }
    }

    private CpuUse() {
    }

    static Mark now() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Mark(os.getProcessCpuTime(), machineBusyNanos());
    }

    private static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
