package io.iisfarm.operator.benchmark;

import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.observe.FarmObserver;
import io.iisfarm.operator.observe.HostRead;
import io.iisfarm.operator.reconciler.FarmResolver;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.winrm.WinRmConnector;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The drift check's CPU, split by thread, for working on the transport: {@code CheckCpu <hosts> <checks>
 * <latencyMs>} reads that many in-sync IIS 10 hosts with the operator's observer, after a warm-up of half as
 * many checks, and prints the operator's and the simulator's CPU per host check and the threads that used it.
 * Run with the jar and the test classes on the class path (docs/benchmarks.md).
 */
public final class CheckCpu {
  /** CPU of every OS thread of this process (JIT and GC threads too), by thread name, in ns. */
  static Map<String, Long> threadCpu() {
    Map<String, Long> out = new java.util.HashMap<>();
    try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
      for (var task : tasks.toList()) {
        try {
          String stat = java.nio.file.Files.readString(task.resolve("stat"));
          String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
          out.put(comm + "#" + task.getFileName(), ticks * 10_000_000L);
        } catch (java.io.IOException | RuntimeException e) {
          // thread gone
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    int hosts = Integer.parseInt(args[0]);
    int checks = Integer.parseInt(args[1]);
    int latency = Integer.parseInt(args[2]);
    BenchFarmFile file = new BenchFarmFile(Duration.ofMillis(latency));
    BenchKey key = BenchKey.random();
    for (int i = 0; i < hosts; i++) {
      file.inSync(String.format("web%03d", i), "pw", key);
    }
    try (SimulatedFarm sim = SimulatedFarm.fromYaml(file.yaml());
        WinRmConnector connector = new WinRmConnector();
        FarmObserver observer = new FarmObserver(connector, new HostReader(), 64)) {
      List<BenchManifests.Host> hs = sim.hosts().stream().map(h -> new BenchManifests.Host(h.name(), h.port())).toList();
      BenchManifests m = new BenchManifests("bench", "c", hs, "pw", sim.caPem(), key, "60s", 1);
      List<HostTarget> targets = new FarmResolver(m::secretData, (ns, name, farm, source, v, d) -> false,
          new KeyGenerator()).resolve(m.farm()).targets();
      for (int phase = 0; phase < 2; phase++) {
        int n = phase == 0 ? Math.max(20, checks / 2) : checks;
        Map<String, Long> t0 = threadCpu();
        CpuMeter.Reading cpu = CpuMeter.read();
        long start = System.nanoTime();
        double maxWall = 0;
        for (int c = 0; c < n; c++) {
          long s = System.nanoTime();
          Map<String, HostRead> reads = observer.observe(targets);
          maxWall = Math.max(maxWall, (System.nanoTime() - s) / 1e6);
          if (reads.values().stream().anyMatch(r -> !(r instanceof HostRead.Observed))) {
            throw new IllegalStateException(reads.toString());
          }
        }
        CpuMeter.Reading used = CpuMeter.read().minus(cpu);
        System.out.printf("%s: %d checks of %d hosts: operator CPU %.2f ms/host-check, simulator %.2f, wall %.0f ms/check (max %.0f)%n",
            phase == 0 ? "warm-up" : "measured", n, hosts, used.operatorMillis() / n / hosts,
            used.simulatorMillis() / n / hosts, (System.nanoTime() - start) / 1e6 / n, maxWall);
        var cl = java.lang.management.ManagementFactory.getClassLoadingMXBean();
        System.out.printf("   classes loaded %d (total %d, unloaded %d), JIT time %d ms%n", cl.getLoadedClassCount(),
            cl.getTotalLoadedClassCount(), cl.getUnloadedClassCount(),
            java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        Map<String, Long> t1 = threadCpu();
        Map<String, Long> diff = new java.util.TreeMap<>();
        t1.forEach((k, v) -> diff.merge(k.replaceAll("[-#]?\\d+$", "*").replaceAll("\\d+", "N"), v - t0.getOrDefault(k, 0L), Long::sum));
        diff.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(15)
            .forEach(e -> System.out.printf("   %-50s %8.1f ms/check%n", e.getKey(), e.getValue() / 1e6 / n));
      }
    }
    System.exit(0);
  }
}
