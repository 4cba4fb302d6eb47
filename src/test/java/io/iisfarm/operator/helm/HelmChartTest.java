package io.iisfarm.operator.helm;

import static io.iisfarm.operator.helm.RenderedChart.FULLNAME;
import static io.iisfarm.operator.helm.RenderedChart.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lints and renders the chart with real Helm (helm-java) and checks what it would install. */
class HelmChartTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String SERVICE_ACCOUNT = FULLNAME;
  /** Compares numbers by value, so 1 equals 1.0. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  @TempDir
  Path workDir;

  @Test
  void lintPasses() {
    LintResult result = new Helm(RenderedChart.CHART).lint().strict().call();

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  @Test
  void defaultsWatchAllNamespacesWithAClusterRoleAndNoLeaderElection() throws IOException {
    RenderedChart chart = RenderedChart.render(workDir, Map.of());

    assertThat(chart.objects).extracting(o -> o.path("kind").asText()).containsExactlyInAnyOrder(
        "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Service", "Deployment", "CustomResourceDefinition");
    assertThat(chart.one("ClusterRole").path("rules")).isEqualTo(Rbac.OPERATOR_RULES);
    JsonNode binding = chart.one("ClusterRoleBinding");
    assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
    assertThat(binding.at("/roleRef/name").asText()).isEqualTo(FULLNAME);
    assertThat(binding.path("subjects")).isEqualTo(Rbac.subjects(SERVICE_ACCOUNT, NAMESPACE));
    assertThat(chart.one("ServiceAccount").at("/metadata/name").asText()).isEqualTo(SERVICE_ACCOUNT);
    assertThat(chart.one("ServiceAccount").at("/metadata/namespace").asText()).isEqualTo(NAMESPACE);

    JsonNode deployment = chart.one("Deployment");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo(SERVICE_ACCOUNT);
    JsonNode container = chart.container();
    assertThat(container.path("image").asText()).isEqualTo("iis-farm-operator:" + appVersion());
    assertThat(container.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
    // the image's entrypoint runs "java -jar ... run"; the chart must not replace or extend it
    assertThat(container.has("command")).isFalse();
    assertThat(container.has("args")).isFalse();
    assertThat(chart.env()).containsExactly(
        Map.entry("IISFARM_NAMESPACES", ""),
        Map.entry("IISFARM_LEADER_ELECTION", "false"),
        Map.entry("IISFARM_METRICS_PORT", "8080"),
        Map.entry("IISFARM_LOG_FORMAT", "text"),
        Map.entry("IISFARM_LABEL_SELECTOR", ""));
    assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("416Mi");
    assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
    assertProbesOnMetricsPort(chart, 8080);
    assertLockedDown(chart);
    assertThat(chart.ofKind("ConfigMap")).isEmpty();

    JsonNode service = chart.one("Service");
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("metrics");
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
    assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
  }

  @Test
  void watchedNamespacesGetRolesLeaderElectionALeaseAndLegacyTlsAJavaSecurityOverride() throws IOException {
    RenderedChart chart = RenderedChart.render(workDir, Map.of(
        "watchNamespaces", List.of("shop", "intranet"),
        "leaderElection", Map.of("enabled", true, "leaseName", "farm-leader"),
        "legacyTls", Map.of("enabled", true),
        "logFormat", "json",
        "labelSelector", "farm-group=emea",
        "replicaCount", 2,
        "metrics", Map.of("port", 9090),
        "image", Map.of("repository", "registry.example/iis-farm-operator", "tag", "1.2.3"),
        "podAnnotations", Map.of("example.com/team", "web")));

    assertThat(chart.ofKind("ClusterRole")).isEmpty();
    assertThat(chart.ofKind("ClusterRoleBinding")).isEmpty();
    for (String namespace : List.of("shop", "intranet")) {
      JsonNode role = Rbac.named(chart.ofKind("Role"), namespace, FULLNAME);
      assertThat(role.path("rules")).isEqualTo(Rbac.OPERATOR_RULES);
      JsonNode binding = Rbac.named(chart.ofKind("RoleBinding"), namespace, FULLNAME);
      assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("Role");
      assertThat(binding.path("subjects")).isEqualTo(Rbac.subjects(SERVICE_ACCOUNT, NAMESPACE));
    }
    JsonNode leaseRole = Rbac.named(chart.ofKind("Role"), NAMESPACE, FULLNAME + "-leader-election");
    assertThat(leaseRole.path("rules")).isEqualTo(Rbac.leaseRules("farm-leader"));
    assertThat(Rbac.named(chart.ofKind("RoleBinding"), NAMESPACE, FULLNAME + "-leader-election").path("subjects"))
        .isEqualTo(Rbac.subjects(SERVICE_ACCOUNT, NAMESPACE));
    assertThat(chart.ofKind("Role")).hasSize(3);
    assertThat(chart.ofKind("RoleBinding")).hasSize(3);

    assertThat(chart.one("Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(chart.container().path("image").asText()).isEqualTo("registry.example/iis-farm-operator:1.2.3");
    assertThat(chart.env()).containsExactly(
        Map.entry("IISFARM_NAMESPACES", "shop,intranet"),
        Map.entry("IISFARM_LEADER_ELECTION", "true"),
        Map.entry("IISFARM_LEASE_NAME", "farm-leader"),
        Map.entry("IISFARM_METRICS_PORT", "9090"),
        Map.entry("IISFARM_LOG_FORMAT", "json"),
        Map.entry("IISFARM_LABEL_SELECTOR", "farm-group=emea"),
        Map.entry("JAVA_TOOL_OPTIONS", "-Djava.security.properties=/etc/iis-farm-operator/security/java.security"));
    assertProbesOnMetricsPort(chart, 9090);
    assertLockedDown(chart);

    JsonNode configMap = chart.one("ConfigMap");
    assertThat(configMap.at("/metadata/namespace").asText()).isEqualTo(NAMESPACE);
    assertThat(configMap.at("/data/java.security").asText())
        .contains("jdk.tls.disabledAlgorithms=SSLv3, DTLSv1.0, RC4")
        .doesNotContain("TLSv1,").doesNotContain("TLSv1.1");
    JsonNode pod = chart.one("Deployment").at("/spec/template/spec");
    assertThat(pod.path("volumes")).anySatisfy(v -> {
      assertThat(v.path("name").asText()).isEqualTo("java-security");
      assertThat(v.at("/configMap/name").asText()).isEqualTo(configMap.at("/metadata/name").asText());
    });
    assertThat(chart.container().path("volumeMounts")).anySatisfy(m -> {
      assertThat(m.path("name").asText()).isEqualTo("java-security");
      assertThat(m.path("mountPath").asText()).isEqualTo("/etc/iis-farm-operator/security");
      assertThat(m.path("readOnly").asBoolean()).isTrue();
    });
    JsonNode annotations = chart.one("Deployment").at("/spec/template/metadata/annotations");
    assertThat(annotations.path("example.com/team").asText()).isEqualTo("web");
    assertThat(annotations.path("checksum/java-security").asText()).hasSize(64);
  }

  @Test
  void leaderElectionWithoutWatchedNamespacesAddsOnlyTheLeaseRoleToTheClusterRole() throws IOException {
    RenderedChart chart = RenderedChart.render(workDir, Map.of("leaderElection", Map.of("enabled", true)));

    assertThat(chart.one("ClusterRole").path("rules")).isEqualTo(Rbac.OPERATOR_RULES);
    assertThat(chart.one("Role").at("/metadata/namespace").asText()).isEqualTo(NAMESPACE);
    assertThat(chart.one("Role").path("rules")).isEqualTo(Rbac.leaseRules(FULLNAME + "-leader"));
    assertThat(chart.env()).containsEntry("IISFARM_LEADER_ELECTION", "true")
        .containsEntry("IISFARM_LEASE_NAME", FULLNAME + "-leader");
  }

  @Test
  void shardsInstalledAsTwoReleasesInOneNamespaceEachGetTheirOwnLeaseAndSelector() throws IOException {
    for (String shard : List.of("a", "b")) {
      RenderedChart chart = RenderedChart.render(workDir, "shard-" + shard, Map.of("labelSelector", "shard=" + shard,
          "replicaCount", 2, "leaderElection", Map.of("enabled", true)));

      String lease = "shard-" + shard + "-iis-farm-operator-leader";
      assertThat(chart.env()).containsEntry("IISFARM_LABEL_SELECTOR", "shard=" + shard)
          .containsEntry("IISFARM_LEASE_NAME", lease);
      assertThat(Rbac.named(chart.ofKind("Role"), NAMESPACE, "shard-" + shard + "-iis-farm-operator-leader-election")
          .path("rules")).isEqualTo(Rbac.leaseRules(lease));
    }
  }

  @Test
  void severalReplicasWithoutLeaderElectionAreRefused() {
    assertThatThrownBy(() -> RenderedChart.render(workDir, Map.of("replicaCount", 2)))
        .hasMessageContaining("replicaCount > 1 needs leaderElection.enabled: true");
  }

  @Test
  void theCrdIsTheCommittedCopyKeptOnUninstallAndCanBeLeftOut() throws IOException {
    RenderedChart chart = RenderedChart.render(workDir, Map.of());
    JsonNode crd = chart.one("CustomResourceDefinition");
    JsonNode committed = YAML.readTree(RenderedChart.CHART.resolve("files/iisfarms.iisfarm.io-v1.yml").toFile());

    assertThat(crd.at("/metadata/annotations/helm.sh~1resource-policy").asText()).isEqualTo("keep");
    assertThat(crd.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("Helm");
    ((ObjectNode) crd.get("metadata")).remove(List.of("annotations", "labels"));
    // Helm's fromYaml/toYaml turns 1.0 into 1 and 4.294967295E9 into 4.294967295e+09: equal as numbers
    assertThat(crd.equals(NUMBERS_BY_VALUE, committed)).as("rendered CRD equals the committed copy").isTrue();

    assertThat(RenderedChart.render(workDir, Map.of("crd", Map.of("install", false)))
        .ofKind("CustomResourceDefinition")).isEmpty();
  }

  @Test
  void valuesSchemaRejectsAnUnknownLogFormatAndMisspeltValues() {
    assertThatThrownBy(() -> RenderedChart.render(workDir, Map.of("logFormat", "xml")))
        .hasMessageContaining("logFormat");
    assertThatThrownBy(() -> RenderedChart.render(workDir, Map.of("watchNamespace", List.of("shop"))))
        .hasMessageContaining("watchNamespace");
  }

  @Test
  void legacyTlsOverrideReEnablesOnlyTls10And11() throws IOException {
    // the chart's override and the test JVMs' override must be the same line, and must differ from the
    // JDK's own default only by TLSv1 and TLSv1.1
    String chartOverride = disabledAlgorithms(RenderedChart.CHART.resolve("files/legacy-tls.java.security"));
    String testOverride = disabledAlgorithms(Path.of("src/test/resources/legacy-tls.java.security"));
    String jdkDefault = disabledAlgorithms(Path.of(System.getProperty("java.home"), "conf/security/java.security"));

    assertThat(chartOverride).isEqualTo(testOverride);
    List<String> expected = new ArrayList<>(List.of(jdkDefault.split(",\\s*")));
    expected.removeAll(List.of("TLSv1", "TLSv1.1"));
    assertThat(chartOverride.split(",\\s*")).containsExactlyElementsOf(expected);
  }

  private static void assertProbesOnMetricsPort(RenderedChart chart, int port) {
    JsonNode container = chart.container();
    assertThat(container.path("ports")).hasSize(1);
    assertThat(container.at("/ports/0/name").asText()).isEqualTo("metrics");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(port);
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("metrics");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("metrics");
  }

  private static void assertLockedDown(RenderedChart chart) {
    JsonNode pod = chart.one("Deployment").at("/spec/template/spec");
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").isInt()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).isGreaterThan(0);
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    JsonNode security = chart.container().path("securityContext");
    assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(security.path("runAsUser").asInt()).isEqualTo(pod.at("/securityContext/runAsUser").asInt());
    assertThat(security.path("allowPrivilegeEscalation").isBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(security.path("privileged").asBoolean(true)).isFalse();
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.at("/capabilities/drop")).containsExactly(YAML.getNodeFactory().textNode("ALL"));
    assertThat(security.at("/capabilities/add").isMissingNode()).isTrue();
    // the only writable place is an emptyDir on /tmp
    JsonNode tmpMount = chart.container().path("volumeMounts").get(0);
    assertThat(tmpMount.path("mountPath").asText()).isEqualTo("/tmp");
    assertThat(pod.path("volumes").get(0).path("name").asText()).isEqualTo(tmpMount.path("name").asText());
    assertThat(pod.path("volumes").get(0).has("emptyDir")).isTrue();
    chart.container().path("volumeMounts").forEach(m -> {
      if (!m.path("mountPath").asText().equals("/tmp")) {
        assertThat(m.path("readOnly").asBoolean()).as(m.toString()).isTrue();
      }
    });
    assertThat(pod.has("hostNetwork")).isFalse();
    assertThat(pod.has("hostPID")).isFalse();
  }

  private static String appVersion() throws IOException {
    return YAML.readTree(RenderedChart.CHART.resolve("Chart.yaml").toFile()).path("appVersion").asText();
  }

  private static String disabledAlgorithms(Path securityFile) throws IOException {
    Properties properties = new Properties();
    try (var in = Files.newInputStream(securityFile)) {
      properties.load(in);
    }
    return properties.getProperty("jdk.tls.disabledAlgorithms").strip();
  }
}
