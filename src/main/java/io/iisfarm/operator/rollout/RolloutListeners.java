package io.iisfarm.operator.rollout;

import io.iisfarm.operator.host.BackupId;
import io.iisfarm.operator.plan.Step;
import java.time.Duration;
import java.util.List;

/** Several listeners as one, told in the order given. */
public final class RolloutListeners implements RolloutListener {
  private final List<RolloutListener> listeners;

  private RolloutListeners(List<RolloutListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  public static RolloutListener of(RolloutListener... listeners) {
    return new RolloutListeners(List.of(listeners));
  }

  @Override public void phase(String host, RolloutPhase phase) { listeners.forEach(l -> l.phase(host, phase)); }
  @Override public void drained(String host, String method, Duration took) {
    listeners.forEach(l -> l.drained(host, method, took));
  }
  @Override public void drainNote(String host, String note) { listeners.forEach(l -> l.drainNote(host, note)); }
  @Override public void backedUp(String host, BackupId id) { listeners.forEach(l -> l.backedUp(host, id)); }
  @Override public void applied(String host, Step step) { listeners.forEach(l -> l.applied(host, step)); }
  @Override public void verified(String host) { listeners.forEach(l -> l.verified(host)); }
  @Override public void healthChecked(String host, String site, String answer, boolean healthy,
      boolean beforeChange, Duration took) {
    listeners.forEach(l -> l.healthChecked(host, site, answer, healthy, beforeChange, took));
  }
  @Override public void restored(String host, String method, Duration took) {
    listeners.forEach(l -> l.restored(host, method, took));
  }
  @Override public void restoreFailed(String host, String why) { listeners.forEach(l -> l.restoreFailed(host, why)); }
  @Override public void rolledBack(String host, String why) { listeners.forEach(l -> l.rolledBack(host, why)); }
  @Override public void failed(String host, String why) { listeners.forEach(l -> l.failed(host, why)); }
  @Override public void deferred(String host, String why) { listeners.forEach(l -> l.deferred(host, why)); }
}
