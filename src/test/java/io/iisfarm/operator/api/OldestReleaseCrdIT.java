package io.iisfarm.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.iisfarm.operator.testing.Kubectl;
import io.iisfarm.operator.testing.RealApiServer;
import io.iisfarm.operator.testing.RealKube;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRD installs on the oldest supported release, judged by that release's own code: the
 * apiextensions-apiserver of Kubernetes 1.26.0 (src/test/kube/oldest), which decodes strictly, validates the
 * schema and estimates every CEL rule's cost as a 1.26 cluster does. Two mistakes that newer servers accept prove
 * the judge is that strict: a rule's {@code reason} (a 1.28 field) and a {@code lowerAscii()} uniqueness rule.
 */
@RealApiServer
class OldestReleaseCrdIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  private static RealKube kube;
  private static Kubectl kubectl;

  @BeforeAll
  static void installOnTheOldestRelease(@TempDir Path dir) throws Exception {
    kube = RealKube.get();
    kubectl = kube.kubectl();
    kube.ensureNamespace("web");
    JsonNode crd = YAML.readTree(RealKube.CRD.toFile());
    Kubectl.Result created = raw("create", CRDS + "?fieldValidation=Strict", crd, dir);
    assertThat(created.exitCode()).as("the %s CRD on %s: %s", RealKube.CRD, RealKube.oldestRelease(),
        created.stderr()).isZero();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!established()) {
      assertThat(System.nanoTime()).as("the CRD became Established on " + RealKube.oldestRelease())
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  @Test
  void theJudgeIsTheOldestRelease() {
    assertThat(RealKube.oldestRelease()).isEqualTo("1.26.0");
  }

  @Test
  void aRuleReasonIsRefusedThereAsAnUnknownField(@TempDir Path dir) throws Exception {
    ObjectNode crd = (ObjectNode) YAML.readTree(RealKube.CRD.toFile());
    ObjectNode rule = (ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/x-kubernetes-validations/0");
    rule.put("reason", "FieldValueInvalid");

    Kubectl.Result result = raw("create", CRDS + "?fieldValidation=Strict&dryRun=All", renamed(crd), dir);

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("strict decoding error: unknown field",
        "x-kubernetes-validations[0].reason");
  }

  @Test
  void aCaseInsensitiveUniquenessRuleIsRefusedThereForItsCost(@TempDir Path dir) throws Exception {
    ObjectNode crd = (ObjectNode) YAML.readTree(RealKube.CRD.toFile());
    ObjectNode sites = (ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/sites");
    sites.withArray("x-kubernetes-validations").addObject()
        .put("rule", "self.all(s, self.exists_one(o, o.name.lowerAscii() == s.name.lowerAscii()))")
        .put("message", "site names must be unique");

    Kubectl.Result result = raw("create", CRDS + "?fieldValidation=Strict&dryRun=All", renamed(crd), dir);

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("estimated rule cost exceeds budget");
  }

  static Stream<Path> goodDocuments() throws Exception {
    return IisFarmSchemaIT.goodDocuments();
  }

  static Stream<Path> badDocuments() throws Exception {
    return IisFarmSchemaIT.badDocuments();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodDocuments")
  void theOldestReleaseAcceptsAGoodDocument(Path file, @TempDir Path dir) throws Exception {
    Kubectl.Result result = createFarm(file, dir);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDocuments")
  void theOldestReleaseRefusesABadDocument(Path file, @TempDir Path dir) throws Exception {
    Kubectl.Result result = createFarm(file, dir);

    assertThat(result.exitCode()).as("%s was accepted", file).isNotZero();
    assertThat(result.stderr()).containsAnyOf("is invalid", "strict decoding error");
  }

  private static Kubectl.Result createFarm(Path file, Path dir) throws Exception {
    JsonNode farm = YAML.readTree(file.toFile());
    return raw("create", "/apis/iisfarm.io/v1alpha1/namespaces/" + farm.at("/metadata/namespace").asText()
        + "/iisfarms?fieldValidation=Strict&dryRun=All", farm, dir);
  }

  /** The same CRD under another name, so that a dry run is judged as a fresh install. */
  private static ObjectNode renamed(ObjectNode crd) {
    ((ObjectNode) crd.get("metadata")).put("name", "otherfarms.iisfarm.io");
    ObjectNode names = (ObjectNode) crd.at("/spec/names");
    names.put("plural", "otherfarms").put("singular", "otherfarm").put("kind", "OtherFarm");
    names.remove("shortNames");
    return crd;
  }

  private static boolean established() throws Exception {
    Kubectl.Result got = kubectl.run(kube.oldestKubeconfig(), "get", "--raw", CRDS + "/iisfarms.iisfarm.io");
    if (got.exitCode() != 0) {
      return false;
    }
    for (JsonNode condition : JSON.readTree(got.stdout()).at("/status/conditions")) {
      if ("Established".equals(condition.path("type").asText()) && "True".equals(condition.path("status").asText())) {
        return true;
      }
    }
    return false;
  }

  private static Kubectl.Result raw(String verb, String path, JsonNode body, Path dir) throws Exception {
    Path file = Files.createTempFile(dir, "body", ".json");
    Files.writeString(file, JSON.writeValueAsString(body));
    return kubectl.run(kube.oldestKubeconfig(), verb, "--raw", path, "-f", file.toString());
  }
}
