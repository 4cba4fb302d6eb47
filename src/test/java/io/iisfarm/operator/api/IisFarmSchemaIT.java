package io.iisfarm.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.testing.Kubectl;
import io.iisfarm.operator.testing.RealApiServer;
import io.iisfarm.operator.testing.RealKube;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real API server is the judge of the CRD: the committed CRD and the chart's copy install and become
 * Established; every document in {@code iisfarms/bad/} is refused with exactly the causes its {@code # server:}
 * lines name (so none passes as bad for the wrong reason), and the good documents and the README's examples are
 * accepted, all as {@code kubectl create --dry-run=server} sends them (strict field validation).
 */
@RealApiServer
class IisFarmSchemaIT {
  private static final Path GOOD = Path.of("src/test/resources/iisfarms/good");
  private static final Path BAD = Path.of("src/test/resources/iisfarms/bad");
  private static final Path CHART_CRD = Path.of("helm/iis-farm-operator/files/iisfarms.iisfarm.io-v1.yml");
  private static final String SERVER = "# server: ";
  /** kube-apiserver adds this line whenever schema errors kept it from running the CEL rules. */
  private static final String RULES_SKIPPED = "some validation rules were not checked because the object was invalid";

  private static RealKube kube;
  private static Kubectl kubectl;

  @BeforeAll
  static void installCrd() {
    kube = RealKube.get();
    kubectl = kube.kubectl();
    kube.installCrd();
    kube.ensureNamespace("web");
  }

  @Test
  void theCommittedCrdAndTheChartsCopyInstallWithKubectlAndBecomeEstablished() throws Exception {
    assertThat(Files.readString(CHART_CRD)).isEqualTo(Files.readString(RealKube.CRD));
    for (Path crd : List.of(RealKube.CRD, CHART_CRD)) {
      Kubectl.Result applied = kubectl.run(kube.kubeconfig(), "apply", "--server-side", "--force-conflicts",
          "-f", crd.toString());
      assertThat(applied.exitCode()).as(applied.stderr()).isZero();
      Kubectl.Result established = kubectl.run(kube.kubeconfig(), "wait", "--for=condition=Established",
          "--timeout=60s", "crd/iisfarms.iisfarm.io");
      assertThat(established.exitCode()).as(established.stderr()).isZero();
      assertThat(established.stdout()).contains("condition met");
    }
  }

  static Stream<Path> badDocuments() throws IOException {
    return yamlFiles(BAD);
  }

  static Stream<Path> goodDocuments() throws IOException {
    return yamlFiles(GOOD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDocuments")
  void theServerRefusesABadDocumentForExactlyItsStatedReasons(Path file) throws Exception {
    List<String> expected = Files.readAllLines(file).stream().filter(l -> l.startsWith(SERVER))
        .map(l -> l.substring(SERVER.length())).toList();
    assertThat(expected).as("%s names no '%s' line", file, SERVER.strip()).isNotEmpty();

    Kubectl.Result result = kubectl.run(kube.kubeconfig(), "create", "--dry-run=server", "-f", file.toString());

    assertThat(result.exitCode()).as("kubectl create of %s: %s", file, result.stdout()).isNotZero();
    assertThat(causes(result.stderr())).as("the server's causes for %s", file)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodDocuments")
  void theServerAcceptsAGoodDocument(Path file) throws Exception {
    Kubectl.Result result = kubectl.run(kube.kubeconfig(), "create", "--dry-run=server", "-f", file.toString());

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("created (server dry run)");
  }

  @Test
  void theServerAcceptsEveryIisFarmInTheReadme(@TempDir Path dir) throws Exception {
    List<String> examples = readmeIisFarms();
    assertThat(examples).isNotEmpty();
    for (int i = 0; i < examples.size(); i++) {
      Path file = Files.writeString(dir.resolve("readme-" + i + ".yaml"), examples.get(i));
      Kubectl.Result result = kubectl.run(kube.kubeconfig(), "create", "--dry-run=server", "-f", file.toString());
      assertThat(result.exitCode()).as("README example %d: %s", i, result.stderr()).isZero();
    }
  }

  @Test
  void badDocumentsCoverWhatTheSchemaMustReject() throws IOException {
    List<String> names = badDocuments().map(p -> p.getFileName().toString().replace(".yaml", "")).toList();

    assertThat(names).contains("site-id-zero", "site-id-too-large", "port-zero", "port-too-large", "mode-unknown",
        "transport-unknown", "auth-unknown", "validation-unknown", "decryption-unknown", "runtime-unknown",
        "max-unavailable-zero", "resync-interval-without-unit", "duplicate-host-names", "duplicate-host-addresses",
        "duplicate-site-ids", "generate-with-adopt-from", "adopt-from-unknown-host",
        "no-hosts", "empty-hosts", "address-with-scheme", "hmacsha256-on-v2", "bitness-16",
        "missing-credentials-secret-ref", "key-in-spec", "unknown-field");
  }

  @Test
  void kubectlGetShowsNameReadyInSyncModeAgeInThatOrder(@TempDir Path dir) throws Exception {
    String namespace = kube.createNamespace("columns");
    Path farm = Files.writeString(dir.resolve("farm.yaml"), Files.readString(GOOD.resolve("minimal.yaml"))
        .replaceAll("namespace: [a-z-]+", "namespace: " + namespace));
    assertThat(kubectl.run(kube.kubeconfig(), "create", "-f", farm.toString()).exitCode()).isZero();

    for (String resource : List.of("iisfarms", "iisf")) {
      Kubectl.Result get = kubectl.run(kube.kubeconfig(), "-n", namespace, "get", resource);
      assertThat(get.exitCode()).as(get.stderr()).isZero();
      assertThat(get.stdout().lines().findFirst().orElseThrow().split("\\s{2,}"))
          .containsExactly("NAME", "READY", "IN SYNC", "MODE", "AGE");
    }
  }

  @Test
  void theServerStoresTheSchemaDefaultsAndDropsNulls() throws Exception {
    String namespace = kube.createNamespace("defaults");
    try (var client = kube.adminClient(namespace)) {
      var node = GeneratedCrd.readYaml(GOOD.resolve("minimal.yaml"));
      var spec = (com.fasterxml.jackson.databind.node.ObjectNode) node.get("spec");
      spec.putObject("rollout");
      spec.putObject("machineKey").putObject("secretRef").put("name", "farm-machinekey");
      spec.putNull("resyncInterval");
      spec.putNull("sessionState");
      ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("metadata")).put("namespace", namespace);

      var stored = client.getKubernetesSerialization().convertValue(
          client.genericKubernetesResources(IisFarm.GROUP + "/" + IisFarm.VERSION, "IisFarm")
              .resource(client.getKubernetesSerialization().convertValue(node,
                  io.fabric8.kubernetes.api.model.GenericKubernetesResource.class))
              .create(), com.fasterxml.jackson.databind.JsonNode.class);

      assertThat(stored.at("/spec/rollout/maxUnavailable").asInt()).isEqualTo(1);
      assertThat(stored.at("/spec/winrm/transport").asText()).isEqualTo("https");
      assertThat(stored.at("/spec/machineKey/validation").asText()).isEqualTo("SHA1");
      assertThat(stored.at("/spec/resyncInterval").asText()).isEqualTo("60s");
      assertThat(stored.at("/spec/mode").asText()).isEqualTo("Enforce");
      assertThat(stored.path("spec").has("sessionState")).isFalse();
    }
  }

  /** The causes kubectl prints for a refused object, one per line, without the "rules not checked" note. */
  static List<String> causes(String stderr) {
    String text = stderr.strip();
    List<String> causes = new ArrayList<>();
    int invalid = text.indexOf(" is invalid: ");
    if (invalid >= 0) {
      for (String line : text.substring(invalid + " is invalid: ".length()).split("\n")) {
        String cause = line.startsWith("* ") ? line.substring(2) : line;
        if (!cause.isBlank() && !cause.contains(RULES_SKIPPED)) {
          causes.add(cause.strip());
        }
      }
      return causes;
    }
    Matcher strict = Pattern.compile("(strict decoding error: .*)$", Pattern.DOTALL).matcher(text);
    causes.add(strict.find() ? strict.group(1).strip() : text);
    return causes;
  }

  /** The README's yaml blocks that declare an IisFarm. */
  static List<String> readmeIisFarms() throws IOException {
    Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
    List<String> farms = new ArrayList<>();
    while (block.find()) {
      if (block.group(1).contains("kind: IisFarm")) {
        farms.add(block.group(1));
      }
    }
    return farms;
  }

  private static Stream<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }
}
