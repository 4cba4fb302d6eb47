package io.iisfarm.operator.benchmark;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real kube-apiserver with etcd, started by {@code src/test/kube/up} (as the integration tests start theirs)
 * in processes of its own, so that {@code run}'s startup checks pass as in a cluster and its memory is not the
 * operator's. Stopped by {@code src/test/kube/down}, or by up's watchdog once the benchmark's JVM has ended.
 */
final class RealApiServer implements AutoCloseable {
  private static final Path UP = Path.of("src/test/kube/up");
  private static final Path DOWN = Path.of("src/test/kube/down");

  private final Path dir;
  private final Path kubeconfig;

  private RealApiServer(Path dir, Path kubeconfig) {
    this.dir = dir;
    this.kubeconfig = kubeconfig;
  }

  /**
   * Starts the servers in {@code dir}, a new folder per run (up refuses one it has run in); the first run on a
   * machine builds them (minutes, needs Go).
   */
  static RealApiServer start(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path log = Benchmark.OUT.resolve("footprint-apiserver.log");
    Process up = new ProcessBuilder("bash", UP.toString(), "--dir", dir.toAbsolutePath().toString(), "--owner",
        String.valueOf(ProcessHandle.current().pid())).redirectError(log.toFile()).start();
    String out = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!up.waitFor(40, TimeUnit.MINUTES)) {
        up.destroyForcibly();
        throw new IllegalStateException(UP + " did not finish within 40 minutes; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    List<String> lines = out.lines().toList();
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    if (up.exitValue() != 0 || !last.startsWith("KUBECONFIG=")) {
      throw new IllegalStateException("the footprint section runs the operator against a real API server, and "
          + UP + " could not start one (exit " + up.exitValue() + "; exit 3 means no Go toolchain to build it): "
          + Files.readString(log).strip());
    }
    return new RealApiServer(dir, Path.of(last.substring("KUBECONFIG=".length())));
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  KubernetesClient adminClient() throws IOException {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString())).build();
  }

  /** Installs the CRD file and waits until it is Established, and creates {@code namespace}. */
  static void prepare(KubernetesClient client, Path crdFile, String namespace) throws IOException {
    CustomResourceDefinition crd;
    try (InputStream in = Files.newInputStream(crdFile)) {
      crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    }
    client.resource(crd).fieldManager("iis-farm-operator-benchmark").forceConflicts().serverSideApply();
    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
        .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
            && c.getStatus().getConditions().stream()
            .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .fieldManager("iis-farm-operator-benchmark").serverSideApply();
  }

  @Override
  public void close() {
    try {
      new ProcessBuilder("bash", DOWN.toString(), dir.toAbsolutePath().toString()).redirectErrorStream(true)
          .redirectOutput(Benchmark.OUT.resolve("footprint-apiserver-down.log").toFile()).start()
          .waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
