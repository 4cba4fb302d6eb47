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
 * observer and pool, against a serial baseline that reads the same hosts one after another over the same
 * transport. Every host is in sync, so the plan is empty and nothing is changed.
 */
final class DriftCheckBench {
  private final List<Integer> sizes;
  private final Duration latency;
  private final int parallelism;
  private final int rounds;
  private static final int WARM_UP_ROUNDS = 10;

  DriftCheckBench(List<Integer> sizes, Duration latency, int parallelism, int rounds) {
    this.sizes = sizes;
    this.latency = latency;
    this.parallelism = parallelism;
    this.rounds = rounds;
  }

  void run(Results results) {
    System.out.println("drift check: warming up (JIT) on a 10-host farm...");
    measure(10, WARM_UP_ROUNDS, false);
    List<Map<String, Object>> farms = new ArrayList<>();
    double oneHost = Double.NaN;
    for (int size : sizes) {
      Map<String, Object> farm = measure(size, rounds, true);
      farms.add(farm);
      double parallel = (double) farm.get("parallelMedianMs");
      double serial = (double) farm.get("serialMs");
      if (size == 1) {
        oneHost = parallel;
      }
      double speedup = serial / parallel;
      double vsOne = parallel / oneHost;
      farm.put("speedupVsSerial", Results.round(speedup, 1));
      farm.put("timeVsOneHostFarm", Results.round(vsOne, 2));
      String label = size + (size == 1 ? " host" : " hosts");
      results.row("drift check", label + ": parallel / serial (median of " + rounds + ")",
          Results.ms(parallel) + " / " + Results.ms(serial), null, null);
      if (size > 1) {
        results.row("drift check", label + ": faster than serial", String.format("%.1f×", speedup),
            size == 100 ? "≥ 20×" : null, size == 100 ? speedup >= 20 : null);
        results.row("drift check", label + ": time vs 1-host farm", String.format("%.2f×", vsOne),
            size == 100 ? "≤ 1.5×" : null, size == 100 ? vsOne <= 1.5 : null);
      }
      if (size == sizes.get(sizes.size() - 1)) {
        double cpu = (double) farm.get("operatorCpuMsPerHost") + (double) farm.get("simulatorCpuMsPerHost");
        int cores = Runtime.getRuntime().availableProcessors();
        results.row("drift check", "CPU per host read: operator + simulator", farm.get("operatorCpuMsPerHost")
            + " + " + farm.get("simulatorCpuMsPerHost") + " ms", null, null);
        results.row("drift check", "CPU floor of the " + size + "-host check on " + cores + " cores",
            Results.ms(cpu * size / cores), null, null);
        results.row("drift check", "WinRM Command requests per host per check",
            String.valueOf(farm.get("commandsPerHost")), "1 (≤ 2 with site web.configs)",
            (double) farm.get("commandsPerHost") <= 2);
        results.row("drift check", "connections / shells per host per check",
            farm.get("connectionsPerHost") + " / " + farm.get("shellsPerHost"), "reused within a check",
            (double) farm.get("shellsPerHost") <= 1 && (double) farm.get("connectionsPerHost") <= 1);
      }
    }
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("latencyMsPerRequest", latency.toMillis());
    section.put("hostReadParallelism", parallelism);
    section.put("rounds", rounds);
    section.put("farms", farms);
    results.put("driftCheck", section);
  }

  /** Checks a farm of {@code size} in-sync hosts {@code rounds} times, then serially once if {@code serial}. */
  private Map<String, Object> measure(int size, int rounds, boolean serial) {
    BenchFarmFile file = new BenchFarmFile(latency);
    BenchKey key = BenchKey.random();
    String password = "bench-" + size;
    for (int i = 0; i < size; i++) {
      file.inSync(String.format("web%03d", i), password, key);
    }
    if (serial) {
      System.out.printf("drift check: %d host(s)...%n", size);
    }
    try (SimulatedFarm sim = SimulatedFarm.fromYaml(file.yaml());
        WinRmConnector connector = new WinRmConnector();
        FarmObserver observer = new FarmObserver(connector, new HostReader(), parallelism)) {
      List<BenchManifests.Host> hosts = sim.hosts().stream()
          .map(h -> new BenchManifests.Host(h.name(), h.port())).toList();
      BenchManifests manifests = new BenchManifests("bench", "check-" + size, hosts, password, sim.caPem(), key,
          "60s", 1);
      FarmResolver.Resolution resolution = new FarmResolver(manifests::secretData,
          (ns, name, farm, source, v, d) -> false, new KeyGenerator()).resolve(manifests.farm());
      if (!resolution.blockers().isEmpty()) {
        throw new IllegalStateException("benchmark farm does not resolve: " + resolution.blockers());
      }
      List<HostTarget> targets = resolution.targets();
      List<String> names = targets.stream().map(HostTarget::name).toList();
      Planner planner = new Planner();

      Check warmUp = check(observer, planner, resolution, names);
      warmUp.requireClean(size);
      List<Double> parallel = new ArrayList<>();
      List<Double> operatorCpu = new ArrayList<>();
      List<Double> simulatorCpu = new ArrayList<>();
      Map<String, Object> perHost = null;
      for (int r = 0; r < rounds; r++) {
        sim.resetInspection();
        CpuMeter.Reading cpu = CpuMeter.read();
        Check check = check(observer, planner, resolution, names);
        CpuMeter.Reading used = CpuMeter.read().minus(cpu);
        check.requireClean(size);
        parallel.add(check.millis);
        operatorCpu.add(used.operatorMillis() / size);
        simulatorCpu.add(used.simulatorMillis() / size);
        perHost = perHost(sim);
      }
      if (!serial) {
        return null;
      }
      sim.resetInspection();
      long start = System.nanoTime();
      HostReader reader = new HostReader();
      for (HostTarget target : targets) {
        try (WinRmSession session = connector.open(target.endpoint(), target.credentials())) {
          reader.read(session, target.options());
        }
      }
      double serialMs = (System.nanoTime() - start) / 1e6;
      Map<String, Object> serialPerHost = perHost(sim);

      Map<String, Object> out = new LinkedHashMap<>();
      out.put("hosts", size);
      out.put("parallelMs", parallel.stream().map(v -> Results.round(v, 1)).toList());
      out.put("parallelMedianMs", Results.round(median(parallel), 1));
      out.put("serialMs", Results.round(serialMs, 1));
      // CPU of this process during a parallel check: the operator's side (JIT and GC included) and the simulator's
      out.put("operatorCpuMsPerHost", Results.round(median(operatorCpu), 1));
      out.put("simulatorCpuMsPerHost", Results.round(median(simulatorCpu), 1));
      out.putAll(perHost);
      out.put("serialCommandsPerHost", serialPerHost.get("commandsPerHost"));
      System.out.printf("  parallel median %.0f ms, serial %.0f ms, %s%n", median(parallel), serialMs, perHost);
      return out;
    }
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

  private static Check check(FarmObserver observer, Planner planner, FarmResolver.Resolution resolution,
      List<String> names) {
    long start = System.nanoTime();
    Map<String, HostRead> reads = observer.observe(resolution.targets());
    Map<String, HostObservation> observations = new LinkedHashMap<>();
    reads.forEach((host, read) -> {
      if (read instanceof HostRead.Observed o) {
        observations.put(host, o.observation());
      }
    });
    FarmPlan plan = planner.plan(resolution.desired(), names, observations);
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
