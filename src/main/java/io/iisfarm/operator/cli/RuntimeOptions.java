package io.iisfarm.operator.cli;

import java.time.Duration;
import java.util.Set;

/**
 * How the operator runs: which namespaces and farms it watches, how much it does at once, leader election,
 * and where it serves metrics and probes.
 *
 * @param namespaces empty: every namespace
 * @param labelSelector only IisFarms matching it (sharding); null or blank: all
 * @param metricsPort -1: no metrics server; 0: any free port
 * @param leaseName null: no leader election
 * @param leaseNamespace null: the client's namespace (in a pod, its own)
 * @param identity this operator's name in the Lease; null: {@code HOSTNAME}, else a random one
 * @param exitOnLostLeadership a Lease lost while running ends the JVM ({@code run}); false: this runtime stops
 */
public record RuntimeOptions(
    Set<String> namespaces,
    String labelSelector,
    int concurrency,
    int hostReadParallelism,
    int metricsPort,
    String leaseName,
    String leaseNamespace,
    String identity,
    LeaseTimings leaseTimings,
    boolean exitOnLostLeadership) {

  /** Lease duration, renew deadline and retry period (client-go's defaults: 15 s, 10 s, 2 s). */
  public record LeaseTimings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    public static final LeaseTimings DEFAULT =
        new LeaseTimings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
  }

  public boolean leaderElection() {
    return leaseName != null && !leaseName.isBlank();
  }
}
