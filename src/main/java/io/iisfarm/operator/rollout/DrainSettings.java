package io.iisfarm.operator.rollout;

import java.net.URI;
import java.time.Duration;

/**
 * How hosts are taken out of the load balancer before their change: an external controller by webhook, then
 * Windows NLB on the host, then a fixed wait; put back in the reverse order after the host checked healthy.
 *
 * @param nlb null: no NLB
 * @param webhook null: no webhook
 * @param delay wait after draining; zero for none
 */
public record DrainSettings(Nlb nlb, Webhook webhook, Duration delay) {
  public static final DrainSettings NONE = new DrainSettings(null, null, Duration.ZERO);

  public DrainSettings {
    delay = delay == null ? Duration.ZERO : delay;
  }

  public boolean any() {
    return nlb != null || webhook != null || !delay.isZero();
  }

  /** @param timeout how long connections may take to drain before the host is stopped anyway */
  public record Nlb(Duration timeout, Duration pollInterval) {}

  /**
   * @param caPem the CA of the webhook's certificate; null: the JVM trust store
   * @param token null: no Authorization header
   * @param retries further tries after a failed call
   */
  public record Webhook(URI url, String caPem, BearerToken token, Duration timeout, int retries, String farm,
      String namespace) {}
}
