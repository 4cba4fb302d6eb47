package io.iisfarm.operator.rollout;

import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.rollout.HealthSettings.SiteCheck;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The health checks of one rollout: each site's request sent straight to a host (not through the load
 * balancer), tried up to {@code attempts} times, {@code interval} apart, until it answers as expected.
 */
final class SiteHealth implements AutoCloseable {
  /** One site's check on one host. */
  record Verdict(String site, String request, String answer, boolean healthy) {
    String describe() {
      return "site " + site + ": " + request + " answered " + answer;
    }
  }

  private final HealthSettings settings;
  private final RolloutListener listener;
  private HttpProbe probe;

  SiteHealth(HealthSettings settings, RolloutListener listener) {
    this.settings = settings;
    this.listener = listener;
  }

  /** The checks for sites {@code observation} shows on the host. */
  List<SiteCheck> applicable(HostObservation observation) {
    if (observation == null) {
      return List.of();
    }
    return settings.sites().stream().filter(c -> !observation.sitesNamed(c.site()).isEmpty()).toList();
  }

  /** The sites among {@code checks} that answer as expected now (before a change: what it must not break). */
  Set<String> healthy(String host, SiteEndpoint endpoint, List<SiteCheck> checks) {
    Set<String> healthy = new LinkedHashSet<>();
    for (SiteCheck check : checks) {
      if (check(host, endpoint, check, true).healthy()) {
        healthy.add(check.site());
      }
    }
    return healthy;
  }

  /** The first of {@code checks} (for sites in {@code mustAnswer}) that does not answer as expected; null if none. */
  Verdict firstFailure(String host, SiteEndpoint endpoint, List<SiteCheck> checks, Set<String> mustAnswer) {
    for (SiteCheck check : checks) {
      if (mustAnswer.contains(check.site())) {
        Verdict verdict = check(host, endpoint, check, false);
        if (!verdict.healthy()) {
          return verdict;
        }
      }
    }
    return null;
  }

  private Verdict check(String host, SiteEndpoint endpoint, SiteCheck check, boolean beforeChange) {
    int port = endpoint.port(check.bindingPort());
    String request = "GET " + (check.https() ? "https" : "http") + "://" + endpoint.address() + ":" + port
        + check.path() + (check.host() == null ? "" : " (Host: " + check.host() + ")");
    long started = System.nanoTime();
    HttpProbe.Answer answer = null;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      if (attempt > 1) {
        sleep(settings.interval());
      }
      answer = probe().get(check.https(), endpoint.address(), port, check.bindingPort(), check.host(), check.path());
      if (answer.failure() == null && check.expectedStatus().contains(answer.status())) {
        break;
      }
    }
    boolean healthy = answer.failure() == null && check.expectedStatus().contains(answer.status());
    Verdict verdict = new Verdict(check.site(), request, answer.describe(), healthy);
    listener.healthChecked(host, check.site(), verdict.describe(), healthy, beforeChange,
        Duration.ofNanos(System.nanoTime() - started));
    return verdict;
  }

  private synchronized HttpProbe probe() {
    if (probe == null) {
      probe = new HttpProbe(settings.timeout(), settings.caPem());
    }
    return probe;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during a health check", e);
    }
  }

  @Override
  public synchronized void close() {
    if (probe != null) {
      probe.close();
    }
  }
}
