package io.iisfarm.operator.benchmark;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator process alone, as {@code java -jar iis-farm-operator.jar run}, with many farms: its start-to-ready
 * time, the time until every IisFarm reports status, and its resident memory and heap after warm-up. The
 * simulated hosts ({@code simulate --farm}) and the API server run in processes of their own.
 */
final class FootprintBench {
  private static final Path JAR = Path.of("target", "iis-farm-operator.jar");
  /** simulate is in the demo's jar (docs/decisions/0017-artifacts.md). */
  private static final Path DEMO_JAR = Path.of("target", "iis-farm-operator-demo.jar");
  private static final Pattern HOST_LINE = Pattern.compile("^(\\S+)\\s.*https://127\\.0\\.0\\.1:(\\d+)/wsman");
  /** G1 prints one "heap" line; the serial collector (small containers) one line per generation. */
  private static final Pattern HEAP = Pattern.compile("(?:heap|generation)\\s+total (\\d+)K, used (\\d+)K");
  private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K, committed (\\d+)K");
  private static final Pattern RECONCILES = Pattern.compile("^iisfarm_reconciles_total\\{[^}]*} (\\S+)$");

  private final Duration latency;
  private final int farms;
  private final int hostsPerFarm;
  private final Duration warmUp;
  /** JVM options per operator run: as started by hand, and as the Helm chart's memory limit would bound it. */
  private final List<List<String>> variants = new ArrayList<>();

  FootprintBench(Duration latency, int farms, int hostsPerFarm, Duration warmUp) {
    this.latency = latency;
    this.farms = farms;
    this.hostsPerFarm = hostsPerFarm;
    this.warmUp = warmUp;
    String given = System.getProperty("benchmark.operatorJvmArgs", "").strip();
    for (String variant : (given.isEmpty() ? DEFAULT_VARIANTS : given).split("\\|", -1)) {
      variants.add(variant.isBlank() ? List.of() : Arrays.asList(variant.strip().split("\\s+")));
    }
  }

  /**
   * Plain {@code java -jar}; then what the image's JVM ({@code -XX:MaxRAMPercentage=75}) picks under the chart's
   * default limit of 384Mi: a 288 MiB heap and, below 1792 MiB of memory, the serial collector (MaxRAM alone does
   * not change that choice outside a container, so it is named); then a 128 MiB heap. Separated by {@code |}.
   */
  static final String DEFAULT_VARIANTS = "|-XX:MaxRAM=384m -XX:MaxRAMPercentage=75 -XX:+UseSerialGC"
      + "|-Xmx128m -XX:+UseSerialGC";

  void run(Results results) throws IOException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: build it first (mvn -B -Pbenchmark -DskipTests verify)");
    }
    int total = farms * hostsPerFarm;
    System.out.printf("footprint: %d IisFarms × %d hosts (%d simulated hosts in another process)...%n", farms,
        hostsPerFarm, total);
    List<BenchKey> keys = new ArrayList<>();
    BenchFarmFile file = new BenchFarmFile(latency);
    for (int f = 0; f < farms; f++) {
      BenchKey key = BenchKey.random();
      keys.add(key);
      for (int h = 0; h < hostsPerFarm; h++) {
        file.inSync(hostName(f, h), password(f), key);
      }
    }
    Path farmFile = Files.writeString(Benchmark.OUT.resolve("footprint-farm.yaml"), file.yaml());
    Path caFile = Benchmark.OUT.resolve("footprint-ca.pem");
    Path kubeconfig = Benchmark.OUT.resolve("footprint-kubeconfig.yaml");
    Files.deleteIfExists(kubeconfig);
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("farms", farms);
    section.put("hostsPerFarm", hostsPerFarm);
    section.put("latencyMsPerRequest", latency.toMillis());
    long simStart = System.nanoTime();
    try (ChildProcess sim = ChildProcess.java("footprint-simulate", List.of("-jar", DEMO_JAR.toString(), "simulate",
            "--farm", farmFile.toString(), "--ca-out", caFile.toString()), Map.of());
        ChildProcess api = ChildProcess.java("footprint-apiserver", List.of("-cp", System.getProperty("java.class.path"),
            "-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", ""),
            "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
            ApiServerMain.class.getName(), kubeconfig.toString()), Map.of())) {
      sim.awaitLine(l -> l.startsWith("Serving until interrupted"), Duration.ofMinutes(10));
      section.put("simulatorStartMs", Results.round((System.nanoTime() - simStart) / 1e6, 0));
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (String line : sim.lines()) {
        Matcher m = HOST_LINE.matcher(line);
        if (m.find()) {
          ports.put(m.group(1), Integer.parseInt(m.group(2)));
        }
      }
      if (ports.size() != total) {
        throw new IllegalStateException("simulate served " + ports.size() + " hosts, not " + total);
      }
      section.put("simulatorRssMiB", sim.procStatus("VmRSS") / 1024);
      api.awaitLine(l -> l.startsWith("API server ready"), Duration.ofMinutes(2));
      String caPem = Files.readString(caFile);
      try (KubernetesClient client = new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
        long created = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> creations = new ArrayList<>();
        for (int f = 0; f < farms; f++) {
          List<BenchManifests.Host> hosts = new ArrayList<>();
          for (int h = 0; h < hostsPerFarm; h++) {
            hosts.add(new BenchManifests.Host(hostName(f, h), ports.get(hostName(f, h))));
          }
          BenchManifests m = new BenchManifests("bench", String.format("farm%03d", f), hosts, password(f), caPem,
              keys.get(f), "60s", 1);
          creations.add(pool.submit(() -> {
            m.secrets().forEach(s -> client.secrets().resource(s).create());
            client.resources(IisFarm.class).resource(m.farm()).create();
          }));
        }
        for (Future<?> creation : creations) {
          try {
            creation.get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          } catch (ExecutionException e) {
            throw new IllegalStateException("creating the IisFarms failed", e.getCause());
          }
        }
        pool.shutdown();
        section.put("createManifestsMs", Results.round((System.nanoTime() - created) / 1e6, 0));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
          try {
            runs.add(measureOperator(client, kubeconfig, variants.get(v), v, results));
          } catch (RuntimeException e) {
            System.out.println("  operator run " + (v + 1) + " failed: " + e.getMessage());
            results.row("footprint", "run " + (v + 1) + " " + variants.get(v) + " FAILED", e.getMessage(), null, false);
            runs.add(Map.of("jvmArgs", variants.get(v), "failed", String.valueOf(e.getMessage())));
          }
        }
        section.put("operatorRuns", runs);
      }
    }
    results.put("footprint", section);
  }

  private Map<String, Object> measureOperator(KubernetesClient client, Path kubeconfig, List<String> jvmArgs,
      int index, Results results) throws IOException {
    int port = freePort();
    List<String> args = new ArrayList<>(jvmArgs);
    args.addAll(List.of("-jar", JAR.toString(), "run", "--metrics-port", String.valueOf(port)));
    Map<String, Object> section = new LinkedHashMap<>();
    String command = "java " + String.join(" ", args);
    section.put("operatorCommand", command);
    System.out.println("  " + command);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    // status written by an earlier run does not count: lastCheck has whole seconds
    Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long start = System.nanoTime();
    try (ChildProcess operator = ChildProcess.java("footprint-operator-" + (index + 1), args,
        Map.of("KUBECONFIG", kubeconfig.toAbsolutePath().toString()))) {
      double readyMs = Double.NaN;
      double reportedMs = Double.NaN;
      double allReadyMs = Double.NaN;
      long deadline = start + Duration.ofMinutes(12).toNanos();
      long nextList = 0;
      while (Double.isNaN(allReadyMs)) {
        long now = System.nanoTime();
        if (now > deadline) {
          throw new IllegalStateException("farms not all ready after 12 min; see " + Benchmark.OUT);
        }
        if (!Double.isNaN(readyMs) && now >= nextList
            && operator.lines().stream().anyMatch(l -> l.contains("OutOfMemoryError"))) {
          throw new IllegalStateException("the operator ran out of memory; see its log under " + Benchmark.OUT);
        }
        if (Double.isNaN(readyMs) && status(http, port, "/readyz") == 200) {
          readyMs = (System.nanoTime() - start) / 1e6;
          System.out.printf("  operator ready after %.0f ms%n", readyMs);
        }
        if (!Double.isNaN(readyMs) && now >= nextList) {
          List<IisFarmStatus> statuses = client.resources(IisFarm.class).inNamespace("bench").list().getItems()
              .stream().map(IisFarm::getStatus).toList();
          List<IisFarmStatus> fresh = statuses.stream().filter(s -> s != null && s.getLastCheck() != null
              && !Instant.parse(s.getLastCheck()).isBefore(since)).toList();
          long reported = fresh.size();
          long ready = fresh.stream().filter(InProcessOperator.readyAndInSync(hostsPerFarm)).count();
          double elapsed = (System.nanoTime() - start) / 1e6;
          if (Double.isNaN(reportedMs) && reported == farms) {
            reportedMs = elapsed;
          }
          if (ready == farms) {
            allReadyMs = elapsed;
          }
          System.out.printf("  %.1f s: %d/%d farms report status, %d ready; operator RSS %d MiB%n", elapsed / 1000,
              reported, farms, ready, operator.procStatus("VmRSS") / 1024);
          nextList = now + 2_000_000_000L;
        }
        InProcessOperator.sleep(readyMs > 0 ? 50 : 20);
      }
      section.put("startToReadyMs", Results.round(readyMs, 0));
      section.put("startToAllReportedMs", Results.round(reportedMs, 0));
      section.put("startToAllReadyMs", Results.round(allReadyMs, 0));

      System.out.printf("  warming up for %d s (every farm re-checked on its 60 s resync)...%n", warmUp.toSeconds());
      long maxRss = 0;
      List<Long> samples = new ArrayList<>();
      long warmUpEnd = System.nanoTime() + warmUp.toNanos();
      while (System.nanoTime() < warmUpEnd) {
        long rss = operator.procStatus("VmRSS");
        samples.add(rss / 1024);
        maxRss = Math.max(maxRss, rss);
        InProcessOperator.sleep(5_000);
      }
      long rss = operator.procStatus("VmRSS");
      String heapInfo = operator.jcmd("GC.heap_info");
      long[] heap = heapKib(heapInfo);
      Matcher meta = METASPACE.matcher(heapInfo);
      section.put("rssSamplesMiB", samples);
      section.put("rssAfterWarmUpMiB", rss / 1024);
      section.put("rssMaxDuringWarmUpMiB", Math.max(maxRss, rss) / 1024);
      section.put("rssPeakVmHwmMiB", operator.procStatus("VmHWM") / 1024);
      section.put("threads", operator.procStatus("Threads"));
      section.put("heapCommittedMiB", heap[0] / 1024);
      section.put("heapUsedMiB", heap[1] / 1024);
      if (meta.find()) {
        section.put("metaspaceUsedMiB", Long.parseLong(meta.group(1)) / 1024);
      }
      section.put("heapInfo", heapInfo.strip());
      section.put("reconciles", reconciles(http, port));
      // the live set: what a full GC keeps
      operator.jcmd("GC.run");
      section.put("heapUsedAfterFullGcMiB", heapKib(operator.jcmd("GC.heap_info"))[1] / 1024);
      section.put("rssAfterFullGcMiB", operator.procStatus("VmRSS") / 1024);
      if (jvmArgs.stream().anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking"))) {
        section.put("nativeMemory", operator.jcmd("VM.native_memory", "summary").lines()
            .filter(l -> l.startsWith("-") || l.startsWith("Total")).map(String::strip).toList());
      }
      section.put("classHistogramTop", operator.jcmd("GC.class_histogram").lines().limit(25).toList());

      String run = "run " + (index + 1) + (jvmArgs.isEmpty() ? " (java -jar)" : " (" + String.join(" ", jvmArgs) + ")");
      results.row("footprint", run, "", null, null);
      results.row("footprint", "  operator start → /readyz 200", Results.ms(readyMs), "≤ 5 s", readyMs <= 5_000);
      results.row("footprint", "  start → all " + farms + " IisFarms report status", Results.ms(reportedMs), null,
          null);
      results.row("footprint", "  start → all " + farms + " IisFarms Ready", Results.ms(allReadyMs), null, null);
      results.row("footprint", "  RSS after warm-up (" + farms + " farms × " + hostsPerFarm + " hosts)",
          rss / 1024 + " MiB", "≤ 256 MiB", rss / 1024 <= 256);
      results.row("footprint", "  peak RSS (VmHWM)", section.get("rssPeakVmHwmMiB") + " MiB", null, null);
      results.row("footprint", "  heap used / committed; live after full GC", section.get("heapUsedMiB") + " / "
          + section.get("heapCommittedMiB") + "; " + section.get("heapUsedAfterFullGcMiB") + " MiB", null, null);
    }
    return section;
  }

  /** Committed and used heap in KiB, summed over what GC.heap_info lists. */
  private static long[] heapKib(String heapInfo) {
    long[] totalUsed = new long[2];
    Matcher m = HEAP.matcher(heapInfo);
    while (m.find()) {
      totalUsed[0] += Long.parseLong(m.group(1));
      totalUsed[1] += Long.parseLong(m.group(2));
    }
    return totalUsed;
  }

  private static double reconciles(HttpClient http, int port) {
    try {
      String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      return body.lines().map(RECONCILES::matcher).filter(Matcher::matches)
          .mapToDouble(m -> Double.parseDouble(m.group(1))).sum();
    } catch (IOException e) {
      return Double.NaN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    }
  }

  private static int status(HttpClient http, int port, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String hostName(int farm, int host) {
    return String.format("f%03dh%02d", farm, host);
  }

  private static String password(int farm) {
    return "bench-farm-" + farm;
  }
}
