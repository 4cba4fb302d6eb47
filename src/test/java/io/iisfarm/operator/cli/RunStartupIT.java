package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.testing.ChartRbac;
import io.iisfarm.operator.testing.OperatorProcess;
import io.iisfarm.operator.testing.RealApiServer;
import io.iisfarm.operator.testing.RealKube;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} (the jar, as a user starts it) against a setup it cannot work with ends within seconds, with one line
 * that says what is wrong, which configuration it tried and what to do, and a non-zero exit: no CRD, an API server
 * that refuses connections or whose name does not resolve, no kubeconfig at all, a permission missing from RBAC.
 */
@RealApiServer
class RunStartupIT {
  /** Nominally 1 to 3 s; generous for a loaded machine, far below the informers' endless retries. */
  private static final Duration ENDS_WITHIN = Duration.ofSeconds(45);

  @TempDir
  Path dir;

  @Test
  void withoutTheCrdItSaysHowToInstallIt() throws Exception {
    RealKube kube = RealKube.get();
    try (KubernetesClient admin = kube.adminClient("default")) {
      admin.apiextensions().v1().customResourceDefinitions().withName("iisfarms.iisfarm.io").delete();
      admin.apiextensions().v1().customResourceDefinitions().withName("iisfarms.iisfarm.io")
          .waitUntilCondition(c -> c == null, 60, TimeUnit.SECONDS);
      try {
        String out = runAndExpectFailure(kube.kubeconfig(), Map.of());

        assertThat(out).contains("the IisFarm CRD (iisfarms.iisfarm.io/v1alpha1) is not installed on " + kube.url(),
            "kubeconfig " + kube.kubeconfig(), "kubectl apply -f crds/iisfarms.iisfarm.io-v1.yml");
      } finally {
        RealKube.apply(admin, RealKube.CRD);
      }
    }
  }

  @Test
  void anApiServerThatRefusesConnectionsIsNamedWithTheKubeconfigTried() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path kubeconfig = kubeconfig("https://127.0.0.1:" + port);

    String out = runAndExpectFailure(kubeconfig, Map.of());

    assertThat(out).contains("cannot reach the Kubernetes API server at https://127.0.0.1:" + port,
        "Connection refused", "tried kubeconfig " + kubeconfig);
  }

  @Test
  void anApiServerNameThatDoesNotResolveIsNamed() throws Exception {
    Path kubeconfig = kubeconfig("https://kube-api.invalid:6443");

    String out = runAndExpectFailure(kubeconfig, Map.of());

    assertThat(out).contains("cannot reach the Kubernetes API server at https://kube-api.invalid:6443",
        "kube-api.invalid", "tried kubeconfig " + kubeconfig);
  }

  @Test
  void withoutAnyKubeconfigItSaysWhatItTried() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));

    String out = runAndExpectFailure(dir.resolve("no-such-kubeconfig"), Map.of("HOME", home.toString()));

    assertThat(out).contains("cannot reach the Kubernetes API server at https://kubernetes.default.svc",
        "no kubeconfig (KUBECONFIG=" + dir.resolve("no-such-kubeconfig") + " not found)",
        "no in-cluster service account");
  }

  @Test
  void aPermissionMissingFromRbacIsNamedVerbByVerb() throws Exception {
    RealKube kube = RealKube.get();
    kube.installCrd();
    String namespace = kube.createNamespace("rbac");
    try (KubernetesClient admin = kube.adminClient(namespace)) {
      // the chart's RBAC as it was before Events could be read: create and patch only
      List<HasMetadata> applied = new ArrayList<>();
      for (HasMetadata object : ChartRbac.render(admin, "old-chart", namespace, ChartRbac.values(Set.of(), null))) {
        if (object instanceof ClusterRole role) {
          for (PolicyRule rule : role.getRules()) {
            if (rule.getResources().contains("events")) {
              rule.setVerbs(List.of("create", "patch"));
            }
          }
        }
        if (Set.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding").contains(object.getKind())) {
          applied.add(admin.resource(object).forceConflicts().serverSideApply());
        }
      }
      try {
        String token = admin.serviceAccounts().withName("old-chart-iis-farm-operator").tokenRequest(
            new io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder().withNewSpec()
                .withExpirationSeconds(600L).endSpec().build()).getStatus().getToken();
        Path kubeconfig = kube.writeTokenKubeconfig(dir.resolve("kubeconfig"), token, namespace);

        String out = runAndExpectFailure(kubeconfig, Map.of());

        assertThat(out).contains("missing permissions: the operator (kubeconfig " + kubeconfig,
            "may not get events in all namespaces", "install the Helm chart's RBAC");
        assertThat(out).doesNotContain("secrets", "iisfarms");
      } finally {
        applied.forEach(o -> admin.resource(o).delete());
      }
    }
  }

  /** Runs the jar's {@code run}; asserts it ended soon, failed, and said one thing without a stack trace. */
  private String runAndExpectFailure(Path kubeconfig, Map<String, String> env) throws Exception {
    Path log = dir.resolve("run-" + System.nanoTime() + ".log");
    try (OperatorProcess run = OperatorProcess.start(kubeconfig, log, env, "--metrics-port", "-1")) {
      assertThat(run.waitFor(ENDS_WITHIN)).as("run ended within %s; output: %s", ENDS_WITHIN, run.output()).isTrue();
      String out = run.output();
      assertThat(run.exitCode()).as(out).isNotZero();
      List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
      assertThat(lines).as("run's output").hasSize(1);
      assertThat(lines.get(0)).startsWith("iis-farm-operator run: ");
      return out;
    }
  }

  private Path kubeconfig(String server) throws IOException {
    return Files.writeString(dir.resolve("kubeconfig-" + System.nanoTime()), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: elsewhere
          cluster: {server: "%s", insecure-skip-tls-verify: true}
        users:
        - name: someone
          user: {token: not-a-real-token}
        contexts:
        - name: elsewhere
          context: {cluster: elsewhere, user: someone, namespace: web}
        current-context: elsewhere
        """.formatted(server));
  }
}
