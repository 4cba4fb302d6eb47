package io.iisfarm.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a custom resource against a CRD's openAPIV3Schema the way kube-apiserver does on create,
 * as far as that can be done without one, in the API server's order:
 * <ol>
 *   <li>nulls in fields that are not {@code nullable} are dropped, then schema {@code default}s are
 *       filled into every object present (structural defaulting);</li>
 *   <li>fields the schema does not know are reported, as strict field validation does (kubectl's
 *       default since 1.27; a server that only prunes would drop them silently);</li>
 *   <li>the OpenAPI keywords (type, enum, pattern, minimum/maximum, min/maxItems, maxLength, required)
 *       are checked by networknt json-schema-validator, with patterns in RE2 syntax like Go's regexp;</li>
 *   <li>every {@code x-kubernetes-validations} rule is evaluated with cel-java on the node it sits on
 *       (see {@link CelRules} for what only the API server checks about rules).</li>
 * </ol>
 *
 * <p>Only a real API server does: validate {@code metadata} (names, namespace), apply server-side-apply
 * and list-type semantics, keep status apart through the status subresource, and enforce CEL costs.
 */
final class KubernetesSchemaValidator {
  /** Keywords of the Kubernetes structural schema that are not JSON Schema validation keywords. */
  private static final List<String> KUBERNETES_KEYWORDS = List.of("x-kubernetes-validations",
      "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource",
      "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type", "nullable");
  private static final String META_SCHEMA_IRI = "https://iisfarm.io/schemas/kubernetes-structural-schema";
  /** Every object carries these; the API server validates them itself, outside the CRD's schema. */
  private static final Set<String> TYPE_AND_OBJECT_META = Set.of("apiVersion", "kind", "metadata");

  private final JsonNode schemaNode;
  private final JsonSchema schema;
  private final CelRules cel = new CelRules();

  KubernetesSchemaValidator(JsonNode openApiV3Schema) {
    this.schemaNode = openApiV3Schema;
    JsonMetaSchema metaSchema = JsonMetaSchema.builder(META_SCHEMA_IRI, JsonMetaSchema.getV4())
        .keywords(KUBERNETES_KEYWORDS.stream().map(NonValidationKeyword::new).toList())
        .build();
    JsonSchemaFactory factory = JsonSchemaFactory.builder()
        .defaultMetaSchemaIri(META_SCHEMA_IRI)
        .metaSchema(metaSchema)
        .build();
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .pathType(PathType.JSON_PATH)
        .regularExpressionFactory(regex -> {
          Pattern pattern = Pattern.compile(regex);
          return value -> pattern.matcher(value).find();
        })
        .build();
    this.schema = factory.getSchema(openApiV3Schema, config);
  }

  /** All reasons the API server would reject the document; empty when it would store it. */
  List<Violation> validate(JsonNode document) {
    JsonNode object = document.deepCopy();
    pruneNullsAndApplyDefaults(schemaNode, object);
    List<Violation> violations = new ArrayList<>();
    unknownFields(schemaNode, object, "$", true, violations);
    for (ValidationMessage message : schema.validate(object)) {
      String path = message.getInstanceLocation().toString();
      if ("required".equals(message.getType())) {
        path = path + "." + message.getProperty();
      }
      violations.add(new Violation(path, message.getType(), message.getMessage()));
    }
    celRules(schemaNode, object, "$", violations);
    violations.sort(Comparator.comparing(Violation::key));
    return violations;
  }

  /** The document after null pruning and defaulting, as the API server would store it. */
  JsonNode defaulted(JsonNode document) {
    JsonNode object = document.deepCopy();
    pruneNullsAndApplyDefaults(schemaNode, object);
    return object;
  }

  /** Every {@code x-kubernetes-validations} rule in the schema, with the JSON path of the node it sits on. */
  static List<Map.Entry<String, JsonNode>> rules(JsonNode schema) {
    List<Map.Entry<String, JsonNode>> rules = new ArrayList<>();
    collectRules(schema, "$", rules);
    return rules;
  }

  private static void collectRules(JsonNode schema, String path, List<Map.Entry<String, JsonNode>> out) {
    schema.path("x-kubernetes-validations").forEach(rule -> out.add(Map.entry(path, rule)));
    schema.path("properties").properties()
        .forEach(p -> collectRules(p.getValue(), path + "." + p.getKey(), out));
    if (schema.has("items")) {
      collectRules(schema.get("items"), path + "[*]", out);
    }
  }

  private static void pruneNullsAndApplyDefaults(JsonNode schema, JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode properties = schema.path("properties");
      object.properties().removeIf(
          f -> f.getValue().isNull() && !properties.path(f.getKey()).path("nullable").asBoolean(false));
      properties.properties().forEach(p -> {
        if (!object.has(p.getKey()) && p.getValue().has("default")) {
          object.set(p.getKey(), p.getValue().get("default").deepCopy());
        }
      });
      object.properties().forEach(f -> pruneNullsAndApplyDefaults(properties.path(f.getKey()), f.getValue()));
    } else if (node instanceof ArrayNode array) {
      array.forEach(item -> pruneNullsAndApplyDefaults(schema.path("items"), item));
    }
  }

  private static void unknownFields(JsonNode schema, JsonNode node, String path, boolean root,
      List<Violation> out) {
    if (node.isObject()) {
      boolean closed = schema.has("properties") && !schema.has("additionalProperties")
          && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
      node.properties().forEach(f -> {
        String childPath = path + "." + f.getKey();
        JsonNode childSchema = schema.path("properties").get(f.getKey());
        if (childSchema != null) {
          unknownFields(childSchema, f.getValue(), childPath, false, out);
        } else if (closed && !(root && TYPE_AND_OBJECT_META.contains(f.getKey()))) {
          out.add(new Violation(childPath, "unknown field", "strict decoding error: unknown field \""
              + childPath.substring(2) + "\""));
        }
      });
    } else if (node.isArray() && schema.has("items")) {
      for (int i = 0; i < node.size(); i++) {
        unknownFields(schema.get("items"), node.get(i), path + "[" + i + "]", false, out);
      }
    }
  }

  private void celRules(JsonNode schema, JsonNode node, String path, List<Violation> out) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String failure = cel.violation(rule.path("rule").asText(), node);
      if (failure != null) {
        String message = rule.has("message") ? rule.get("message").asText()
            : "failed rule: " + rule.path("rule").asText();
        out.add(new Violation(path, "rule: " + message, failure));
      }
    }
    if (node.isObject()) {
      node.properties().stream()
          .filter(f -> schema.path("properties").has(f.getKey()))
          .forEach(f -> celRules(schema.path("properties").get(f.getKey()), f.getValue(),
              path + "." + f.getKey(), out));
    } else if (node.isArray() && schema.has("items")) {
      for (int i = 0; i < node.size(); i++) {
        celRules(schema.get("items"), node.get(i), path + "[" + i + "]", out);
      }
    }
  }

  CelRules cel() {
    return cel;
  }
}
