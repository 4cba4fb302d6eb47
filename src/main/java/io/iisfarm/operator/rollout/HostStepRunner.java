package io.iisfarm.operator.rollout;

import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.host.BackupId;
import io.iisfarm.operator.host.HostDriver;
import io.iisfarm.operator.host.HostDrivers;
import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.plan.AlignAppRoots;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.plan.MoveSite;
import io.iisfarm.operator.plan.Planner;
import io.iisfarm.operator.plan.Step;
import io.iisfarm.operator.plan.WriteMachineKey;
import io.iisfarm.operator.winrm.WinRmConnector;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host step: record it, read the host fresh and re-plan, back up, apply, start what the step stopped,
 * verify by reading back and by making the ASP.NET configuration of every runtime it wrote load; on any failure
 * after the first change, restore the backup and verify that.
 */
final class HostStepRunner {
  private static final Logger LOG = LoggerFactory.getLogger(HostStepRunner.class);

  private final WinRmConnector connector;
  private final HostReader reader;
  private final Planner planner;
  private final Clock clock;
  private final DesiredFarm desired;
  private final RolloutSettings settings;
  private final InFlightLedger ledger;
  private final RolloutListener listener;

  HostStepRunner(WinRmConnector connector, HostReader reader, Planner planner, Clock clock, DesiredFarm desired,
      RolloutSettings settings, InFlightLedger ledger, RolloutListener listener) {
    this.connector = connector;
    this.reader = reader;
    this.planner = planner;
    this.clock = clock;
    this.desired = desired;
    this.settings = settings;
    this.ledger = ledger;
    this.listener = listener;
  }

  HostOutcome apply(HostChange change) {
    String host = change.host();
    InFlightStep step = change.resumes() ? change.unfinished() : newStep(change);
    BackupId backup = BackupId.find(step.backups().get(0)).orElseThrow();
    try {
      ledger.begin(step);
    } catch (RuntimeException e) {
      String why = "the step could not be recorded in status, so the host was not touched: " + e.getMessage();
      listener.failed(host, why);
      return new HostOutcome(host, RolloutResult.failed(null, List.of(), why), null, change.plan());
    }
    Progress progress = new Progress();
    try (WinRmSession session = connector.open(change.target().endpoint(), change.target().credentials())) {
      return applyIn(session, change, step, backup, progress);
    } catch (RuntimeException e) {
      return rollBack(change, step, backup, progress, describe(e));
    }
  }

  private HostOutcome applyIn(WinRmSession session, HostChange change, InFlightStep step, BackupId backup,
      Progress progress) {
    String host = change.host();
    HostObservation fresh = reader.read(session, change.target().options());
    HostPlan plan = planner.planHost(desired, host, fresh);
    if (plan.hasConflict()) {
      throw new IllegalStateException(plan.findings().stream().filter(f -> f.reason().isConflict())
          .map(f -> f.message()).findFirst().orElse("conflict"));
    }
    HostDriver driver = HostDrivers.open(session, fresh, settings.allowKeyTransferOverHttp(), clock);
    if (!plan.steps().isEmpty() && !(change.resumes() && driver.hasBackup(backup))) {
      driver.backup(backup);
      listener.backedUp(host, backup);
    }
    for (Step s : plan.steps()) {
      progress.changedAt = clock.instant();
      execute(driver, s, backup);
      progress.applied.add(s);
      listener.applied(host, s);
    }
    List<String> started = driver.startSites(step.stops());
    if (!started.isEmpty()) {
      progress.changedAt = clock.instant();
      LOG.info("host {}: started {} again", host, started);
    }
    HostObservation verified = reader.read(session, change.target().options());
    HostPlan replanned = planner.planHost(desired, host, verified);
    List<String> stillStopped = stoppedAmong(verified, step.stops());
    if (!replanned.steps().isEmpty() || !stillStopped.isEmpty()) {
      throw new IllegalStateException("verification failed: " + (replanned.steps().isEmpty()
          ? "sites " + stillStopped + " are not running"
          : "the host still needs: " + replanned.steps().get(0).describe()));
    }
    List<String> notLoading = driver.configurationProblems(verified, runtimesWritten(plan));
    if (!notLoading.isEmpty()) {
      throw new IllegalStateException("verification failed: the ASP.NET configuration no longer loads ("
          + String.join("; ", notLoading) + ")");
    }
    listener.verified(host);
    prune(driver);
    ledger.end(host);
    Instant changedAt = progress.changedAt;
    return new HostOutcome(host, RolloutResult.applied(changedAt, progress.applied), verified, replanned);
  }

  private HostOutcome rollBack(HostChange change, InFlightStep step, BackupId backup, Progress progress, String why) {
    String host = change.host();
    if (progress.changedAt == null && !change.resumes()) {
      // nothing was changed: no rollback, and nothing left in flight
      ledger.end(host);
      listener.failed(host, why);
      return new HostOutcome(host, RolloutResult.failed(null, progress.applied, why), null, change.plan());
    }
    try (WinRmSession session = connector.open(change.target().endpoint(), change.target().credentials())) {
      HostObservation now = reader.read(session, change.target().options());
      HostDriver driver = HostDrivers.open(session, now, settings.allowKeyTransferOverHttp(), clock);
      driver.restore(backup, step.stops());
      HostObservation verified = reader.read(session, change.target().options());
      List<String> stillStopped = stoppedAmong(verified, step.stops());
      if (!stillStopped.isEmpty()) {
        throw new IllegalStateException("after the restore, sites " + stillStopped + " are not running");
      }
      ledger.end(host);
      listener.rolledBack(host, why);
      return new HostOutcome(host, RolloutResult.rolledBack(clock.instant(), progress.applied, why), verified,
          planner.planHost(desired, host, verified));
    } catch (RuntimeException e) {
      // the step stays recorded in status: the next reconcile resumes it from its backup
      String both = why + "; rolling back from backup " + backup.name() + " failed too: " + describe(e);
      listener.failed(host, both);
      return new HostOutcome(host, RolloutResult.failed(progress.changedAt, progress.applied, both), null,
          change.plan());
    }
  }

  private InFlightStep newStep(HostChange change) {
    BackupId backup = BackupId.at(clock.instant());
    HostPlan plan = change.plan();
    List<String> backups = new ArrayList<>();
    backups.add(backup.name());
    plan.steps().stream().filter(WriteMachineKey.class::isInstance)
        .map(s -> backup.fileBackupPath(((WriteMachineKey) s).path()))
        .forEach(backups::add);
    String action = String.join("; ", plan.steps().stream().map(Step::describe).toList());
    return new InFlightStep(change.host(), action, startedSitesStoppedBy(plan), backups, clock.instant().toString());
  }

  /** What the step will stop: sites it stops that run now (so they must run again afterwards). */
  private static List<String> startedSitesStoppedBy(HostPlan plan) {
    Set<String> running = new LinkedHashSet<>();
    plan.sites().stream().filter(s -> "Started".equalsIgnoreCase(s.state())).forEach(s -> running.add(s.name()));
    return plan.stops().stream().filter(running::contains).toList();
  }

  /** The runtime and bitness of every config file the plan writes, in plan order. */
  private static List<HostObservation.RuntimeInstall> runtimesWritten(HostPlan plan) {
    return plan.steps().stream().filter(WriteMachineKey.class::isInstance).map(WriteMachineKey.class::cast)
        .map(w -> new HostObservation.RuntimeInstall(w.location().runtime(), w.location().bitness()))
        .distinct().toList();
  }

  private static List<String> stoppedAmong(HostObservation observation, List<String> sites) {
    return sites.stream()
        .filter(name -> observation.sitesNamed(name).stream().anyMatch(s -> !s.isStarted()))
        .toList();
  }

  private static void execute(HostDriver driver, Step step, BackupId backup) {
    if (step instanceof MoveSite m) {
      driver.changeSiteId(m.site(), m.fromId(), m.toId());
    } else if (step instanceof AlignAppRoots a) {
      driver.alignAppRoots(a.site(), a.siteId());
    } else if (step instanceof WriteMachineKey w) {
      driver.writeMachineKey(w.location(), w.machineKey(), backup);
    }
  }

  private void prune(HostDriver driver) {
    try {
      driver.pruneBackups(settings.backupsToKeep());
    } catch (RuntimeException e) {
      LOG.warn("host {}: removing old backups failed ({}); they stay on the host", driver.host(), describe(e));
    }
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** What a step has done so far, for the rollback decision. */
  private static final class Progress {
    Instant changedAt;
    final List<Step> applied = new ArrayList<>();
  }
}
