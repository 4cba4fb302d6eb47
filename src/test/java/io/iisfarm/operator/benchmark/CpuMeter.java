package io.iisfarm.operator.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time this process spent between two readings: all of it (JIT and GC included), and the part the
 * simulated hosts' threads ({@code wsman-*}) spent, so that the operator's share is the difference.
 */
final class CpuMeter {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  record Reading(long processNanos, long simulatorNanos) {
    Reading minus(Reading earlier) {
      return new Reading(processNanos - earlier.processNanos, simulatorNanos - earlier.simulatorNanos);
    }

    double operatorMillis() { return (processNanos - simulatorNanos) / 1e6; }

    double simulatorMillis() { return simulatorNanos / 1e6; }
  }

  private CpuMeter() {}

  static Reading read() {
    long simulator = 0;
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("wsman-")) {
        long cpu = THREADS.getThreadCpuTime(info.getThreadId());
        simulator += Math.max(cpu, 0);
      }
    }
    return new Reading(OS.getProcessCpuTime(), simulator);
  }
}
