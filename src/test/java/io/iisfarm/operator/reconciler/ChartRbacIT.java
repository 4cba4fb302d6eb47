package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.cli.RuntimeOptions;
import io.iisfarm.operator.testing.ChartRbac;
import io.iisfarm.operator.testing.Kubectl;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC is enough, and no more, on a real API server: the operator runs as the chart's ServiceAccount
 * in both chart modes (all namespaces; watched namespaces only), a farm converges, and its Events show in
 * {@code kubectl get events}; {@code kubectl auth can-i} answers verb by verb what the ServiceAccount may do.
 */
@RealApiServer
class ChartRbacIT {
  private static final String OTHER_NAMESPACE = "elsewhere";

  @Test
  void watchingAllNamespacesTheFarmConvergesAndItsEventsShowInKubectlGetEvents() throws Exception {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      h.create(h.manifests.farm());
      h.startOperator();
      h.awaitStatus(FARM, Duration.ofSeconds(120), OperatorHarness.condition("Ready", "True", null));

      Kubectl.Result events = h.kube.kubectl().run(h.kube.kubeconfig(), "-n", NAMESPACE, "get", "events");
      assertThat(events.exitCode()).as(events.stderr()).isZero();
      assertThat(events.stdout()).contains("ChangeApplied", "iisfarm/" + FARM, "web01: applied and verified");
      assertThat(h.logs.text()).doesNotContain("Could not record Event");
      h.assertNoSecretsLeaked();
    }
  }

  @Test
  void watchingOneNamespaceTheFarmConvergesWithARoleThere() throws Exception {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      h.create(h.manifests.farm());
      RuntimeOptions options = new RuntimeOptions(Set.of(NAMESPACE), null, 4, 8, -1, null, NAMESPACE, "test",
          OperatorHarness.LEASE_TIMINGS, false);
      h.startOperator(options);
      h.awaitStatus(FARM, Duration.ofSeconds(120), OperatorHarness.condition("Ready", "True", null));

      ChartRbac chart = h.chart(Set.of(NAMESPACE), null);
      assertThat(chart.objects()).extracting(o -> o.getKind()).doesNotContain("ClusterRole", "ClusterRoleBinding");
      assertThat(h.events()).extracting(e -> e.getReason()).contains("ChangeApplied");
      assertThat(h.logs.text()).doesNotContain("Could not record Event");
    }
  }

  @Test
  void canIMatrixAllNamespacesWithoutLeaderElection() throws Exception {
    try (OperatorHarness h = OperatorHarness.sample("60s")) {
      h.kube.ensureNamespace(OTHER_NAMESPACE);
      ChartRbac chart = h.chart(Set.of(), null);
      List<String> wrong = new ArrayList<>();
      for (String ns : List.of(NAMESPACE, OTHER_NAMESPACE)) {
        expect(h, chart, ns, true, wrong, "get secrets", "list secrets", "watch secrets", "create secrets",
            "get iisfarms.iisfarm.io", "list iisfarms.iisfarm.io", "watch iisfarms.iisfarm.io",
            "patch iisfarms.iisfarm.io --subresource=status", "get events", "create events", "patch events");
        expect(h, chart, ns, false, wrong, "update secrets", "patch secrets", "delete secrets",
            "create iisfarms.iisfarm.io", "update iisfarms.iisfarm.io", "delete iisfarms.iisfarm.io",
            "delete events", "get leases.coordination.k8s.io", "create leases.coordination.k8s.io",
            "get pods", "get configmaps");
      }
      expect(h, chart, "", true, wrong, "list secrets", "watch iisfarms.iisfarm.io");
      assertThat(wrong).isEmpty();
    }
  }

  @Test
  void canIMatrixWatchedNamespacesWithLeaderElection() throws Exception {
    try (OperatorHarness h = OperatorHarness.sample("60s")) {
      h.kube.ensureNamespace(OTHER_NAMESPACE);
      ChartRbac chart = h.chart(Set.of(NAMESPACE), "iis-farm-operator-leader");
      List<String> wrong = new ArrayList<>();
      expect(h, chart, NAMESPACE, true, wrong, "get secrets", "list secrets", "watch secrets", "create secrets",
          "list iisfarms.iisfarm.io", "patch iisfarms.iisfarm.io --subresource=status", "get events", "create events",
          "create leases.coordination.k8s.io", "get leases.coordination.k8s.io/iis-farm-operator-leader",
          "update leases.coordination.k8s.io/iis-farm-operator-leader");
      expect(h, chart, NAMESPACE, false, wrong, "update secrets", "patch secrets", "delete secrets",
          "get leases.coordination.k8s.io/another-lease", "delete leases.coordination.k8s.io/iis-farm-operator-leader");
      // nothing outside the watched namespace, nothing cluster-wide
      expect(h, chart, OTHER_NAMESPACE, false, wrong, "get secrets", "list secrets", "create secrets",
          "list iisfarms.iisfarm.io", "create events", "create leases.coordination.k8s.io");
      expect(h, chart, "", false, wrong, "list secrets", "watch iisfarms.iisfarm.io", "list namespaces");
      assertThat(wrong).isEmpty();
    }
  }

  /** Asks {@code kubectl auth can-i VERB RESOURCE[/NAME] --as SA}; records each answer that is not {@code yes}. */
  private static void expect(OperatorHarness h, ChartRbac chart, String namespace, boolean allowed, List<String> wrong,
      String... questions) throws Exception {
    for (String question : questions) {
      List<String> args = new ArrayList<>(List.of("auth", "can-i"));
      args.addAll(List.of(question.split(" ")));
      args.addAll(List.of("--as", chart.user()));
      args.addAll(namespace.isEmpty() ? List.of("--all-namespaces") : List.of("-n", namespace));
      Kubectl.Result answer = h.kube.kubectl().run(h.kube.kubeconfig(), args.toArray(String[]::new));
      String said = answer.stdout().strip();
      if (!said.equals(allowed ? "yes" : "no")) {
        wrong.add(question + " in " + (namespace.isEmpty() ? "all namespaces" : namespace) + ": " + said + " "
            + answer.stderr().strip());
      }
    }
  }
}
