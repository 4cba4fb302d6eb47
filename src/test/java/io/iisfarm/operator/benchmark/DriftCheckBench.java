package io.iisfarm.operator.benchmark;

import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.observe.FarmObserver;
import io.iisfarm.operator.observe.HostRead;
import io.iisfarm.operator.plan.FarmPlan;
import io.iisfarm.operator.plan.Planner;
import io.iisfarm.operator.reconciler.FarmResolver;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.winrm.WinRmConnector;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A full drift check (observe every host, then plan) of farms of growing size, with the operator's own
 * observer and its one pool shared by all farms, against a serial baseline that reads the same hosts one after
 * another over the same transport. Every host is in sync, so the plan is empty and nothing is changed. The
 * sizes take turns within each round, so that a change in the machine's load touches them alike.
 */
final class DriftCheckBench {
  private static final int WARM_UP_ROUNDS = 3;

  private final List<Integer> sizes;
  private final Duration latency;
  private final int parallelism;
  private final int rounds;

  DriftCheckBench(List<Integer> sizes, Duration latency, int parallelism, int rounds) {
    this.sizes = sizes;
    this.latency = latency;
    this.parallelism = parallelism;
    this.rounds = rounds;
  }

  /** One simulated farm of a given size, resolved the way the reconciler resolves its IisFarm. */
  private record Farm(int size, SimulatedFarm sim, FarmResolver.Resolution resolution, List<String> names,
      List<Double> millis, List<Double> operatorCpu, List<Double> simulatorCpu) {}

  void run(Results results) {
    List<Farm> farms = new ArrayList<>();
    try (WinRmConnector connector = new WinRmConnector();
        FarmObserver observer = new FarmObserver(connector, new HostReader(), parallelism)) {
      for (int size : sizes) {
        farms.add(start(size));
      }
      Planner planner = new Planner();
      System.out.printf("drift check: warming up (JIT, the pool's %d threads) on every farm...%n", parallelism);
      for (int r = 0; r < WARM_UP_ROUNDS; r++) {
        farms.forEach(f -> check(observer, planner, f).requireClean(f.size()));
      }
      for (int r = 0; r < rounds; r++) {
        for (Farm farm : farms) {
          farm.sim().resetInspection();
          CpuMeter.Reading cpu = CpuMeter.read();
          Check check = check(observer, planner, farm);
          CpuMeter.Reading used = CpuMeter.read().minus(cpu);
          check.requireClean(farm.size());
          farm.millis().add(check.millis());
          farm.operatorCpu().add(used.operatorMillis() / farm.size());
          farm.simulatorCpu().add(used.simulatorMillis() / farm.size());
        }
        System.out.printf("  round %d: %s%n", r + 1, farms.stream()
            .map(f -> f.size() + " hosts " + Results.ms(f.millis().get(f.millis().size() - 1))).toList());
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (Farm farm : farms) {
        Map<String, Object> perHost = perHost(farm.sim());
        double serial = serial(connector, farm);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("hosts", farm.size());
        row.put("parallelMs", farm.millis().stream().map(v -> Results.round(v, 1)).toList());
        row.put("parallelMedianMs", Results.round(median(farm.millis()), 1));
        row.put("serialMs", Results.round(serial, 1));
        // CPU of this process during a parallel check: the operator's side (JIT and GC included) and the simulator's
        row.put("operatorCpuMsPerHost", Results.round(median(farm.operatorCpu()), 1));
        row.put("simulatorCpuMsPerHost", Results.round(median(farm.simulatorCpu()), 1));
        row.putAll(perHost);
        row.put("serialCommandsPerHost", perHost(farm.sim()).get("commandsPerHost"));
        System.out.printf("  %d hosts: parallel median %.0f ms, serial %.0f ms, %s%n", farm.size(),
            median(farm.millis()), serial, perHost);
        out.add(row);
      }
      report(out, results);
    } finally {
      farms.forEach(f -> f.sim().close());
    }
  }

  private void report(List<Map<String, Object>> farms, Results results) {
    double oneHost = farms.stream().filter(f -> (int) f.get("hosts") == 1)
        .mapToDouble(f -> (double) f.get("parallelMedianMs")).findFirst().orElse(Double.NaN);
    for (Map<String, Object> farm : farms) {
      int size = (int) farm.get("hosts");
      double parallel = (double) farm.get("parallelMedianMs");
      double serial = (double) farm.get("serialMs");
      double speedup = serial / parallel;
      double vsOne = parallel / oneHost;
      farm.put("speedupVsSerial", Results.round(speedup, 1));
      farm.put("timeVsOneHostFarm", Results.round(vsOne, 2));
      String label = size + (size == 1 ? " host" : " hosts");
      results.row("drift check", label + ": parallel (median of " + rounds + ") / serial",
          Results.ms(parallel) + " / " + Results.ms(serial), null, null);
      if (size > 1) {
        results.row("drift check", label + ": faster than serial", String.format("%.1f×", speedup),
            size == 100 ? "≥ 20×" : null, size == 100 ? speedup >= 20 : null);
        results.row("drift check", label + ": time vs 1-host farm", String.format("%.2f×", vsOne),
            size == 100 ? "≤ 1.5×" : null, size == 100 ? vsOne <= 1.5 : null);
      }
    }
    Map<String, Object> largest = farms.get(farms.size() - 1);
    int size = (int) largest.get("hosts");
    double cpu = (double) largest.get("operatorCpuMsPerHost") + (double) largest.get("simulatorCpuMsPerHost");
    int cores = Runtime.getRuntime().availableProcessors();
    results.row("drift check", "CPU per host read: operator + simulator", largest.get("operatorCpuMsPerHost")
        + " + " + largest.get("simulatorCpuMsPerHost") + " ms", null, null);
    results.row("drift check", "CPU floor of the " + size + "-host check on " + cores + " cores",
        Results.ms(cpu * size / cores), null, null);
    results.row("drift check", "WinRM Command requests per host per check",
        String.valueOf(largest.get("commandsPerHost")), "1 (≤ 2 with site web.configs)",
        (double) largest.get("commandsPerHost") <= 2);
    results.row("drift check", "connections / shells per host per check",
        largest.get("connectionsPerHost") + " / " + largest.get("shellsPerHost"), "reused within a check",
        (double) largest.get("shellsPerHost") <= 1 && (double) largest.get("connectionsPerHost") <= 1);
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("latencyMsPerRequest", latency.toMillis());
    section.put("hostReadParallelism", parallelism);
    section.put("rounds", rounds);
    section.put("farms", farms);
    results.put("driftCheck", section);
  }

  private Farm start(int size) {
    BenchFarmFile file = new BenchFarmFile(latency);
    BenchKey key = BenchKey.random();
    String password = "bench-" + size;
    for (int i = 0; i < size; i++) {
      file.inSync(String.format("web%03d", i), password, key);
    }
    SimulatedFarm sim = SimulatedFarm.fromYaml(file.yaml());
    List<BenchManifests.Host> hosts = sim.hosts().stream()
        .map(h -> new BenchManifests.Host(h.name(), h.port())).toList();
    BenchManifests manifests = new BenchManifests("bench", "check-" + size, hosts, password, sim.caPem(), key,
        "60s", 1);
    FarmResolver.Resolution resolution = new FarmResolver(manifests::secretData,
        (ns, name, farm, source, v, d) -> false, new KeyGenerator()).resolve(manifests.farm());
    if (!resolution.blockers().isEmpty()) {
      sim.close();
      throw new IllegalStateException("benchmark farm does not resolve: " + resolution.blockers());
    }
    return new Farm(size, sim, resolution, resolution.targets().stream().map(HostTarget::name).toList(),
        new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  }

  /** The same hosts read one after another, each over its own session, as a loop without the pool would. */
  private static double serial(WinRmConnector connector, Farm farm) {
    farm.sim().resetInspection();
    HostReader reader = new HostReader();
    long start = System.nanoTime();
    for (HostTarget target : farm.resolution().targets()) {
      try (WinRmSession session = connector.open(target.endpoint(), target.credentials())) {
        reader.read(session, target.options());
      }
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private record Check(double millis, Map<String, HostRead> reads, FarmPlan plan) {
    void requireClean(int size) {
      long observed = reads.values().stream().filter(r -> r instanceof HostRead.Observed).count();
      long steps = plan.hosts().stream().mapToLong(p -> p.steps().size()).sum();
      if (observed != size || steps != 0) {
        throw new IllegalStateException("drift check of " + size + " in-sync hosts read " + observed
            + " and planned " + steps + " step(s): " + reads.values().stream()
            .filter(r -> r instanceof HostRead.Failed).findFirst().orElse(null));
      }
    }
  }

  private static Check check(FarmObserver observer, Planner planner, Farm farm) {
    long start = System.nanoTime();
    Map<String, HostRead> reads = observer.observe(farm.resolution().targets());
    Map<String, HostObservation> observations = new LinkedHashMap<>();
    reads.forEach((host, read) -> {
      if (read instanceof HostRead.Observed o) {
        observations.put(host, o.observation());
      }
    });
    FarmPlan plan = planner.plan(farm.resolution().desired(), farm.names(), observations);
    return new Check((System.nanoTime() - start) / 1e6, reads, plan);
  }

  /** Requests each host served since the last reset, averaged over the farm. */
  static Map<String, Object> perHost(SimulatedFarm sim) {
    List<SimulatedHost> hosts = sim.hosts();
    double n = hosts.size();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("commandsPerHost", Results.round(hosts.stream().mapToLong(h -> h.counters().commandRequests()).sum() / n, 2));
    out.put("httpRequestsPerHost", Results.round(hosts.stream().mapToLong(h -> h.counters().httpRequests()).sum() / n, 2));
    out.put("connectionsPerHost",
        Results.round(hosts.stream().mapToLong(h -> h.counters().connectionsAccepted()).sum() / n, 2));
    out.put("shellsPerHost", Results.round(hosts.stream().mapToLong(h -> h.counters().shellsCreated()).sum() / n, 2));
    return out;
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
