package io.iisfarm.operator.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;

/** What the chart's RBAC must say, written out in full so that any widening fails a test. */
final class Rbac {
  private static final YAMLMapper YAML = new YAMLMapper();

  /** IisFarms and their status, Secrets (read and create only), Events (read one, create, patch). */
  static final JsonNode OPERATOR_RULES = yaml("""
      - apiGroups: ["iisfarm.io"]
        resources: ["iisfarms"]
        verbs: ["get", "list", "watch"]
      - apiGroups: ["iisfarm.io"]
        resources: ["iisfarms/status"]
        verbs: ["get", "patch", "update"]
      - apiGroups: [""]
        resources: ["secrets"]
        verbs: ["get", "list", "watch", "create"]
      - apiGroups: [""]
        resources: ["events"]
        verbs: ["get", "create", "patch"]
      """);

  private Rbac() {}

  static JsonNode leaseRules(String leaseName) {
    return yaml("""
        - apiGroups: ["coordination.k8s.io"]
          resources: ["leases"]
          verbs: ["create"]
        - apiGroups: ["coordination.k8s.io"]
          resources: ["leases"]
          resourceNames: ["%s"]
          verbs: ["get", "update", "patch"]
        """.formatted(leaseName));
  }

  static JsonNode subjects(String serviceAccount, String namespace) {
    ArrayNode subjects = YAML.createArrayNode();
    subjects.addObject().put("kind", "ServiceAccount").put("name", serviceAccount).put("namespace", namespace);
    return subjects;
  }

  static JsonNode named(List<JsonNode> objects, String namespace, String name) {
    return objects.stream()
        .filter(o -> namespace.equals(o.at("/metadata/namespace").asText()) && name.equals(o.at("/metadata/name").asText()))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(name + " in " + namespace));
  }

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
