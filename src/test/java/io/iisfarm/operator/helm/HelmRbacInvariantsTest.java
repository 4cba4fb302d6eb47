package io.iisfarm.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Least privilege, whatever the values: these hold for every way the chart can be rendered. */
class HelmRbacInvariantsTest {
  private static final Set<String> SECRET_VERBS = Set.of("get", "list", "watch", "create");

  @TempDir
  Path workDir;

  static Stream<Arguments> valueSets() {
    return Stream.of(
        Arguments.of("defaults", Map.of()),
        Arguments.of("leader election", Map.of("leaderElection", Map.of("enabled", true))),
        Arguments.of("watched namespaces", Map.of("watchNamespaces", List.of("shop", "intranet"))),
        Arguments.of("watched namespaces and leader election", Map.of(
            "watchNamespaces", List.of("shop"), "leaderElection", Map.of("enabled", true))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSets")
  void rbacIsLeastPrivilege(String name, Map<String, Object> values) {
    RenderedChart chart = RenderedChart.render(workDir, values);
    boolean leaderElection = values.containsKey("leaderElection");
    List<ObjectNode> rules = chart.rbacRules();
    assertThat(rules).isNotEmpty();

    List<String> problems = new ArrayList<>();
    for (ObjectNode rule : rules) {
      String where = rule.path("in").asText();
      for (String field : List.of("apiGroups", "resources", "verbs")) {
        rule.path(field).forEach(v -> {
          if (v.asText().contains("*")) {
            problems.add(where + ": wildcard in " + field);
          }
        });
      }
      if (rule.has("nonResourceURLs")) {
        problems.add(where + ": nonResourceURLs");
      }
      List<String> resources = texts(rule.path("resources"));
      List<String> verbs = texts(rule.path("verbs"));
      if (resources.contains("secrets") && !SECRET_VERBS.containsAll(verbs)) {
        problems.add(where + ": secrets verbs " + verbs);
      }
      if (resources.contains("leases")) {
        boolean inReleaseNamespaceRole = where.startsWith("Role/" + RenderedChart.NAMESPACE + "/")
            && where.endsWith("-leader-election");
        if (!leaderElection || !inReleaseNamespaceRole) {
          problems.add(where + ": leases");
        }
        if (!verbs.equals(List.of("create")) && !rule.has("resourceNames")) {
          problems.add(where + ": lease access beyond create is not limited to the one lease");
        }
      }
      if (!Set.of("iisfarms", "iisfarms/status", "secrets", "events", "leases").containsAll(resources)) {
        problems.add(where + ": unexpected resources " + resources);
      }
    }
    assertThat(problems).isEmpty();

    boolean clusterWide = !values.containsKey("watchNamespaces");
    assertThat(chart.ofKind("ClusterRole")).hasSize(clusterWide ? 1 : 0);
    assertThat(chart.ofKind("ClusterRoleBinding")).hasSize(clusterWide ? 1 : 0);
    assertThat(rules).filteredOn(r -> texts(r.path("resources")).contains("leases"))
        .hasSize(leaderElection ? 2 : 0);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
