package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.cli.demo.FarmWatch;
import io.iisfarm.operator.cli.demo.SimulatedFarmManifests;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.testing.ChartRbac;
import io.iisfarm.operator.testing.RealApiServer;
import io.iisfarm.operator.testing.RealKube;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run} through the jar's entry point, against the real API server found through the kubeconfig, as the
 * chart's ServiceAccount: it serves probes and metrics, reconciles a farm created after it started, and stops
 * cleanly.
 */
@RealApiServer
class RunCommandIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path dir;

  @Test
  void servesProbesAndMetricsReconcilesAFarmAndStops() throws Exception {
    RealKube kube = RealKube.get();
    kube.installCrd();
    String ns = kube.createNamespace("run");
    try (KubernetesClient client = kube.adminClient(ns);
        ChartRbac chart = ChartRbac.install(client, "run-test", ns, ChartRbac.values(Set.of(ns), null));
        SimulatedFarm sim = SimulatedFarm.sample()) {
      // fabric8 reads the kubeconfig path from this system property before $KUBECONFIG and ~/.kube/config
      System.setProperty("kubeconfig", kube.writeTokenKubeconfig(dir.resolve("kubeconfig"), chart.token(), ns)
          .toString());
      int port = freePort();
      CommandLine cli = Main.commandLine();
      RunCommand run = cli.getSubcommands().get("run").getCommand();
      AtomicInteger exit = new AtomicInteger(-1);
      Thread operator = new Thread(() -> exit.set(cli.execute("run", "--metrics-port", String.valueOf(port),
          "--namespaces", ns)),
          "run-command");
      operator.start();
      try {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get(port, "/readyz").statusCode() == 200);
        assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(port, "/healthz").body()).isEqualTo("ok\n");

        SimulatedFarmManifests manifests = SimulatedFarmManifests.of(sim, ns, "shop", "60s");
        manifests.secrets().forEach(s -> client.secrets().resource(s).create());
        client.resource(manifests.farm()).create();
        IisFarm farm = new FarmWatch(client, ns, "shop").awaitFarm(Duration.ofSeconds(90), FarmWatch::ready)
            .orElseThrow(() -> new AssertionError("farm not Ready: " + FarmWatch.readiness(
                client.resources(IisFarm.class).inNamespace(ns).withName("shop").get())));
        assertThat(farm.getStatus().getInSync()).isEqualTo("4/4");

        HttpResponse<String> metrics = get(port, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(metrics.body())
            .containsPattern("(?m)^operator_sdk_reconciliations_started_total\\{.*\\} [1-9]")
            .containsPattern("(?m)^iisfarm_reconciles_total\\{.*farm=\"shop\".*\\} [1-9]")
            .containsPattern("(?m)^iisfarm_corrections_total\\{.*host=\"web01\".*\\} [1-9]")
            // WinRM requests are counted per host address
            .containsPattern("(?m)^iisfarm_winrm_requests_seconds_count\\{host=\"127\\.0\\.0\\.1:"
                + sim.host("web02").port() + "\",outcome=\"ok\"\\} [1-9]");
      } finally {
        run.stop();
        operator.join(Duration.ofSeconds(60).toMillis());
        System.clearProperty("kubeconfig");
      }
      assertThat(operator.isAlive()).as("run returned after stop()").isFalse();
      assertThat(exit.get()).isZero();
      assertThatThrownBy(() -> get(port, "/healthz")).as("probe port closed").isInstanceOf(ConnectException.class);
    }
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
