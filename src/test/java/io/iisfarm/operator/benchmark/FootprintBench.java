package io.iisfarm.operator.benchmark;

import io.fabric8.kubernetes.client.KubernetesClient;
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
 * The operator process alone, as the Helm chart runs it, with many farms: its start-to-ready time, the time until
 * every IisFarm reports status, then, over a warm-up in which every farm is re-checked on its 60 s resync, the CPU
 * it uses, its threads, and its resident memory and heap. The simulated hosts ({@code simulate --farm}) and the
 * API server run in processes of their own.
 */
final class FootprintBench {
  /** simulate is in this build's demo jar (docs/decisions/0017-artifacts.md), whichever checkout is measured. */
  private static final Path DEMO_JAR = Path.of("target", "iis-farm-operator-demo.jar");
  private static final Pattern HOST_LINE = Pattern.compile("^(\\S+)\\s.*https://127\\.0\\.0\\.1:(\\d+)/wsman");
  /** G1 prints one "heap" line; the serial collector (small containers) one line per generation. */
  private static final Pattern HEAP = Pattern.compile("(?:heap|generation)\\s+total (\\d+)K, used (\\d+)K");
  private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K, committed (\\d+)K");
  private static final Pattern RECONCILES = Pattern.compile("^iisfarm_reconciles_total\\{[^}]*} (\\S+)$");
  private static final int THREADS_TARGET = 64;
  private static final long RSS_TARGET_MIB = 256;

  private final Path jar;
  private final Path crd;
  private final Duration latency;
  private final int farms;
  private final int hostsPerFarm;
  private final Duration warmUp;
  /** One operator run each: the chart's JVM unless -Dbenchmark.operatorJvmArgs names others. */
  private final List<OperatorLaunch> launches = new ArrayList<>();

  /** @param subject the checkout measured: its jar, Helm chart and Dockerfile */
  FootprintBench(Path subject, Duration latency, int farms, int hostsPerFarm, Duration warmUp) throws IOException {
    this.jar = subject.resolve("target/iis-farm-operator.jar");
    this.crd = subject.resolve("crds/iisfarms.iisfarm.io-v1.yml");
    this.latency = latency;
    this.farms = farms;
    this.hostsPerFarm = hostsPerFarm;
    this.warmUp = warmUp;
    String given = System.getProperty("benchmark.operatorJvmArgs", "").strip();
    if (given.isEmpty()) {
      ChartJvm chart = ChartJvm.of(subject);
      launches.add(OperatorLaunch.of("the chart's JVM (limit " + chart.memoryLimitMiB() + "Mi)", chart.jvmArgs(),
          chart.env()));
    } else {
      for (String variant : given.split("\\|", -1)) {
        List<String> args = variant.isBlank() ? List.of() : Arrays.asList(variant.strip().split("\\s+"));
        launches.add(OperatorLaunch.of(args.isEmpty() ? "java -jar" : String.join(" ", args), args, Map.of()));
      }
    }
  }

  void run(Results results) throws IOException {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build it first (mvn -B -Pbenchmark -DskipTests verify)");
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
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("farms", farms);
    section.put("hostsPerFarm", hostsPerFarm);
    section.put("latencyMsPerRequest", latency.toMillis());
    long simStart = System.nanoTime();
    try (ChildProcess sim = ChildProcess.java("footprint-simulate", List.of("-jar", DEMO_JAR.toString(), "simulate",
            "--farm", farmFile.toString(), "--ca-out", caFile.toString()), Map.of());
        RealApiServer api = RealApiServer.start(Files.createTempDirectory(Benchmark.OUT, "footprint-kube-"))) {
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
      String caPem = Files.readString(caFile);
      Path kubeconfig = api.kubeconfig();
      try (KubernetesClient client = api.adminClient()) {
        RealApiServer.prepare(client, crd, "bench");
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
        for (int v = 0; v < launches.size(); v++) {
          try {
            runs.add(measureOperator(client, kubeconfig, launches.get(v), v, results));
          } catch (RuntimeException e) {
            System.out.println("  operator run " + (v + 1) + " failed: " + e.getMessage());
            results.row("footprint", "run " + (v + 1) + " " + launches.get(v).name() + " FAILED", e.getMessage(),
                null, false);
            runs.add(Map.of("jvmArgs", launches.get(v).jvmArgs(), "failed", String.valueOf(e.getMessage())));
          }
        }
        section.put("operatorRuns", runs);
      }
    }
    results.put("footprint", section);
  }

  private Map<String, Object> measureOperator(KubernetesClient client, Path kubeconfig, OperatorLaunch launch,
      int index, Results results) throws IOException {
    int port = freePort();
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("name", launch.name());
    section.put("jvmArgs", launch.jvmArgs());
    section.put("env", launch.env());
    section.put("operatorCommand", launch.describe(jar));
    System.out.println("  " + launch.describe(jar));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    // status written by an earlier run does not count: lastCheck has whole seconds
    Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long start = System.nanoTime();
    try (ChildProcess operator = launch.start(jar, kubeconfig, port, "footprint-operator-" + (index + 1))) {
      double[] times = awaitAllReady(client, http, port, operator, since, start);
      section.put("startToReadyMs", Results.round(times[0], 0));
      section.put("startToAllReportedMs", Results.round(times[1], 0));
      section.put("startToAllReadyMs", Results.round(times[2], 0));

      System.out.printf("  warming up for %d s (every farm re-checked on its 60 s resync)...%n", warmUp.toSeconds());
      double cpuBefore = operator.cpuSeconds();
      double reconcilesBefore = reconciles(http, port);
      long windowStart = System.nanoTime();
      long maxRss = 0;
      long maxThreads = 0;
      List<Long> samples = new ArrayList<>();
      List<Long> threadSamples = new ArrayList<>();
      while (System.nanoTime() - windowStart < warmUp.toNanos()) {
        long rss = operator.procStatus("VmRSS");
        long threads = operator.procStatus("Threads");
        samples.add(rss / 1024);
        threadSamples.add(threads);
        maxRss = Math.max(maxRss, rss);
        maxThreads = Math.max(maxThreads, threads);
        InProcessOperator.sleep(2_000);
      }
      double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
      double cpuSeconds = operator.cpuSeconds() - cpuBefore;
      double reconcilesInWindow = reconciles(http, port) - reconcilesBefore;
      long rss = operator.procStatus("VmRSS");
      long threads = operator.procStatus("Threads");
      maxThreads = Math.max(maxThreads, threads);
      section.put("warmUpSeconds", Results.round(windowSeconds, 1));
      section.put("cpuSecondsInWarmUp", Results.round(cpuSeconds, 2));
      section.put("coresUsed", Results.round(cpuSeconds / windowSeconds, 3));
      section.put("reconcilesInWarmUp", reconcilesInWindow);
      section.put("cpuMsPerHostCheck", Results.round(cpuSeconds * 1000 / (reconcilesInWindow * hostsPerFarm), 2));
      section.put("rssSamplesMiB", samples);
      section.put("threadSamples", threadSamples);
      section.put("rssAfterWarmUpMiB", rss / 1024);
      section.put("rssMaxDuringWarmUpMiB", Math.max(maxRss, rss) / 1024);
      section.put("rssPeakVmHwmMiB", operator.procStatus("VmHWM") / 1024);
      section.put("threads", threads);
      section.put("threadsMax", maxThreads);
      section.put("threadsByName", operator.threadsByName());
      heapFigures(operator, launch, section);
      section.put("reconciles", reconciles(http, port));

      String total = farms + " farms × " + hostsPerFarm + " hosts";
      boolean full = farms * hostsPerFarm >= 2000;
      results.row("footprint", "run " + (index + 1) + ": " + launch.name(), "", null, null);
      results.row("footprint", "  operator start → /readyz 200", Results.ms(times[0]), "≤ 5 s", times[0] <= 5_000);
      results.row("footprint", "  start → all " + farms + " IisFarms report status", Results.ms(times[1]), null,
          null);
      results.row("footprint", "  start → all " + farms + " IisFarms Ready", Results.ms(times[2]), null, null);
      results.row("footprint", "  CPU on a 60 s resync (" + total + ")", String.format("%.3f cores", cpuSeconds
          / windowSeconds), full ? "< 0.25 cores" : null, full ? cpuSeconds / windowSeconds < 0.25 : null);
      results.row("footprint", "  CPU per host check, all included", section.get("cpuMsPerHostCheck") + " ms", null,
          null);
      results.row("footprint", "  RSS after warm-up (" + total + ")", rss / 1024 + " MiB",
          full ? "≤ " + RSS_TARGET_MIB + " MiB" : null, full ? rss / 1024 <= RSS_TARGET_MIB : null);
      results.row("footprint", "  peak RSS (VmHWM)", section.get("rssPeakVmHwmMiB") + " MiB", null, null);
      results.row("footprint", "  threads after warm-up (most seen)", threads + " (" + maxThreads + ")",
          full ? "≤ " + THREADS_TARGET : null, full ? maxThreads <= THREADS_TARGET : null);
      results.row("footprint", "  heap used / committed; live after full GC", section.get("heapUsedMiB") + " / "
          + section.get("heapCommittedMiB") + "; " + section.get("heapUsedAfterFullGcMiB") + " MiB", null, null);
    }
    return section;
  }

  /** Start to /readyz 200, to every IisFarm reporting status, and to every IisFarm Ready, in ms. */
  private double[] awaitAllReady(KubernetesClient client, HttpClient http, int port, ChildProcess operator,
      Instant since, long start) {
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
      if (!operator.isAlive()) {
        throw new IllegalStateException("the operator exited; see its log under " + Benchmark.OUT);
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
        List<IisFarmStatus> fresh = client.resources(IisFarm.class).inNamespace("bench").list().getItems()
            .stream().map(IisFarm::getStatus).filter(s -> s != null && s.getLastCheck() != null
                && !Instant.parse(s.getLastCheck()).isBefore(since)).toList();
        long ready = fresh.stream().filter(InProcessOperator.readyAndInSync(hostsPerFarm)).count();
        double elapsed = (System.nanoTime() - start) / 1e6;
        if (Double.isNaN(reportedMs) && fresh.size() == farms) {
          reportedMs = elapsed;
        }
        if (ready == farms) {
          allReadyMs = elapsed;
        }
        System.out.printf("  %.1f s: %d/%d farms report status, %d ready; operator RSS %d MiB, %d threads%n",
            elapsed / 1000, fresh.size(), farms, ready, operator.procStatus("VmRSS") / 1024,
            operator.procStatus("Threads"));
        nextList = now + 2_000_000_000L;
      }
      InProcessOperator.sleep(readyMs > 0 ? 50 : 20);
    }
    return new double[] {readyMs, reportedMs, allReadyMs};
  }

  /** Heap, metaspace and the live set after a full GC, from jcmd (which cannot always attach to a container). */
  private static void heapFigures(ChildProcess operator, OperatorLaunch launch, Map<String, Object> section) {
    String heapInfo = operator.jcmd("GC.heap_info");
    long[] heap = heapKib(heapInfo);
    if (heap[0] == 0) {
      section.put("jcmd", heapInfo.strip());
      return;
    }
    section.put("heapCommittedMiB", heap[0] / 1024);
    section.put("heapUsedMiB", heap[1] / 1024);
    Matcher meta = METASPACE.matcher(heapInfo);
    if (meta.find()) {
      section.put("metaspaceUsedMiB", Long.parseLong(meta.group(1)) / 1024);
    }
    section.put("heapInfo", heapInfo.strip());
    // the live set: what a full GC keeps
    operator.jcmd("GC.run");
    section.put("heapUsedAfterFullGcMiB", heapKib(operator.jcmd("GC.heap_info"))[1] / 1024);
    section.put("rssAfterFullGcMiB", operator.procStatus("VmRSS") / 1024);
    if (launch.jvmArgs().stream().anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking"))) {
      section.put("nativeMemory", operator.jcmd("VM.native_memory", "summary").lines()
          .filter(l -> l.startsWith("-") || l.startsWith("Total")).map(String::strip).toList());
    }
    section.put("classHistogramTop", operator.jcmd("GC.class_histogram").lines().limit(25).toList());
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
