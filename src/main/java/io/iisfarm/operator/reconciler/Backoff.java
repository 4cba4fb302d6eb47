package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.status.FarmReport;
import io.iisfarm.operator.status.HostReport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to look at a farm again: after its resync interval, or sooner, backing off exponentially from 5 s,
 * while hosts fail (unreachable, timed out, a change rolled back), so transient failures are retried.
 */
final class Backoff {
  static final Duration FIRST = Duration.ofSeconds(5);

  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  Duration next(IisFarm farm, FarmReport report, Duration resync) {
    String uid = farm.getMetadata().getUid() == null ? farm.getMetadata().getNamespace() + "/"
        + farm.getMetadata().getName() : farm.getMetadata().getUid();
    if (!failed(report)) {
      failures.remove(uid);
      return resync;
    }
    int n = failures.merge(uid, 1, Integer::sum);
    Duration delay = FIRST.multipliedBy(1L << Math.min(n - 1, 16));
    return delay.compareTo(resync) < 0 ? delay : resync;
  }

  private static boolean failed(FarmReport report) {
    for (HostReport host : report.hosts()) {
      if (host.failure() != null && host.failure().kind() != io.iisfarm.operator.status.HostFailure.Kind.CLAIMED_ELSEWHERE) {
        return true;
      }
      if (host.rollout() != null && !host.rollout().succeeded()) {
        return true;
      }
    }
    return !report.inFlight().isEmpty();
  }
}
