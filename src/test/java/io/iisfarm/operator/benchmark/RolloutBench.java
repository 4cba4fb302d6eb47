package io.iisfarm.operator.benchmark;

import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rollout over a farm whose every host is wrong (Shop and Api swapped, another machineKey): wall time from
 * the IisFarm's creation to Ready with every host in sync, for each maxUnavailable, and the most hosts the
 * simulator saw disrupted at once.
 */
final class RolloutBench {
  private final Duration latency;
  private final int hosts;
  private final List<Integer> maxUnavailable;

  RolloutBench(Duration latency, int hosts, List<Integer> maxUnavailable) {
    this.latency = latency;
    this.hosts = hosts;
    this.maxUnavailable = maxUnavailable;
  }

  void run(Results results) {
    List<Map<String, Object>> out = new ArrayList<>();
    try (InProcessOperator op = new InProcessOperator()) {
      op.start();
      for (int max : maxUnavailable) {
        System.out.printf("rollout: %d drifted hosts, maxUnavailable %d...%n", hosts, max);
        BenchKey wanted = BenchKey.random();
        BenchFarmFile file = new BenchFarmFile(latency);
        for (int i = 0; i < hosts; i++) {
          file.drifted(String.format("web%02d", i), "bench-rollout", BenchKey.random());
        }
        try (SimulatedFarm sim = SimulatedFarm.fromYaml(file.yaml())) {
          List<BenchManifests.Host> list = sim.hosts().stream()
              .map(h -> new BenchManifests.Host(h.name(), h.port())).toList();
          BenchManifests manifests = new BenchManifests("bench", "rollout-" + max, list, "bench-rollout",
              sim.caPem(), wanted, "60s", max);
          sim.resetInspection();
          long start = System.nanoTime();
          op.create(manifests);
          op.await(manifests, Duration.ofMinutes(5), InProcessOperator.readyAndInSync(hosts));
          double wall = (System.nanoTime() - start) / 1e6;
          Map<String, Object> run = new LinkedHashMap<>();
          run.put("maxUnavailable", max);
          run.put("hosts", hosts);
          run.put("wallMs", Results.round(wall, 1));
          run.put("maxDisruptedHosts", sim.maxDisruptedHosts());
          run.put("changingCommandsPerHost", Results.round(sim.hosts().stream()
              .mapToLong(h -> h.journal().changes().size()).sum() / (double) hosts, 2));
          run.putAll(DriftCheckBench.perHost(sim));
          run.put("allSitesStarted", sim.hosts().stream().allMatch(RolloutBench::sitesStarted));
          System.out.println("  " + run);
          out.add(run);
          results.row("rollout", hosts + " hosts, maxUnavailable " + max + ": wall time", Results.ms(wall), null,
              null);
          results.row("rollout", hosts + " hosts, maxUnavailable " + max + ": most disrupted at once",
              String.valueOf(sim.maxDisruptedHosts()), "≤ " + max, sim.maxDisruptedHosts() <= max);
        }
      }
    }
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("latencyMsPerRequest", latency.toMillis());
    section.put("runs", out);
    results.put("rollout", section);
  }

  private static boolean sitesStarted(SimulatedHost host) {
    return host.windows().site("Shop").orElseThrow().started() && host.windows().site("Api").orElseThrow().started();
  }
}
