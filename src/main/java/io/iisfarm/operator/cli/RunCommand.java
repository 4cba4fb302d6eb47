package io.iisfarm.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the operator against the current kubeconfig, or the in-cluster config in a pod. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the operator against the current kubeconfig (or the in-cluster service account).",
        "Every option can also be set through the environment variable in brackets."})
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = "--namespaces", split = ",", defaultValue = "${env:IISFARM_NAMESPACES:-}",
      description = "Namespaces to watch, comma-separated; empty: all [IISFARM_NAMESPACES].")
  String[] namespaces = new String[0];

  @Option(names = "--label-selector", defaultValue = "${env:IISFARM_LABEL_SELECTOR:-}",
      description = "Only IisFarms with these labels, e.g. shard=a; lets operators share an estate [IISFARM_LABEL_SELECTOR].")
  String labelSelector;

  @Option(names = "--leader-election", defaultValue = "${env:IISFARM_LEADER_ELECTION:-false}",
      description = "Elect a leader through a Lease so that replicas stand by [IISFARM_LEADER_ELECTION].")
  boolean leaderElection;

  @Option(names = "--lease-name", defaultValue = "${env:IISFARM_LEASE_NAME:-iis-farm-operator}",
      description = "Name of the Lease (in the operator's namespace) [IISFARM_LEASE_NAME].")
  String leaseName;

  @Option(names = "--metrics-port", defaultValue = "${env:IISFARM_METRICS_PORT:-8080}",
      description = "Port serving /metrics, /healthz and /readyz; -1 disables it [IISFARM_METRICS_PORT].")
  int metricsPort;

  @Option(names = "--log-format", defaultValue = "${env:IISFARM_LOG_FORMAT:-text}",
      description = "text or json [IISFARM_LOG_FORMAT].")
  LogSetup.Format logFormat;

  @Option(names = "--concurrency", defaultValue = "${env:IISFARM_CONCURRENCY:-20}",
      description = "IisFarms reconciled at the same time [IISFARM_CONCURRENCY].")
  int concurrency;

  @Option(names = "--host-parallelism", defaultValue = "${env:IISFARM_HOST_PARALLELISM:-64}",
      description = "Hosts read at the same time, across all farms [IISFARM_HOST_PARALLELISM].")
  int hostParallelism;

  private final CountDownLatch stopRequested = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    LogSetup.apply(logFormat);
    Set<String> watched = new LinkedHashSet<>();
    Arrays.stream(namespaces).map(String::strip).filter(n -> !n.isEmpty()).forEach(watched::add);
    KubernetesClient client = new KubernetesClientBuilder().build();
    try {
      ApiPreflight.check(client.getConfiguration(), watched, leaderElection ? leaseName : null,
          client.getNamespace() == null ? "default" : client.getNamespace());
    } catch (ApiPreflight.Failed e) {
      client.close();
      System.err.println("iis-farm-operator run: " + e.getMessage());
      return 1;
    }
    String identity = System.getenv().getOrDefault("HOSTNAME", "iis-farm-operator") + "-" + ProcessHandle.current().pid();
    RuntimeOptions options = new RuntimeOptions(watched, labelSelector, concurrency, hostParallelism, metricsPort,
        leaderElection ? leaseName : null, null, identity, RuntimeOptions.LeaseTimings.DEFAULT, true);
    OperatorRuntime runtime = OperatorRuntime.start(client, options, new LoggingProgress());
    LOG.info("operator started: namespaces={}, labelSelector={}, leaderElection={}, metrics on :{}",
        watched.isEmpty() ? "all" : watched, labelSelector == null || labelSelector.isBlank() ? "none" : labelSelector,
        leaderElection, runtime.metricsPort());
    // SIGTERM (or Ctrl+C) runs the hook, which stops the operator itself: the JVM exits as soon as hooks end
    Thread hook = ShutdownHooks.add("shutdown", () -> {
      stopRequested.countDown();
      stop(runtime, client);
    });
    stopRequested.await();
    // when the JVM is shutting down already, the hook does the stopping
    if (ShutdownHooks.remove(hook)) {
      stop(runtime, client);
    }
    return 0;
  }

  /** Stops the operator as SIGTERM does, for a caller in this JVM (tests); {@link #call()} then returns 0. */
  void stop() {
    stopRequested.countDown();
  }

  private static void stop(OperatorRuntime runtime, KubernetesClient client) {
    try {
      runtime.close();
    } finally {
      client.close();
    }
    LOG.info("operator stopped");
  }
}
