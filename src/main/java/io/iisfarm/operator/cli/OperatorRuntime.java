package io.iisfarm.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.metrics.HealthServer;
import io.iisfarm.operator.metrics.OperatorMetrics;
import io.iisfarm.operator.reconciler.FarmServices;
import io.iisfarm.operator.reconciler.IisFarmReconciler;
import io.iisfarm.operator.reconciler.ProgressListener;
import io.iisfarm.operator.winrm.WinRmConnector;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator in this process: JOSDK with the IisFarm reconciler, its metrics, and the probe server.
 * Used by {@code run}, {@code demo} and the tests alike.
 *
 * <p>Stopping is graceful: no new host step starts, the steps under way finish (at most {@link #DRAIN_TIMEOUT}),
 * then the framework, the probe server and WinRM stop, and a leader hands its Lease back. A leader that loses
 * its Lease while running stops at once, without waiting for steps: another operator may be acting already.
 */
public final class OperatorRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorRuntime.class);
  /** Safety net: a farm is looked at at least this often even if a reschedule was lost. */
  static final Duration MAX_INTERVAL = Duration.ofMinutes(10);
  /** How long a stop waits for host steps under way; within Kubernetes' default 30 s termination grace. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
  /** How long a stop waits for reconciles still running (after the drain they only read and record). */
  static final Duration RECONCILE_TERMINATION_TIMEOUT = Duration.ofSeconds(5);

  private final RuntimeOptions options;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final WinRmConnector connector;
  private final FarmServices services;
  private final Leadership leadership;
  private final Operator operator;
  private volatile HealthServer health;
  private volatile boolean leaseLost;
  private boolean closed;

  private OperatorRuntime(KubernetesClient client, RuntimeOptions options, ProgressListener progress, Clock clock) {
    this.options = options;
    OperatorMetrics metrics = new OperatorMetrics(registry);
    this.connector = new WinRmConnector(metrics.winrmListener());
    this.services = FarmServices.create(client, connector, metrics, progress, options.hostReadParallelism(), clock);
    this.leadership = options.leaderElection() ? new Leadership(client, options, this::leaseLost) : null;
    this.operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          // merge patches work on a real API server and on the embedded one; server-side apply only on the former
          .withUseSSAToPatchPrimaryResource(false)
          .withConcurrentReconciliationThreads(options.concurrency())
          .withReconciliationTerminationTimeout(RECONCILE_TERMINATION_TIMEOUT)
          .withMetrics(MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry).build());
      if (leadership != null) {
        o.withLeaderElectionConfiguration(leadership.configuration());
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
  }

  /** Starts the operator on {@code client}; with leader election it waits for the lease before reconciling. */
  public static OperatorRuntime start(KubernetesClient client, RuntimeOptions options, ProgressListener progress) {
    return start(client, options, progress, Clock.systemUTC());
  }

  /**
   * As {@link #start(KubernetesClient, RuntimeOptions, ProgressListener)}, with the clock the operator reads
   * (maintenance windows, status times): tests move it instead of waiting for an hour of the day.
   */
  public static OperatorRuntime start(KubernetesClient client, RuntimeOptions options, ProgressListener progress,
      Clock clock) {
    OperatorRuntime runtime = new OperatorRuntime(client, options, progress, clock);
    try {
      runtime.operator.start();
      if (options.metricsPort() >= 0) {
        runtime.health = HealthServer.start(options.metricsPort(), runtime.registry,
            () -> runtime.operator.getRuntimeInfo().isStarted(), () -> runtime.operator.getRuntimeInfo().isStarted());
      }
    } catch (IOException e) {
      runtime.close();
      throw new UncheckedIOException("cannot serve metrics on port " + options.metricsPort(), e);
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    return runtime;
  }

  public Operator operator() { return operator; }

  public PrometheusMeterRegistry registry() { return registry; }

  /** The probe and metrics port, or -1 when none is served. */
  public int metricsPort() { return health == null ? -1 : health.port(); }

  /** Stops gracefully (see the class comment); returns once nothing of this operator acts any more. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (leadership != null) {
      leadership.stopping();
    }
    services.rollout().stopStarting();
    if (!leaseLost) {
      awaitStepsUnderWay();
    }
    try {
      operator.stop();
    } finally {
      if (health != null) {
        health.close();
      }
      services.observer().close();
      connector.close();
      if (leadership != null && !leaseLost) {
        leadership.release();
      }
    }
  }

  private void awaitStepsUnderWay() {
    try {
      if (!services.rollout().awaitNoStepUnderWay(DRAIN_TIMEOUT)) {
        LOG.warn("host steps still under way after {}s are cut off; the next leader resumes them from status",
            DRAIN_TIMEOUT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The Lease went to another operator while this one ran: no host step may start, WinRM is cut at once (a
   * step under way is left in status for the next leader, as after a crash), and this operator stops.
   */
  private void leaseLost() {
    leaseLost = true;
    services.rollout().stopStarting();
    Runnable exitOrClose = options.exitOnLostLeadership() ? () -> System.exit(1) : this::close;
    // not on the elector's thread: stopping the framework shuts that thread's pool down
    Thread stopper = new Thread(() -> {
      connector.close();
      exitOrClose.run();
    }, "lease-lost");
    stopper.setDaemon(!options.exitOnLostLeadership());
    stopper.start();
  }
}
