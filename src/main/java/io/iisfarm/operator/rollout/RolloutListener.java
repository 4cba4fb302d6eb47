package io.iisfarm.operator.rollout;

import io.iisfarm.operator.host.BackupId;
import io.iisfarm.operator.plan.Step;
import java.time.Duration;

/** Progress of a rollout, host by host: logged by the operator, printed by the demo, counted in metrics. */
public interface RolloutListener {

  default void phase(String host, RolloutPhase phase) {}

  /** The host was taken out of a load balancer ({@code webhook}, {@code nlb}) or waited ({@code delay}). */
  default void drained(String host, String method, Duration took) {}

  /** Something worth telling about a drain that did not fail it, e.g. NLB already stopped, or drained on timeout. */
  default void drainNote(String host, String note) {}

  default void backedUp(String host, BackupId id) {}

  default void applied(String host, Step step) {}

  default void verified(String host) {}

  /**
   * One site's health check ended: healthy (the answer expected) or not, with the answer; {@code beforeChange}:
   * the check before the drain, which only decides whether the site must answer after the change.
   */
  default void healthChecked(String host, String site, String answer, boolean healthy, boolean beforeChange,
      Duration took) {}

  /** The host went back into a load balancer. */
  default void restored(String host, String method, Duration took) {}

  /** Putting the host back failed; it stays out and the next check retries. */
  default void restoreFailed(String host, String why) {}

  default void rolledBack(String host, String why) {}

  default void failed(String host, String why) {}

  /** A host step was not started: outside the maintenance windows, or it would not fit the one open. */
  default void deferred(String host, String why) {}

  RolloutListener NONE = new RolloutListener() {};
}
