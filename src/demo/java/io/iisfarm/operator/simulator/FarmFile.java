package io.iisfarm.operator.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A farm file: {@code hosts:}, a list of hosts, each with the Windows emulation's keys plus the
 * four the farm reads itself: {@code winrm}, {@code faults}, {@code drift} and {@code http}.
 */
final class FarmFile {
  static final List<String> FARM_KEYS = List.of("winrm", "faults", "drift", "http");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One host of the file, its farm keys read, its Windows keys left for the emulation. */
  record HostEntry(String name, ObjectNode windowsKeys, WinRmSettings winrm, FaultSettings faults,
      List<DriftStep> drift, HttpSettings http) {}

  private FarmFile() {}

  static List<HostEntry> parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("farm file is not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || !root.path("hosts").isArray() || root.path("hosts").isEmpty()) {
      throw new IllegalArgumentException("farm file needs a non-empty hosts: list");
    }
    List<HostEntry> hosts = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.get("hosts")) {
      index++;
      if (!(node instanceof ObjectNode hostNode)) {
        throw new IllegalArgumentException("hosts[" + index + "] is not a mapping");
      }
      String where = "hosts[" + index + "]";
      String name = hostNode.path("name").asText(hostNode.path("hostname").asText(""));
      if (!name.isEmpty()) {
        where = "host " + name;
      }
      ObjectNode windows = hostNode.deepCopy();
      FARM_KEYS.forEach(windows::remove);
      hosts.add(new HostEntry(name, windows,
          read(hostNode.get("winrm"), WinRmSettings.class, where + " winrm", WinRmSettings.DEFAULTS),
          read(hostNode.get("faults"), FaultSettings.class, where + " faults", null),
          readDrift(hostNode.get("drift"), where),
          read(hostNode.get("http"), HttpSettings.class, where + " http", null)));
    }
    return hosts;
  }

  private static <T> T read(JsonNode node, Class<T> type, String where, T absent) {
    if (node == null || node.isNull()) {
      return absent;
    }
    try {
      return YAML.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + message(e));
    }
  }

  private static List<DriftStep> readDrift(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    try {
      return YAML.convertValue(node, new TypeReference<List<DriftStep>>() {});
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " drift: " + message(e));
    }
  }

  private static String message(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String text = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    return text == null ? t.getClass().getSimpleName() : text;
  }
}
