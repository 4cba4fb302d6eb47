package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.testing.ChartRbac;
import io.iisfarm.operator.testing.OperatorProcess;
import io.iisfarm.operator.testing.RealApiServer;
import io.iisfarm.operator.testing.RealKube;
import java.util.Set;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --leader-election} in its own JVM, stopped the way Kubernetes stops a pod (SIGTERM): it exits
 * promptly and hands the Lease back. Before, the framework's exit-on-stop-leading called System.exit from the
 * shutdown hook and the JVM hung until it was killed.
 */
@RealApiServer
class RunCommandShutdownIT {
  private static final String LEASE = "iis-farm-operator";

  @TempDir
  Path dir;

  @Test
  void aLeaderStoppedWithSigtermExitsAndReleasesItsLease() throws Exception {
    RealKube kube = RealKube.get();
    kube.installCrd();
    String namespace = kube.createNamespace("shutdown");
    try (KubernetesClient client = kube.adminClient(namespace);
        ChartRbac chart = ChartRbac.install(client, "shutdown-test", namespace, ChartRbac.values(Set.of(), LEASE))) {
      Path kubeconfig = kube.writeTokenKubeconfig(dir.resolve("kubeconfig"), chart.token(), namespace);
      try (OperatorProcess operator = OperatorProcess.start(kubeconfig, dir.resolve("operator.log"),
          Map.of("HOSTNAME", "operator-under-test", "IISFARM_METRICS_PORT", "-1"), "--leader-election")) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
            .until(() -> holder(client, namespace).filter(h -> h.startsWith("operator-under-test-")).isPresent());

        assertThat(operator.terminate(30)).as("exited after SIGTERM; output:%n%s", operator.output()).isTrue();
        assertThat(holder(client, namespace)).as("the Lease was handed back").isEmpty();
        assertThat(operator.output()).contains("Lease " + namespace + "/" + LEASE + " released");
      }
    }
  }

  private static Optional<String> holder(KubernetesClient client, String namespace) {
    Lease lease = client.leases().inNamespace(namespace).withName(LEASE).get();
    return Optional.ofNullable(lease).map(l -> l.getSpec().getHolderIdentity()).filter(h -> !h.isEmpty());
  }
}
