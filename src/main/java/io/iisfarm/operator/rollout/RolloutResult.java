package io.iisfarm.operator.rollout;

import io.iisfarm.operator.plan.Step;
import java.time.Instant;
import java.util.List;

/**
 * What the rollout did to one host in this reconcile.
 *
 * @param changedAt when the host was last changed (applied or restored); null when nothing was changed
 * @param applied the steps applied, in order
 * @param rolledBack verification failed and the backup was restored
 * @param failure why it failed (null on success); no secrets
 */
public record RolloutResult(Instant changedAt, List<Step> applied, boolean rolledBack, String failure) {

  public RolloutResult {
    applied = applied == null ? List.of() : List.copyOf(applied);
  }

  /** Every step applied and verified by reading the host back. */
  public static RolloutResult applied(Instant at, List<Step> steps) {
    return new RolloutResult(at, steps, false, null);
  }

  /** Verification (or a step) failed and the host was restored from its backup. */
  public static RolloutResult rolledBack(Instant at, List<Step> attempted, String why) {
    return new RolloutResult(at, attempted, true, why);
  }

  /**
   * Failed without a rollback: before any change (then {@code changedAt} is null), or the restore failed too.
   */
  public static RolloutResult failed(Instant changedAt, List<Step> attempted, String why) {
    return new RolloutResult(changedAt, attempted, false, why);
  }

  public boolean succeeded() {
    return failure == null && !rolledBack;
  }
}
