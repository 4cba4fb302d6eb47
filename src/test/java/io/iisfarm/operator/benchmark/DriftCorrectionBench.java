package io.iisfarm.operator.benchmark;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.DriftAction;
import io.iisfarm.operator.simulator.wsman.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drift made behind the operator's back (a site ID and a machineKey changed on one host), injected right after
 * a periodic check of that host ended, which is the worst moment: the time until it is detected and until it
 * is corrected, for each resyncInterval.
 */
final class DriftCorrectionBench {
  private static final Pattern VALIDATION_KEY = Pattern.compile("<machineKey\\b[^>]*\\bvalidationKey=\"([^\"]*)\"");
  private static final String OTHER_KEY = "0123456789ABCDEF".repeat(8);

  private final Duration latency;
  private final int hosts;
  private final List<Duration> intervals;
  private final int samplesOfShortest;

  DriftCorrectionBench(Duration latency, int hosts, List<Duration> intervals, int samplesOfShortest) {
    this.latency = latency;
    this.hosts = hosts;
    this.intervals = intervals;
    this.samplesOfShortest = samplesOfShortest;
  }

  void run(Results results) {
    BenchKey key = BenchKey.random();
    BenchFarmFile file = new BenchFarmFile(latency);
    for (int i = 0; i < hosts; i++) {
      file.inSync(String.format("web%02d", i), "bench-drift", key);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    try (SimulatedFarm sim = SimulatedFarm.fromYaml(file.yaml()); InProcessOperator op = new InProcessOperator()) {
      List<BenchManifests.Host> list = sim.hosts().stream().map(h -> new BenchManifests.Host(h.name(), h.port()))
          .toList();
      BenchManifests manifests = new BenchManifests("bench", "drift", list, "bench-drift", sim.caPem(), key,
          seconds(intervals.get(0)), 1);
      op.start();
      op.create(manifests);
      op.await(manifests, Duration.ofMinutes(2), InProcessOperator.readyAndInSync(hosts));
      SimulatedHost host = sim.hosts().get(hosts / 2);
      for (int i = 0; i < intervals.size(); i++) {
        Duration interval = intervals.get(i);
        System.out.printf("drift correction: resyncInterval %s on a %d-host farm...%n", seconds(interval), hosts);
        int journalBefore = host.journal().size();
        if (i > 0) {
          // the spec change itself triggers a check: the samples start right after it
          op.client.resources(IisFarm.class).inNamespace(manifests.namespace()).withName(manifests.name())
              .edit(f -> {
                f.getSpec().setResyncInterval(seconds(interval));
                return f;
              });
        }
        int samples = i == 0 ? samplesOfShortest : 1;
        for (int s = 0; s < samples; s++) {
          awaitCheckEnded(host, journalBefore, interval.plusSeconds(30));
          Map<String, Object> sample = sample(host, key, interval);
          System.out.println("  " + sample);
          // the rollout ends with its status; the next sample starts from a settled farm
          op.await(manifests, Duration.ofMinutes(2), InProcessOperator.readyAndInSync(hosts));
          out.add(sample);
          journalBefore = host.journal().size();
        }
      }
    }
    for (Duration interval : intervals) {
      List<Map<String, Object>> of = out.stream().filter(m -> m.get("resyncIntervalSeconds")
          .equals(interval.toSeconds())).toList();
      double detect = of.stream().mapToDouble(m -> (double) m.get("detectedAfterMs")).max().orElse(Double.NaN);
      double correct = of.stream().mapToDouble(m -> (double) m.get("correctedAfterMs")).max().orElse(Double.NaN);
      boolean same = of.stream().allMatch(m -> (boolean) m.get("correctedInSameReconcile"));
      double bound = interval.plusSeconds(5).toMillis();
      results.row("drift", "resync " + seconds(interval) + ": injected → detected (worst of " + of.size() + ")",
          Results.ms(detect), "≤ " + seconds(interval.plusSeconds(5)), detect <= bound);
      results.row("drift", "resync " + seconds(interval) + ": injected → corrected (worst of " + of.size() + ")",
          Results.ms(correct), "same reconcile", same);
    }
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("hosts", hosts);
    section.put("latencyMsPerRequest", latency.toMillis());
    section.put("samples", out);
    results.put("driftCorrection", section);
  }

  /**
   * Waits until a check has read {@code host} (its one-command read, then the site web.config read) since the
   * journal held {@code before} entries. A host in sync gets no further command in that reconcile.
   */
  private static void awaitCheckEnded(SimulatedHost host, int before, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<JournalEntry> entries = host.journal().entries();
      int read = -1;
      for (int i = before; i < entries.size(); i++) {
        if (isFullRead(entries.get(i))) {
          read = i;
        }
      }
      if (read >= 0 && entries.size() > read + 1) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no check of " + host.name() + " within " + timeout);
      }
      InProcessOperator.sleep(2);
    }
  }

  /** The operator's one-command read of a host (HostReadCommand): the only line that runs {@code hostname}. */
  private static boolean isFullRead(JournalEntry entry) {
    return !entry.changedHost() && entry.commandLine().contains("hostname");
  }

  private Map<String, Object> sample(SimulatedHost host, BenchKey key, Duration interval) {
    var windows = host.windows();
    String config = windows.configPath("v4.0", 64, false);
    Instant injectedAt = Instant.now();
    long injected = System.nanoTime();
    windows.applyDrift(DriftAction.fromYaml("{kind: siteId, site: Shop, id: 7}"));
    windows.applyDrift(DriftAction.fromYaml("{kind: machineKey, runtime: v4.0, bitness: 64, validationKey: "
        + OTHER_KEY + "}"));
    long deadline = injected + interval.plusSeconds(60).toNanos();
    while (!corrected(host, config, key)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("drift on " + host.name() + " not corrected within " + interval.plusSeconds(60));
      }
      InProcessOperator.sleep(5);
    }
    double correctedMs = (System.nanoTime() - injected) / 1e6;
    List<JournalEntry> after = host.journal().matching(e -> e.time().isAfter(injectedAt));
    Instant detected = after.stream().filter(DriftCorrectionBench::isFullRead).map(JournalEntry::time).findFirst()
        .orElse(null);
    Instant firstChange = after.stream().filter(JournalEntry::changedHost).map(JournalEntry::time).findFirst()
        .orElse(null);
    double detectedMs = detected == null ? Double.NaN : Duration.between(injectedAt, detected).toNanos() / 1e6;
    Map<String, Object> sample = new LinkedHashMap<>();
    sample.put("resyncIntervalSeconds", interval.toSeconds());
    sample.put("host", host.name());
    sample.put("detectedAfterMs", Results.round(detectedMs, 1));
    sample.put("firstChangeAfterMs", firstChange == null ? null
        : Results.round(Duration.between(injectedAt, firstChange).toNanos() / 1e6, 1));
    sample.put("correctedAfterMs", Results.round(correctedMs, 1));
    sample.put("commandsBeforeFirstChange", after.stream().takeWhile(e -> !e.changedHost()).count());
    sample.put("fullReadsBeforeFirstChange", after.stream().takeWhile(e -> !e.changedHost())
        .filter(DriftCorrectionBench::isFullRead).count());
    // a later reconcile would come a whole resyncInterval after the one that detected the drift
    sample.put("correctedInSameReconcile", correctedMs - detectedMs < interval.toMillis());
    return sample;
  }

  private static boolean corrected(SimulatedHost host, String config, BenchKey key) {
    var shop = host.windows().site("Shop").orElseThrow();
    byte[] bytes = host.windows().readFile(config).orElseThrow();
    Matcher m = VALIDATION_KEY.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
    return shop.id() == 2 && m.find() && key.validationKey().equals(m.group(1));
  }

  static String seconds(Duration d) {
    return d.toSeconds() + "s";
  }
}
