package io.iisfarm.operator.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The objects real Helm renders from the chart, parsed with Jackson. */
final class RenderedChart {
  static final Path CHART = Path.of("helm/iis-farm-operator");
  static final String RELEASE = "farm-ops";
  static final String NAMESPACE = "iisfarm-system";
  static final String FULLNAME = "farm-ops-iis-farm-operator";
  private static final ObjectMapper YAML = new YAMLMapper();

  final String manifest;
  final List<JsonNode> objects;

  private RenderedChart(String manifest, List<JsonNode> objects) {
    this.manifest = manifest;
    this.objects = objects;
  }

  /** Renders with the chart's values plus {@code overrides} (a values document), like helm template -f. */
  static RenderedChart render(Path workDir, Map<String, Object> overrides) {
    return render(workDir, RELEASE, overrides);
  }

  /** As {@link #render(Path, Map)}, for a release of another name. */
  static RenderedChart render(Path workDir, String release, Map<String, Object> overrides) {
    try {
      Path values = workDir.resolve("values-" + System.nanoTime() + ".yaml");
      Files.writeString(values, YAML.writeValueAsString(overrides));
      String manifest = new Helm(CHART).template().withName(release).withNamespace(NAMESPACE)
          .withValuesFile(values).call();
      List<JsonNode> objects = new ArrayList<>();
      try (var parser = new YAMLFactory().createParser(manifest)) {
        YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
          if (node != null && !node.isNull() && !node.isMissingNode()) {
            objects.add(node);
          }
        });
      }
      return new RenderedChart(manifest, objects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  JsonNode one(String kind) {
    List<JsonNode> found = ofKind(kind);
    if (found.size() != 1) {
      throw new NoSuchElementException("expected one " + kind + ", found " + found.size());
    }
    return found.get(0);
  }

  JsonNode container() {
    return one("Deployment").at("/spec/template/spec/containers/0");
  }

  /** The container's environment as name to value. */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    container().path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    return env;
  }

  /** Every RBAC rule of every Role and ClusterRole, each tagged with its role's kind, namespace and name. */
  List<ObjectNode> rbacRules() {
    List<ObjectNode> rules = new ArrayList<>();
    for (JsonNode role : objects) {
      String kind = role.path("kind").asText();
      if (kind.equals("Role") || kind.equals("ClusterRole")) {
        role.path("rules").forEach(rule -> {
          ObjectNode tagged = rule.deepCopy();
          tagged.put("in", kind + "/" + role.at("/metadata/namespace").asText("") + "/" + role.at("/metadata/name").asText());
          rules.add(tagged);
        });
      }
    }
    return rules;
  }
}
