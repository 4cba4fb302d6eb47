package io.iisfarm.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that the CRD this build generates accepts the documented IisFarms and rejects bad ones, each
 * for its stated reason. Every bad document names what must reject it in {@code # expect:} lines, and
 * the test demands exactly those violations, so a document never passes as bad for the wrong reason.
 *
 * <p>Checked here, as kube-apiserver does: null pruning and defaulting, unknown fields (strict field
 * validation), the OpenAPI keywords with RE2 patterns, and every x-kubernetes-validations rule
 * evaluated by cel-java on its node. Only a real API server does: the CEL cost estimate that can refuse
 * the CRD and the runtime cost budget (here only the bounds it relies on are checked), type-checking
 * rules against the schema's declared types, metadata validation (name, namespace), server-side-apply
 * and list-type merge semantics, the status subresource, and the exact wording of its error messages.
 */
class IisFarmSchemaTest {
  private static final Path GOOD = Path.of("src/test/resources/iisfarms/good");
  private static final Path BAD = Path.of("src/test/resources/iisfarms/bad");
  private static final String EXPECT = "# expect: ";

  private static KubernetesSchemaValidator validator;

  @BeforeAll
  static void loadGeneratedCrd() {
    validator = new KubernetesSchemaValidator(GeneratedCrd.openApiSchema());
  }

  static Stream<Path> goodDocuments() throws IOException {
    return yamlFiles(GOOD);
  }

  static Stream<Path> badDocuments() throws IOException {
    return yamlFiles(BAD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodDocuments")
  void acceptsGoodDocument(Path file) {
    assertThat(validator.validate(GeneratedCrd.readYaml(file))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDocuments")
  void rejectsBadDocumentForItsStatedReason(Path file) throws IOException {
    List<String> expected = expectations(file);
    assertThat(expected).as("%s names no '%s' line", file, EXPECT.strip()).isNotEmpty();

    List<String> actual = validator.validate(GeneratedCrd.readYaml(file)).stream().map(Violation::key).toList();

    assertThat(actual).as("violations of %s", file).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void badDocumentsCoverWhatTheSchemaMustReject() throws IOException {
    Set<String> names = badDocuments().map(p -> p.getFileName().toString().replace(".yaml", ""))
        .collect(Collectors.toSet());

    assertThat(names).hasSizeGreaterThanOrEqualTo(15).contains("site-id-zero", "site-id-too-large",
        "port-zero", "port-too-large", "mode-unknown", "transport-unknown", "auth-unknown",
        "validation-unknown", "decryption-unknown", "runtime-unknown", "max-unavailable-zero",
        "resync-interval-without-unit", "duplicate-host-names", "duplicate-site-names-case",
        "duplicate-site-ids", "generate-with-adopt-from", "adopt-from-unknown-host", "no-hosts",
        "empty-hosts", "address-with-scheme", "hmacsha256-on-v2", "bitness-16",
        "missing-credentials-secret-ref");
  }

  @Test
  void theDocumentedExampleIsKeptVerbatim() throws IOException {
    JsonNode example = GeneratedCrd.readYaml(GOOD.resolve("example.yaml"));

    assertThat(example.at("/spec/machineKey/adoptFrom").asText()).isEqualTo("web01");
    assertThat(example.at("/spec/hosts/1/address").asText()).isEqualTo("10.20.0.12:5986");
    assertThat(example.at("/spec/sessionState/stateConnectionString").asText())
        .isEqualTo("tcpip=state01.corp.example:42424");
    // the example deserialises into the Java types the operator reads
    IisFarm farm = GeneratedCrd.YAML.treeToValue(example, IisFarm.class);
    assertThat(farm.getSpec().getMachineKey().getRuntimes()).containsExactly(ClrRuntime.V2_0, ClrRuntime.V4_0);
    assertThat(farm.getSpec().getSites()).extracting(SiteSpec::getId).containsExactly(2L, 3L);
  }

  @Test
  void everyRuleCompilesHasAReasonTheApiServerAcceptsAndIsExercisedBothWays() throws IOException {
    List<Map.Entry<String, JsonNode>> rules = KubernetesSchemaValidator.rules(GeneratedCrd.openApiSchema());
    assertThat(rules).hasSizeGreaterThanOrEqualTo(8);

    Set<String> violatedByBadDocuments = new TreeSet<>();
    for (Path bad : badDocuments().toList()) {
      validator.validate(GeneratedCrd.readYaml(bad)).forEach(v -> violatedByBadDocuments.add(v.check()));
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : rules) {
      JsonNode rule = entry.getValue();
      String text = rule.path("rule").asText();
      assertThatCode(() -> validator.cel().compile(text)).as(text).doesNotThrowAnyException();
      // kube-apiserver accepts only these reasons on x-kubernetes-validations
      if (!Set.of("FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate")
          .contains(rule.path("reason").asText())) {
        problems.add(entry.getKey() + ": reason " + rule.path("reason"));
      }
      if (!rule.hasNonNull("message")) {
        problems.add(entry.getKey() + ": no message for " + text);
      } else if (!violatedByBadDocuments.contains("rule: " + rule.get("message").asText())) {
        problems.add(entry.getKey() + ": no bad document violates \"" + rule.get("message").asText() + "\"");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void stringsInListsWithUniquenessRulesAreBoundedSoTheApiServerCanCostTheRules() {
    // kube-apiserver refuses a CRD whose estimated rule cost is too high; an unbounded string inside a
    // list compared pairwise is costed at the maximum request size. The estimate itself is server-only.
    List<String> unbounded = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : KubernetesSchemaValidator.rules(GeneratedCrd.openApiSchema())) {
      String path = entry.getKey();
      JsonNode node = GeneratedCrd.openApiSchema().at(schemaPointer(path));
      if ("array".equals(node.path("type").asText())) {
        assertThat(node.has("maxItems")).as(path + " maxItems").isTrue();
        unboundedStrings(node.path("items"), path + "[*]", unbounded);
      }
    }
    assertThat(unbounded).isEmpty();
  }

  private static void unboundedStrings(JsonNode schema, String path, List<String> out) {
    if ("string".equals(schema.path("type").asText()) && !schema.has("maxLength") && !schema.has("enum")) {
      out.add(path);
    }
    schema.path("properties").properties().forEach(p -> unboundedStrings(p.getValue(), path + "." + p.getKey(), out));
  }

  /** {@code $.spec.hosts} to {@code /properties/spec/properties/hosts}. */
  private static String schemaPointer(String path) {
    StringBuilder pointer = new StringBuilder();
    for (String part : path.substring(2).split("\\.")) {
      boolean items = part.endsWith("[*]");
      pointer.append("/properties/").append(items ? part.substring(0, part.length() - 3) : part);
      if (items) {
        pointer.append("/items");
      }
    }
    return pointer.toString();
  }

  private static List<String> expectations(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> l.startsWith(EXPECT))
        .map(l -> l.substring(EXPECT.length()).strip()).toList();
  }

  private static Stream<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }
}
