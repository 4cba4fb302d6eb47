package io.iisfarm.operator.metrics;

import io.iisfarm.operator.winrm.WinRmListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator's own metrics, next to JOSDK's: reconciles, hosts in drift, drift found, corrections,
 * rollbacks, drain and health-check times, and WinRM request latency and errors per host.
 */
public final class OperatorMetrics {
  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> hostsInDrift = new ConcurrentHashMap<>();

  public OperatorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() { return registry; }

  /** One reconcile finished; {@code result} is e.g. {@code success}, {@code invalid_spec} or {@code error}. */
  public void reconciled(String namespace, String farm, String result) {
    Counter.builder("iisfarm.reconciles").description("Reconciles of IisFarm resources")
        .tags("namespace", namespace, "farm", farm, "result", result).register(registry).increment();
  }

  /** Hosts of a farm that were out of sync at its last check. */
  public void hostsInDrift(String namespace, String farm, int count) {
    hostsInDrift.computeIfAbsent(namespace + "/" + farm, key -> registry.gauge("iisfarm.hosts.drift",
        io.micrometer.core.instrument.Tags.of("namespace", namespace, "farm", farm), new AtomicInteger()))
        .set(count);
  }

  /** A check found a host out of sync. */
  public void driftFound(String namespace, String farm, String host) {
    hostCounter("iisfarm.drift.found", "Checks that found a host out of sync", namespace, farm, host).increment();
  }

  /** A host was changed and verified. */
  public void corrected(String namespace, String farm, String host) {
    hostCounter("iisfarm.corrections", "Host changes applied and verified", namespace, farm, host).increment();
  }

  /** A host change failed verification or broke off, and the backup was restored. */
  public void rolledBack(String namespace, String farm, String host) {
    hostCounter("iisfarm.rollbacks", "Host changes rolled back from backup", namespace, farm, host).increment();
  }

  /**
   * A host left or rejoined a load balancer: {@code method} {@code webhook}, {@code nlb} or {@code delay};
   * {@code phase} {@code drain} or {@code restore}.
   */
  public void drain(String namespace, String farm, String host, String method, String phase, Duration duration) {
    Timer.builder("iisfarm.drain").description("Time to take a host out of a load balancer, or to put it back")
        .tags("namespace", namespace, "farm", farm, "host", host, "method", method, "phase", phase)
        .register(registry).record(duration);
  }

  /** One site's health check on a changed host; {@code outcome} is {@code healthy} or {@code unhealthy}. */
  public void healthCheck(String namespace, String farm, String host, String site, String outcome,
      Duration duration) {
    Timer.builder("iisfarm.health.checks").description("Health checks of a changed host's sites, attempts included")
        .tags("namespace", namespace, "farm", farm, "host", host, "site", site, "outcome", outcome)
        .register(registry).record(duration);
  }

  /** One WinRM request to a host; {@code outcome} is {@code ok} or the error kind. */
  public void winrmRequest(String host, Duration duration, String outcome) {
    Timer.builder("iisfarm.winrm.requests").description("WinRM requests per host")
        .tags("host", host, "outcome", outcome).publishPercentileHistogram(false)
        .register(registry).record(duration);
    if (!"ok".equals(outcome)) {
      Counter.builder("iisfarm.winrm.errors").description("WinRM requests that failed, per host and kind")
          .tags("host", host, "kind", outcome).register(registry).increment();
    }
  }

  /** Feeds WinRM request latency and errors from the transport into {@link #winrmRequest}. */
  public WinRmListener winrmListener() {
    return event -> winrmRequest(event.host(), event.duration(),
        event.succeeded() ? "ok" : event.failure().name().toLowerCase(java.util.Locale.ROOT));
  }

  private Counter hostCounter(String name, String description, String namespace, String farm, String host) {
    return Counter.builder(name).description(description)
        .tags("namespace", namespace, "farm", farm, "host", host).register(registry);
  }
}
