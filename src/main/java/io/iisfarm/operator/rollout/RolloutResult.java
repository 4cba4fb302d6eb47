package io.iisfarm.operator.rollout;

import io.iisfarm.operator.plan.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the rollout did to one host in this reconcile.
 *
 * @param changedAt when the host was last changed (applied or restored); null when nothing was changed
 * @param applied the steps applied, in order
 * @param rolledBack the change failed (verification, a command, or a health check) and the backup was restored
 * @param failure why it failed (null on success); no secrets
 * @param cause what failed; null on success
 * @param took how long the host's step took, drain to restore; null when not measured
 */
public record RolloutResult(Instant changedAt, List<Step> applied, boolean rolledBack, String failure, Cause cause,
    Duration took) {

  /** The part of a host's step that failed. */
  public enum Cause {
    /** A command of the change failed, or reading the host back did not show the spec. */
    CHANGE,
    /** A site that answered before the change did not answer as expected after it. */
    HEALTH_CHECK,
    /** The host could not be taken out of a load balancer; nothing was changed. */
    DRAIN,
    /** The host was changed and healthy but could not be put back into a load balancer. */
    RESTORE
  }

  public RolloutResult {
    applied = applied == null ? List.of() : List.copyOf(applied);
  }

  public RolloutResult(Instant changedAt, List<Step> applied, boolean rolledBack, String failure) {
    this(changedAt, applied, rolledBack, failure, failure == null ? null : Cause.CHANGE, null);
  }

  /** Every step applied and verified by reading the host back. */
  public static RolloutResult applied(Instant at, List<Step> steps) {
    return new RolloutResult(at, steps, false, null, null, null);
  }

  /** Verification (or a step) failed and the host was restored from its backup. */
  public static RolloutResult rolledBack(Instant at, List<Step> attempted, String why) {
    return new RolloutResult(at, attempted, true, why, Cause.CHANGE, null);
  }

  /** A site stopped answering as expected after the change, and the host was restored from its backup. */
  public static RolloutResult healthCheckFailed(Instant at, List<Step> attempted, String why) {
    return new RolloutResult(at, attempted, true, why, Cause.HEALTH_CHECK, null);
  }

  /**
   * Failed without a rollback: before any change (then {@code changedAt} is null), or the restore failed too.
   */
  public static RolloutResult failed(Instant changedAt, List<Step> attempted, String why) {
    return new RolloutResult(changedAt, attempted, false, why, Cause.CHANGE, null);
  }

  /** The host could not be taken out of the load balancer, so it was not changed. */
  public static RolloutResult drainFailed(String why) {
    return new RolloutResult(null, List.of(), false, why, Cause.DRAIN, null);
  }

  /** Changed, verified and healthy, but not back in the load balancer. */
  public static RolloutResult restoreFailed(Instant changedAt, List<Step> applied, String why) {
    return new RolloutResult(changedAt, applied, false, why, Cause.RESTORE, null);
  }

  public RolloutResult took(Duration duration) {
    return new RolloutResult(changedAt, applied, rolledBack, failure, cause, duration);
  }

  public boolean succeeded() {
    return failure == null && !rolledBack;
  }
}
