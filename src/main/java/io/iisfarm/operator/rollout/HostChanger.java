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
import io.iisfarm.operator.winrm.WinRmSessions;
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
 * The change itself: read the host fresh and re-plan, back up, apply, start what the step stopped, verify by
 * reading back and by making the ASP.NET configuration of every runtime it wrote load; and the way back: restore
 * the backup and verify that the sites run again.
 */
final class HostChanger {
  private static final Logger LOG = LoggerFactory.getLogger(HostChanger.class);

  /** The host after a verified change. */
  record Changed(HostObservation verified, HostPlan replanned) {}

  /** What a change has done so far, for the rollback decision. */
  static final class Progress {
    Instant changedAt;
    final List<Step> applied = new ArrayList<>();
  }

  private final WinRmSessions connector;
  private final HostReader reader;
  private final Planner planner;
  private final Clock clock;
  private final DesiredFarm desired;
  private final RolloutSettings settings;
  private final RolloutListener listener;

  HostChanger(WinRmSessions connector, HostReader reader, Planner planner, Clock clock, DesiredFarm desired,
      RolloutSettings settings, RolloutListener listener) {
    this.connector = connector;
    this.reader = reader;
    this.planner = planner;
    this.clock = clock;
    this.desired = desired;
    this.settings = settings;
    this.listener = listener;
  }

  /**
   * Applies the host's plan; {@code record} enters Verify before the read-back.
   *
   * @throws RuntimeException when a command or the verification failed; {@code progress} says what changed
   */
  Changed apply(HostChange change, StepRecord record, BackupId backup, Progress progress) {
    String host = change.host();
    InFlightStep step = record.step();
    try (WinRmSession session = connector.open(change.target().endpoint(), change.target().credentials())) {
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
      record.enter(RolloutPhase.VERIFY);
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
      return new Changed(verified, replanned);
    }
  }

  /**
   * Restores {@code backup} and checks that the sites the step stopped run again.
   *
   * @throws RuntimeException when the restore or its check failed
   */
  Changed restore(HostChange change, InFlightStep step, BackupId backup) {
    String host = change.host();
    try (WinRmSession session = connector.open(change.target().endpoint(), change.target().credentials())) {
      HostObservation now = reader.read(session, change.target().options());
      HostDriver driver = HostDrivers.open(session, now, settings.allowKeyTransferOverHttp(), clock);
      driver.restore(backup, step.stops());
      HostObservation verified = reader.read(session, change.target().options());
      List<String> stillStopped = stoppedAmong(verified, step.stops());
      if (!stillStopped.isEmpty()) {
        throw new IllegalStateException("after the restore, sites " + stillStopped + " are not running");
      }
      return new Changed(verified, planner.planHost(desired, host, verified));
    }
  }

  InFlightStep newStep(HostChange change) {
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
      LOG.warn("host {}: removing old backups failed ({}); they stay on the host", driver.host(),
          HostStepRunner.describe(e));
    }
  }
}
