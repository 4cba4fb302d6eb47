package io.iisfarm.operator.rollout;

import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.host.BackupId;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.rollout.HealthSettings.SiteCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One host step, phase by phase, each on record before it starts: note which sites answer now, take the host
 * out of its load balancers (Drain), change it (Change), read it back (Verify), send its sites' health checks
 * (Health), put it back (Restore). A failed change or health check restores the backup and the host goes back
 * as it was; a failed drain changes nothing; a failed restore leaves the step on record, to be retried.
 */
final class HostStepRunner {
  private final Clock clock;
  private final InFlightLedger ledger;
  private final RolloutListener listener;
  private final HostChanger changer;
  private final LoadBalancers balancers;
  private final SiteHealth health;

  HostStepRunner(Clock clock, InFlightLedger ledger, RolloutListener listener, HostChanger changer,
      LoadBalancers balancers, SiteHealth health) {
    this.clock = clock;
    this.ledger = ledger;
    this.listener = listener;
    this.changer = changer;
    this.balancers = balancers;
    this.health = health;
  }

  HostOutcome apply(HostChange change) {
    long started = System.nanoTime();
    InFlightStep step = change.resumes() ? change.unfinished() : changer.newStep(change);
    StepRecord record = new StepRecord(step, ledger, listener);
    boolean restoreOnly = change.resumes() && record.phase() == RolloutPhase.RESTORE;
    try {
      record.enter(restoreOnly ? RolloutPhase.RESTORE : balancers.any() ? RolloutPhase.DRAIN : RolloutPhase.CHANGE);
    } catch (RuntimeException e) {
      String why = "the step could not be recorded in status, so the host was not touched: " + describe(e);
      listener.failed(change.host(), why);
      return new HostOutcome(change.host(), RolloutResult.failed(null, List.of(), why), null, change.plan());
    }
    HostOutcome outcome = restoreOnly
        ? putBack(change, record, RolloutResult.applied(null, List.of()), null, change.plan())
        : run(change, record);
    return new HostOutcome(outcome.host(), outcome.result().took(Duration.ofNanos(System.nanoTime() - started)),
        outcome.verified(), outcome.replanned());
  }

  private HostOutcome run(HostChange change, StepRecord record) {
    String host = change.host();
    BackupId backup = BackupId.find(record.step().backups().get(0)).orElseThrow();
    List<SiteCheck> checks = health.applicable(change.observed());
    // what answers now must answer after the change; after a crash that is unknown, so every check counts
    Set<String> mustAnswer = change.resumes() ? names(checks) : health.healthy(host, change.sites(), checks);
    if (balancers.any()) {
      try {
        balancers.drain(change, record, reason(record));
      } catch (RuntimeException e) {
        String why = "taking the host out of the load balancer failed, so it was not changed: " + describe(e);
        listener.failed(host, why);
        return putBack(change, record, RolloutResult.drainFailed(why), null, change.plan());
      }
    }
    HostChanger.Progress progress = new HostChanger.Progress();
    HostChanger.Changed changed;
    try {
      record.enter(RolloutPhase.CHANGE);
      changed = changer.apply(change, record, backup, progress);
    } catch (RuntimeException e) {
      return recover(change, record, backup, progress, describe(e), RolloutResult.Cause.CHANGE);
    }
    if (!checks.isEmpty()) {
      record.enter(RolloutPhase.HEALTH);
      SiteHealth.Verdict failure = health.firstFailure(host, change.sites(), checks, mustAnswer);
      if (failure != null) {
        return recover(change, record, backup, progress, "health check failed after the change: "
            + failure.describe(), RolloutResult.Cause.HEALTH_CHECK);
      }
    }
    return putBack(change, record, RolloutResult.applied(progress.changedAt, progress.applied), changed.verified(),
        changed.replanned());
  }

  /** After a failed change or health check: restore the backup (when anything changed), then put the host back. */
  private HostOutcome recover(HostChange change, StepRecord record, BackupId backup, HostChanger.Progress progress,
      String why, RolloutResult.Cause cause) {
    String host = change.host();
    if (progress.changedAt == null && !change.resumes()) {
      listener.failed(host, why);
      return putBack(change, record, RolloutResult.failed(null, progress.applied, why), null, change.plan());
    }
    HostChanger.Changed restored;
    try {
      restored = changer.restore(change, record.step(), backup);
    } catch (RuntimeException e) {
      // the step stays on record, with the load balancers it left: the next reconcile resumes it
      String both = why + "; rolling back from backup " + backup.name() + " failed too: " + describe(e);
      listener.failed(host, both);
      return new HostOutcome(host, RolloutResult.failed(progress.changedAt, progress.applied, both), null,
          change.plan());
    }
    listener.rolledBack(host, why);
    RolloutResult result = cause == RolloutResult.Cause.HEALTH_CHECK
        ? RolloutResult.healthCheckFailed(clock.instant(), progress.applied, why)
        : RolloutResult.rolledBack(clock.instant(), progress.applied, why);
    // restored from its backup, the host serves as it did before: it goes back
    return putBack(change, record, result, restored.verified(), restored.replanned());
  }

  /** Puts the host back into the load balancers it left and ends the step; a failure keeps it on record. */
  private HostOutcome putBack(HostChange change, StepRecord record, RolloutResult result, HostObservation verified,
      HostPlan replanned) {
    String host = change.host();
    if (!record.step().drainedOrEmpty().isEmpty()) {
      try {
        record.enter(RolloutPhase.RESTORE);
        balancers.restore(change, record, reason(record));
      } catch (RuntimeException e) {
        String why = "putting the host back into the load balancer failed: " + describe(e)
            + "; it stays out, and the next check tries again";
        listener.restoreFailed(host, why);
        RolloutResult failed = result.succeeded()
            ? RolloutResult.restoreFailed(result.changedAt(), result.applied(), why)
            : new RolloutResult(result.changedAt(), result.applied(), result.rolledBack(),
                result.failure() + "; " + why, result.cause(), null);
        return new HostOutcome(host, failed, verified, replanned);
      }
    }
    record.end();
    return new HostOutcome(host, result, verified, replanned);
  }

  private static String reason(StepRecord record) {
    String action = record.step().action();
    return action == null || action.isEmpty() ? "finish an interrupted change" : action;
  }

  private static Set<String> names(List<SiteCheck> checks) {
    Set<String> names = new LinkedHashSet<>();
    checks.forEach(c -> names.add(c.site()));
    return names;
  }

  static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
