package io.iisfarm.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.metrics.HealthServer;
import io.iisfarm.operator.metrics.OperatorMetrics;
import io.iisfarm.operator.reconciler.FarmServices;
import io.iisfarm.operator.reconciler.IisFarmReconciler;
import io.iisfarm.operator.reconciler.ProgressListener;
import io.iisfarm.operator.winrm.WinRmConnector;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The operator in this process: JOSDK with the IisFarm reconciler, its metrics, and the probe server.
 * Used by {@code run}, {@code demo} and the tests alike.
 */
public final class OperatorRuntime implements AutoCloseable {
  /** Safety net: a farm is looked at at least this often even if a reschedule was lost. */
  static final Duration MAX_INTERVAL = Duration.ofMinutes(10);

  private final Operator operator;
  private final WinRmConnector connector;
  private final FarmServices services;
  private final HealthServer health;
  private final PrometheusMeterRegistry registry;

  private OperatorRuntime(Operator operator, WinRmConnector connector, FarmServices services, HealthServer health,
      PrometheusMeterRegistry registry) {
    this.operator = operator;
    this.connector = connector;
    this.services = services;
    this.health = health;
    this.registry = registry;
  }

  /** Starts the operator on {@code client}; with leader election it waits for the lease before reconciling. */
  public static OperatorRuntime start(KubernetesClient client, RuntimeOptions options, ProgressListener progress) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorMetrics metrics = new OperatorMetrics(registry);
    WinRmConnector connector = new WinRmConnector(metrics.winrmListener());
    FarmServices services = FarmServices.create(client, connector, metrics, progress, options.hostReadParallelism(),
        Clock.systemUTC());
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          // merge patches work on a real API server and on the embedded one; server-side apply only on the former
          .withUseSSAToPatchPrimaryResource(false)
          .withConcurrentReconciliationThreads(options.concurrency())
          .withMetrics(MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry).build());
      if (options.leaderElection()) {
        o.withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder
            .aLeaderElectionConfiguration(options.leaseName())
            .withLeaseNamespace(options.leaseNamespace())
            .withIdentity(options.identity())
            .withLeaseDuration(options.leaseTimings().leaseDuration())
            .withRenewDeadline(options.leaseTimings().renewDeadline())
            .withRetryPeriod(options.leaseTimings().retryPeriod())
            .withExitOnStopLeading(options.exitOnLostLeadership())
            .build());
      }
    });
    operator.register(new IisFarmReconciler(services), c -> {
      if (!options.namespaces().isEmpty()) {
        c.settingNamespaces(options.namespaces());
      }
      if (options.labelSelector() != null && !options.labelSelector().isBlank()) {
        c.withLabelSelector(options.labelSelector());
      }
      c.withReconciliationMaxInterval(MAX_INTERVAL);
    });
    HealthServer health = null;
    try {
      operator.start();
      if (options.metricsPort() >= 0) {
        health = HealthServer.start(options.metricsPort(), registry,
            () -> operator.getRuntimeInfo().isStarted(), () -> operator.getRuntimeInfo().isStarted());
      }
    } catch (IOException e) {
      operator.stop();
      throw new UncheckedIOException("cannot serve metrics on port " + options.metricsPort(), e);
    }
    return new OperatorRuntime(operator, connector, services, health, registry);
  }

  public Operator operator() { return operator; }

  public PrometheusMeterRegistry registry() { return registry; }

  /** The probe and metrics port, or -1 when none is served. */
  public int metricsPort() { return health == null ? -1 : health.port(); }

  @Override
  public void close() {
    try {
      operator.stop();
    } finally {
      if (health != null) {
        health.close();
      }
      services.observer().close();
      connector.close();
    }
  }

}
