package io.iisfarm.operator.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM the Helm chart runs, as a process outside a container can reproduce it: the flags of the image's
 * ENTRYPOINT, then the chart's {@code jvm.options} (given to the container as {@code JDK_JAVA_OPTIONS}), and
 * {@code -XX:MaxRAM} set to the chart's memory limit, so that percentages of memory resolve as in the
 * container. Below 1792 MiB a container JVM picks the serial collector; outside one, MaxRAM does not change that
 * choice, so the collector is named when the options do not name one. Environment variables the chart sets for
 * the JVM ({@code jvm.mallocArenaMax}) are returned too.
 *
 * @param memoryLimitMiB the chart's {@code resources.limits.memory}
 * @param memoryRequestMiB the chart's {@code resources.requests.memory}
 */
record ChartJvm(List<String> jvmArgs, Map<String, String> env, long memoryLimitMiB, long memoryRequestMiB) {
  private static final Pattern QUANTITY = Pattern.compile("(\\d+)(Mi|Gi)");
  private static final long SERIAL_GC_BELOW_MIB = 1792;

  /** Reads {@code helm/iis-farm-operator/values.yaml} and {@code Dockerfile} under {@code tree}. */
  static ChartJvm of(Path tree) throws IOException {
    JsonNode values = new ObjectMapper(new YAMLFactory())
        .readTree(tree.resolve("helm/iis-farm-operator/values.yaml").toFile());
    long limit = mebibytes(values.at("/resources/limits/memory").asText());
    long request = mebibytes(values.at("/resources/requests/memory").asText());
    List<String> args = new ArrayList<>(entrypointJvmFlags(tree.resolve("Dockerfile")));
    String options = values.at("/jvm/options").asText("").strip();
    if (!options.isEmpty()) {
      args.addAll(Arrays.asList(options.split("\\s+")));
    }
    args.add("-XX:MaxRAM=" + limit + "m");
    if (limit < SERIAL_GC_BELOW_MIB && args.stream().noneMatch(a -> a.matches("-XX:\\+Use\\w*GC"))) {
      args.add("-XX:+UseSerialGC");
    }
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode arenas = values.at("/jvm/mallocArenaMax");
    if (!arenas.isMissingNode() && !arenas.isNull()) {
      env.put("MALLOC_ARENA_MAX", arenas.asText());
    }
    return new ChartJvm(List.copyOf(args), Map.copyOf(env), limit, request);
  }

  /** The {@code -X...} flags of the last stage's exec-form ENTRYPOINT. */
  private static List<String> entrypointJvmFlags(Path dockerfile) throws IOException {
    String entrypoint = null;
    for (String line : Files.readAllLines(dockerfile)) {
      if (line.strip().startsWith("ENTRYPOINT")) {
        entrypoint = line.strip().substring("ENTRYPOINT".length()).strip();
      }
    }
    List<String> flags = new ArrayList<>();
    if (entrypoint != null && entrypoint.startsWith("[")) {
      for (JsonNode word : (ArrayNode) new ObjectMapper().readTree(entrypoint)) {
        if (word.asText().startsWith("-X")) {
          flags.add(word.asText());
        }
      }
    }
    return flags;
  }

  private static long mebibytes(String quantity) {
    Matcher m = QUANTITY.matcher(quantity.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("memory quantity " + quantity + " is not <n>Mi or <n>Gi");
    }
    return Long.parseLong(m.group(1)) * ("Gi".equals(m.group(2)) ? 1024 : 1);
  }
}
