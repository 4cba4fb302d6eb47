package io.iisfarm.operator.benchmark;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.cli.OperatorRuntime;
import io.iisfarm.operator.cli.RuntimeOptions;
import io.iisfarm.operator.cli.demo.EmbeddedApiServer;
import io.iisfarm.operator.reconciler.ProgressListener;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The embedded API server and the operator on it, in this process, with the {@code run} command's defaults. */
final class InProcessOperator implements AutoCloseable {
  final EmbeddedApiServer api = EmbeddedApiServer.start(0);
  final KubernetesClient client = api.newClient();
  private OperatorRuntime runtime;

  void start() {
    runtime = OperatorRuntime.start(client, new RuntimeOptions(Set.of(), null, 20, Benchmark.HOST_PARALLELISM, -1,
        null, null, "benchmark", RuntimeOptions.LeaseTimings.DEFAULT, false), ProgressListener.NONE);
  }

  void create(BenchManifests manifests) {
    manifests.secrets().forEach(s -> client.secrets().resource(s).create());
    client.resources(IisFarm.class).resource(manifests.farm()).create();
  }

  Optional<IisFarmStatus> status(BenchManifests manifests) {
    return Optional.ofNullable(client.resources(IisFarm.class).inNamespace(manifests.namespace())
        .withName(manifests.name()).get()).map(IisFarm::getStatus);
  }

  /** Polls every 20 ms until the farm's status satisfies {@code done}. */
  IisFarmStatus await(BenchManifests manifests, Duration timeout, Predicate<IisFarmStatus> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    IisFarmStatus last = null;
    while (System.nanoTime() < deadline) {
      last = status(manifests).orElse(null);
      if (last != null && done.test(last)) {
        return last;
      }
      sleep(20);
    }
    throw new IllegalStateException("farm " + manifests.name() + " not done within " + timeout + "; last status: "
        + (last == null ? "none" : io.fabric8.kubernetes.client.utils.Serialization.asYaml(last)));
  }

  static Predicate<IisFarmStatus> readyAndInSync(int hosts) {
    return s -> (hosts + "/" + hosts).equals(s.getInSync()) && s.getConditions() != null
        && s.getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (runtime != null) {
      runtime.close();
    }
    client.close();
    api.close();
  }
}
