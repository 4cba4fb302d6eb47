package io.iisfarm.operator.simulator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Farm-wide disruption: how many hosts at the same moment have a site stopped that was running when
 * the farm began. Its maximum is what a rollout's {@code maxUnavailable} must bound.
 */
final class DisruptionMeter {
  /** Per host, the sites that were running at the start. */
  private final Map<String, Set<String>> startedAtBegin = new HashMap<>();
  /** Per host, those of them stopped now. */
  private final Map<String, Set<String>> stoppedNow = new HashMap<>();
  private int disruptedNow;
  private int maxDisrupted;

  synchronized void siteRunningAtStart(String host, String site) {
    startedAtBegin.computeIfAbsent(host, h -> new HashSet<>()).add(key(site));
  }

  synchronized void siteStateChanged(String host, String site, boolean started) {
    if (!startedAtBegin.getOrDefault(host, Set.of()).contains(key(site))) {
      return;
    }
    Set<String> stopped = stoppedNow.computeIfAbsent(host, h -> new HashSet<>());
    boolean wasDisrupted = !stopped.isEmpty();
    if (started) {
      stopped.remove(key(site));
    } else {
      stopped.add(key(site));
    }
    boolean isDisrupted = !stopped.isEmpty();
    if (isDisrupted != wasDisrupted) {
      disruptedNow += isDisrupted ? 1 : -1;
      maxDisrupted = Math.max(maxDisrupted, disruptedNow);
    }
  }

  synchronized int disruptedNow() {
    return disruptedNow;
  }

  synchronized int maxDisrupted() {
    return maxDisrupted;
  }

  /** Starts a new measurement: the maximum becomes what is disrupted now. */
  synchronized void reset() {
    maxDisrupted = disruptedNow;
  }

  /** IIS matches site names case-insensitively. */
  private static String key(String site) {
    return site.toLowerCase(Locale.ROOT);
  }
}
