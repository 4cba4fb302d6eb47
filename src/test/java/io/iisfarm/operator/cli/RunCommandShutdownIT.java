package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.cli.demo.EmbeddedApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --leader-election} in its own JVM, stopped the way Kubernetes stops a pod (SIGTERM): it exits
 * promptly and hands the Lease back. Before, the framework's exit-on-stop-leading called System.exit from the
 * shutdown hook and the JVM hung until it was killed.
 */
class RunCommandShutdownIT {
  private static final String LEASE = "iis-farm-operator";

  @TempDir
  Path dir;

  @Test
  void aLeaderStoppedWithSigtermExitsAndReleasesItsLease() throws Exception {
    try (EmbeddedApiServer api = EmbeddedApiServer.start(0); KubernetesClient client = api.newClient()) {
      Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"), "web");
      Path output = dir.resolve("operator.log");
      ProcessBuilder builder = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
          "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--leader-election"))
          .redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().put("KUBECONFIG", kubeconfig.toString());
      builder.environment().put("HOSTNAME", "operator-under-test");
      builder.environment().put("IISFARM_METRICS_PORT", "-1");
      Process operator = builder.start();
      try {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
            .until(() -> holder(client).filter(h -> h.startsWith("operator-under-test-")).isPresent());

        operator.destroy();

        assertThat(operator.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM; output:%n%s",
            Files.readString(output)).isTrue();
        assertThat(holder(client)).as("the Lease was handed back").isEmpty();
        assertThat(Files.readString(output)).contains("Lease web/" + LEASE + " released");
      } finally {
        operator.destroyForcibly();
      }
    }
  }

  private static Optional<String> holder(KubernetesClient client) {
    Lease lease = client.leases().inNamespace("web").withName(LEASE).get();
    return Optional.ofNullable(lease).map(l -> l.getSpec().getHolderIdentity()).filter(h -> !h.isEmpty());
  }
}
