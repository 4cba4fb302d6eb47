package io.iisfarm.operator.rollout;

import java.time.Duration;
import java.util.List;

/**
 * The requests each changed host must answer before it goes back into the load balancer.
 *
 * @param caPem trust for https checks; null: the JVM trust store
 */
public record HealthSettings(List<SiteCheck> sites, Duration timeout, int attempts, Duration interval, String caPem) {
  public static final HealthSettings NONE = new HealthSettings(List.of(), Duration.ofSeconds(10), 1, Duration.ZERO,
      null);

  public HealthSettings {
    sites = sites == null ? List.of() : List.copyOf(sites);
  }

  public boolean any() {
    return !sites.isEmpty();
  }

  /**
   * One site's check.
   *
   * @param host the Host header; null: the address the request goes to
   * @param port null: 80 for http, 443 for https
   */
  public record SiteCheck(String site, String path, String host, boolean https, Integer port,
      List<Integer> expectedStatus) {
    public SiteCheck {
      expectedStatus = expectedStatus == null || expectedStatus.isEmpty() ? List.of(200) : List.copyOf(expectedStatus);
      path = path == null ? "/" : path;
    }

    public int bindingPort() {
      return port != null ? port : https ? 443 : 80;
    }
  }
}
