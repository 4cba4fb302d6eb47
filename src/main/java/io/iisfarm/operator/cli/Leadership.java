package io.iisfarm.operator.cli;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election through a Lease, on the operator framework's elector, with two changes to how it ends.
 *
 * <p>Losing the Lease is acted on here, not by the framework: its exit-on-stop-leading also fires when the
 * operator is stopped on purpose, and a {@code System.exit} from the shutdown hook that stops it blocks the
 * JVM for good (observed: SIGTERM left the process hanging until killed). So the framework never exits; this
 * class calls {@code onLost} only when the Lease was lost while the operator was running.
 *
 * <p>A stopped leader hands the Lease back (empty holder, as client-go's ReleaseOnCancel does), so that a
 * standby takes over at its next retry instead of after the lease duration. The framework does not release
 * the Lease itself.
 */
final class Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final KubernetesClient client;
  private final RuntimeOptions options;
  private final String identity;
  private final Runnable onLost;
  private volatile boolean stopping;

  /** @param onLost runs, on an elector thread, when the Lease is lost before {@link #stopping()} */
  Leadership(KubernetesClient client, RuntimeOptions options, Runnable onLost) {
    this.client = client;
    this.options = options;
    this.onLost = onLost;
    String id = options.identity();
    if (id == null || id.isBlank()) {
      id = System.getenv("HOSTNAME") == null ? UUID.randomUUID().toString() : System.getenv("HOSTNAME");
    }
    this.identity = id;
  }

  LeaderElectionConfiguration configuration() {
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(options.leaseName())
        .withLeaseNamespace(options.leaseNamespace())
        .withIdentity(identity)
        .withLeaseDuration(options.leaseTimings().leaseDuration())
        .withRenewDeadline(options.leaseTimings().renewDeadline())
        .withRetryPeriod(options.leaseTimings().retryPeriod())
        .withLeaderCallbacks(new LeaderCallbacks(
            () -> LOG.info("leading as {}: reconciling IisFarms", identity),
            this::stoppedLeading,
            leader -> LOG.info(leader == null || leader.isEmpty() ? "the Lease is free" : "leader is now {}", leader)))
        .withExitOnStopLeading(false)
        .build();
  }

  String identity() {
    return identity;
  }

  /** The operator is being stopped: losing the Lease from now on is expected. */
  void stopping() {
    stopping = true;
  }

  /** Empties the Lease's holder if it is still this operator; only once the operator acts no more. */
  void release() {
    String namespace = namespace();
    if (namespace == null) {
      return;
    }
    try {
      Lease lease = client.leases().inNamespace(namespace).withName(options.leaseName()).get();
      if (lease == null || lease.getSpec() == null || !identity.equals(lease.getSpec().getHolderIdentity())) {
        return;
      }
      lease.getSpec().setHolderIdentity("");
      lease.getSpec().setLeaseDurationSeconds(1);
      // the resourceVersion read above makes this a compare-and-swap: a Lease taken meanwhile stays taken
      client.resource(lease).update();
      LOG.info("Lease {}/{} released", namespace, options.leaseName());
    } catch (KubernetesClientException e) {
      LOG.warn("Lease {}/{} not released ({}); a standby takes over once it expires", namespace,
          options.leaseName(), e.getMessage());
    }
  }

  private void stoppedLeading() {
    if (stopping) {
      return;
    }
    LOG.error("lost the Lease {} as {}: another operator may be leading now; stopping", options.leaseName(),
        identity);
    onLost.run();
  }

  private String namespace() {
    return options.leaseNamespace() != null ? options.leaseNamespace() : client.getConfiguration().getNamespace();
  }
}
