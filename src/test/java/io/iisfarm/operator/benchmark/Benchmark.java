package io.iisfarm.operator.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The performance benchmark, against the targets in docs/benchmarks.md: {@code mvn -B -Pbenchmark -DskipTests
 * verify}. Prints a table at the end and writes {@code target/benchmark/results.json}.
 *
 * <p>System properties: {@code benchmark.quick=true} runs small sizes (for development);
 * {@code benchmark.sections} picks sections (comma-separated: check, drift, footprint, rollout, iis6);
 * {@code benchmark.subject} is the checkout measured (its jar, chart and Dockerfile; default: this one), so that
 * one version of the benchmark measures an earlier version of the operator too.
 */
public final class Benchmark {
  static final Duration LATENCY = Duration.ofMillis(50);
  /** The {@code run} command's default {@code --host-parallelism}. */
  static final int HOST_PARALLELISM = Integer.getInteger("benchmark.hostParallelism", 64);
  static final Path OUT = Path.of("target", "benchmark");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    boolean quick = Boolean.getBoolean("benchmark.quick");
    Set<String> sections = Arrays.stream(System.getProperty("benchmark.sections", "check,drift,footprint,rollout,iis6")
        .split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    // every section writes its files here, some before any process is started
    Files.createDirectories(OUT);
    Results results = new Results();
    Map<String, Object> before = MachineInfo.capture("before");
    results.put("machine", before);
    results.put("quick", quick);
    Path subject = Path.of(System.getProperty("benchmark.subject", ".")).toAbsolutePath().normalize();
    results.put("subject", Map.of("path", subject.toString(), "commit", MachineInfo.commit(subject),
        "jar", subject.resolve("target/iis-farm-operator.jar").toString()));
    long start = System.nanoTime();
    if (sections.contains("check")) {
      new DriftCheckBench(quick ? List.of(1, 10) : List.of(1, 10, 50, 100), LATENCY, HOST_PARALLELISM,
          quick ? 3 : 7).run(results);
    }
    if (sections.contains("drift")) {
      new DriftCorrectionBench(LATENCY, quick ? 4 : 10, quick ? List.of(Duration.ofSeconds(5))
          : List.of(Duration.ofSeconds(5), Duration.ofSeconds(60)), quick ? 1 : 3).run(results);
    }
    if (sections.contains("rollout")) {
      new RolloutBench(LATENCY, 10, List.of(1, 3)).run(results);
    }
    if (sections.contains("iis6")) {
      new MetabaseReadBench(quick ? 100 : 500, LATENCY, List.of(
          new MetabaseReadBench.Costs(Duration.ZERO, Duration.ZERO, true),
          new MetabaseReadBench.Costs(Duration.ofNanos(20_000), Duration.ofMillis(50), true),
          new MetabaseReadBench.Costs(Duration.ofNanos(100_000), Duration.ofMillis(50), false)), quick ? 1 : 3)
          .run(results);
    }
    if (sections.contains("footprint")) {
      new FootprintBench(subject, LATENCY, quick ? 10 : 200, 10,
          quick ? Duration.ofSeconds(20) : Duration.ofSeconds(75)).run(results);
    }
    Map<String, Object> after = new LinkedHashMap<>(MachineInfo.capture("after"));
    after.put("benchmarkSeconds", Results.round((System.nanoTime() - start) / 1e9, 1));
    results.put("machineAfter", after);
    Path json = OUT.resolve("results.json");
    results.write(json);
    System.out.println();
    results.printTable(System.out);
    System.out.println();
    System.out.println("Load average before: " + before.get("loadAverage") + "; after: "
        + after.get("loadAverage"));
    System.out.println("Results written to " + json.toAbsolutePath());
    System.exit(0);
  }
}
