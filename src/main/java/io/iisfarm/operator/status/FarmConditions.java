package io.iisfarm.operator.status;

import static io.iisfarm.operator.status.ConditionReasons.*;
import static io.iisfarm.operator.status.ConditionVerdict.isFalse;
import static io.iisfarm.operator.status.ConditionVerdict.isTrue;
import static io.iisfarm.operator.status.ConditionVerdict.unknown;

import io.iisfarm.operator.plan.FindingReason;
import io.iisfarm.operator.plan.SyncState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The condition logic, in one place and pure: a {@link FarmReport} gives Ready, HostsReachable, SiteIdsInSync,
 * MachineKeysInSync, Progressing and Degraded, each with a reason and a message that says what to do next.
 * Settled semantics (docs/design.md §6): unreachable hosts are not in sync; a plain-http host without key transfer
 * leaves MachineKeysInSync Unknown (InsecureTransport) and Ready False; Audit with drift is Ready False
 * DriftDetected; a rollback is Degraded True; session-state findings and site overrides do not count.
 */
public final class FarmConditions {

  private FarmConditions() {}

  /** The six conditions, in a fixed order. */
  public static List<ConditionVerdict> evaluate(FarmReport report) {
    Facts f = new Facts(report);
    return List.of(ready(f), hostsReachable(f), siteIds(f), machineKeys(f), progressing(f), degraded(f));
  }

  static ConditionVerdict ready(Facts f) {
    if (!f.invalidSpec.isEmpty()) {
      return isFalse(READY, INVALID_SPEC, "The spec is invalid: " + String.join("; ", f.invalidSpec)
          + ". Fix the IisFarm; no host is touched until then.");
    }
    if (f.secret.isPresent()) {
      Blocker b = f.secret.get();
      return isFalse(READY, b.kind().reason(), b.message() + " No host is changed until the Secret is fixed.");
    }
    if (!f.rolledBack.isEmpty()) {
      return isFalse(READY, RolloutFailures.rolledBackReason(f.rolledBack), RolloutFailures.rolledBackLead(
          f.rolledBack) + f.rolloutFailures(f.rolledBack) + ". The next check retries; see the host's message and"
          + " Events.");
    }
    if (!f.rolloutFailed.isEmpty()) {
      return isFalse(READY, RolloutFailures.failedReason(f.rolloutFailed), RolloutFailures.failedLead(
          f.rolloutFailed) + f.rolloutFailures(f.rolloutFailed) + ". The next check retries; see the host's message"
          + " and Events.");
    }
    if (!f.report.mode().changesHosts() && !f.drifted.isEmpty()) {
      return isFalse(READY, DRIFT_DETECTED, f.drifted.size() + " of " + f.total + " hosts differ from the spec: "
          + Summaries.hostsWithDrift(f.drifted) + ". " + nextStepForDrift(f.report.mode()));
    }
    if (!f.conflicted.isEmpty()) {
      return isFalse(READY, SITE_ID_CONFLICT, "Nothing is changed on " + Summaries.names(f.conflicted)
          + " because of a conflict: " + Summaries.firstFinding(f.conflicted, FindingReason.SITE_ID_CONFLICT,
              FindingReason.AMBIGUOUS_SITE_NAME));
    }
    if (!f.failed.isEmpty()) {
      return isFalse(READY, f.failureReason(), f.failed.size() + " of " + f.total + " hosts not read: "
          + Summaries.failures(f.failed) + ".");
    }
    if (!f.notChecked.isEmpty()) {
      return isFalse(READY, NOT_CHECKED, "Not read in this check: " + Summaries.names(f.notChecked) + ".");
    }
    if (f.report.inFlight().isEmpty() && !f.pending.isEmpty() && f.report.gate().holdsSteps()) {
      return isFalse(READY, WAITING_FOR_MAINTENANCE_WINDOW, Summaries.hostsWithDrift(f.pending) + " differ from"
          + " the spec; their steps wait for a maintenance window: " + f.report.gate().why()
          + " See status.plannedSteps.");
    }
    if (!f.pending.isEmpty() || !f.report.inFlight().isEmpty()) {
      return isFalse(READY, ROLLOUT_IN_PROGRESS, "Changes are being rolled out: " + Summaries.pending(f.pending)
          + ". Wait for the rollout; Progressing shows how far it is.");
    }
    if (!f.missing.isEmpty()) {
      return isFalse(READY, SITE_MISSING, Summaries.firstFinding(f.missing, FindingReason.SITE_MISSING));
    }
    if (!f.insecure.isEmpty()) {
      return isFalse(READY, INSECURE_TRANSPORT, "Site IDs are in sync, but the machineKeys of "
          + Summaries.names(f.insecure) + " cannot be checked over plain http: use https, or set"
          + " spec.winrm.allowKeyTransferOverHttp: true.");
    }
    if (f.inSync < f.total) {
      return isFalse(READY, NOT_IN_SYNC, (f.total - f.inSync) + " of " + f.total + " hosts are not in sync: "
          + Summaries.hostsWithDrift(f.drifted) + ".");
    }
    if (f.total == 0) {
      return isFalse(READY, NO_HOSTS, "spec.hosts is empty: list the farm's hosts.");
    }
    return isTrue(READY, IN_SYNC, "All hosts are in sync (" + f.inSync + "/" + f.total + ").");
  }

  static ConditionVerdict hostsReachable(Facts f) {
    if (f.total == 0) {
      return unknown(HOSTS_REACHABLE, NO_HOSTS, "spec.hosts is empty: list the farm's hosts.");
    }
    if (!f.failed.isEmpty()) {
      return isFalse(HOSTS_REACHABLE, f.failureReason(), f.failed.size() + " of " + f.total
          + " hosts not read: " + Summaries.failures(f.failed) + ".");
    }
    if (!f.notChecked.isEmpty()) {
      return unknown(HOSTS_REACHABLE, f.blockerReason().orElse(NOT_CHECKED), "Not read: "
          + Summaries.names(f.notChecked) + "." + f.blockerMessage().map(m -> " " + m).orElse(""));
    }
    return isTrue(HOSTS_REACHABLE, ALL_HOSTS_REACHABLE, "All hosts answered (" + f.total + "/" + f.total + ").");
  }

  static ConditionVerdict siteIds(Facts f) {
    List<HostReport> drifted = f.reached.stream().filter(h -> h.plan().siteIdsInSync() == SyncState.FALSE).toList();
    if (!drifted.isEmpty()) {
      String where = Summaries.siteDrift(drifted);
      if (drifted.stream().anyMatch(h -> h.plan().hasConflict())) {
        return isFalse(SITE_IDS_IN_SYNC, SITE_ID_CONFLICT, where + ". "
            + Summaries.firstFinding(drifted, FindingReason.SITE_ID_CONFLICT, FindingReason.AMBIGUOUS_SITE_NAME));
      }
      if (drifted.stream().anyMatch(h -> h.plan().has(FindingReason.SITE_MISSING))) {
        return isFalse(SITE_IDS_IN_SYNC, SITE_MISSING, where + ". Create the missing sites or remove them from"
            + " spec.sites; the operator never creates sites.");
      }
      boolean idDrift = drifted.stream().anyMatch(h -> h.plan().has(FindingReason.SITE_ID_DRIFT));
      return isFalse(SITE_IDS_IN_SYNC, idDrift ? SITE_ID_DRIFT : APP_ROOT_DRIFT, where + ". "
          + nextStepForDrift(f.report.mode()));
    }
    if (!f.invalidSpec.isEmpty() && f.reached.stream().anyMatch(h -> h.plan().siteIdsInSync() == SyncState.UNKNOWN)) {
      return unknown(SITE_IDS_IN_SYNC, INVALID_SPEC, "spec.sites is invalid: " + String.join("; ", f.invalidSpec));
    }
    if (!f.failed.isEmpty() || !f.notChecked.isEmpty()) {
      return unknown(SITE_IDS_IN_SYNC, f.unreadReason(), f.unreadMessage("Site IDs"));
    }
    if (f.total == 0) {
      return unknown(SITE_IDS_IN_SYNC, NO_HOSTS, "spec.hosts is empty: list the farm's hosts.");
    }
    return isTrue(SITE_IDS_IN_SYNC, SITE_IDS_MATCH, "Every spec site has its ID on every host.");
  }

  static ConditionVerdict machineKeys(Facts f) {
    if (f.secret.isPresent()) {
      Blocker b = f.secret.get();
      return unknown(MACHINE_KEYS_IN_SYNC, b.kind().reason(), b.message());
    }
    if (!f.invalidSpec.isEmpty()) {
      return unknown(MACHINE_KEYS_IN_SYNC, INVALID_SPEC, "The spec is invalid, so keys are not compared: "
          + String.join("; ", f.invalidSpec));
    }
    if (!f.report.machineKeysManaged()) {
      return isTrue(MACHINE_KEYS_IN_SYNC, NOT_MANAGED, "spec.machineKey is not set, so machineKeys are left"
          + " alone; set it to keep one key on every host.");
    }
    List<HostReport> drifted = f.reached.stream()
        .filter(h -> h.plan().machineKeysInSync() == SyncState.FALSE).toList();
    if (!drifted.isEmpty()) {
      return isFalse(MACHINE_KEYS_IN_SYNC, MACHINE_KEY_DRIFT, Summaries.keyDrift(drifted) + ". "
          + nextStepForDrift(f.report.mode()));
    }
    if (!f.insecure.isEmpty()) {
      return unknown(MACHINE_KEYS_IN_SYNC, INSECURE_TRANSPORT, Summaries.names(f.insecure) + " are reached over"
          + " plain http, so their config files are not read: use https, or set"
          + " spec.winrm.allowKeyTransferOverHttp: true to let keys travel over http.");
    }
    if (!f.encrypted.isEmpty()) {
      return unknown(MACHINE_KEYS_IN_SYNC, MACHINE_KEY_ENCRYPTED, Summaries.names(f.encrypted) + " hold an encrypted"
          + " <machineKey> (protected configuration), so their keys cannot be compared and are not written:"
          + " decrypt it with aspnet_regiis -pd, or leave that runtime out of spec.machineKey.");
    }
    if (!f.failed.isEmpty() || !f.notChecked.isEmpty()) {
      return unknown(MACHINE_KEYS_IN_SYNC, f.unreadReason(), f.unreadMessage("machineKeys"));
    }
    if (f.total == 0) {
      return unknown(MACHINE_KEYS_IN_SYNC, NO_HOSTS, "spec.hosts is empty: list the farm's hosts.");
    }
    return isTrue(MACHINE_KEYS_IN_SYNC, MACHINE_KEYS_MATCH, "Every managed config file on every host holds the"
        + " farm key.");
  }

  static ConditionVerdict progressing(Facts f) {
    if (!f.invalidSpec.isEmpty()) {
      return isFalse(PROGRESSING, INVALID_SPEC, "Nothing is changed until the spec is fixed.");
    }
    if (f.secret.isPresent()) {
      return isFalse(PROGRESSING, f.secret.get().kind().reason(), "Nothing is changed until the Secret is fixed.");
    }
    int steps = f.reached.stream().mapToInt(h -> h.plan().steps().size()).sum();
    if (f.report.mode() == EffectiveMode.SUSPENDED) {
      return isFalse(PROGRESSING, SUSPENDED, "spec.suspend is true: " + Summaries.stepCount(steps, f.pending)
          + " wait; set spec.suspend: false to apply them.");
    }
    if (f.report.mode() == EffectiveMode.AUDIT) {
      return isFalse(PROGRESSING, AUDIT_MODE, "Audit mode changes nothing: " + Summaries.stepCount(steps, f.pending)
          + " would run (see status.plannedSteps); set spec.mode: Enforce to apply them.");
    }
    if (!f.report.inFlight().isEmpty()) {
      return isTrue(PROGRESSING, ROLLOUT_IN_PROGRESS, "Changing " + f.report.inFlight().stream()
          .map(s -> s.host() + " (" + s.action() + ")").collect(Collectors.joining(", ")) + ".");
    }
    if (!f.pending.isEmpty() && f.report.gate().holdsSteps()) {
      return isFalse(PROGRESSING, WAITING_FOR_MAINTENANCE_WINDOW, Summaries.stepCount(steps, f.pending)
          + " wait (see status.plannedSteps): " + f.report.gate().why() + " To change hosts now, annotate the"
          + " IisFarm iisfarm.io/emergency-rollout=<reason>.");
    }
    if (!f.pending.isEmpty()) {
      return isTrue(PROGRESSING, ROLLOUT_PENDING, Summaries.stepCount(steps, f.pending) + " remain: "
          + Summaries.pending(f.pending) + "; hosts change at most spec.rollout.maxUnavailable at a time"
          + (f.report.gate().emergencyActive() ? " (emergency rollout outside the maintenance windows: "
              + f.report.gate().emergency().reason() + ")" : "") + ".");
    }
    if (f.inSync == f.total && f.total > 0) {
      return isFalse(PROGRESSING, CONVERGED, "Every host is in sync; nothing to change.");
    }
    return isFalse(PROGRESSING, NOTHING_TO_APPLY, "Some hosts are not in sync, but nothing can be changed on"
        + " them; see Ready and each host's findings.");
  }

  static ConditionVerdict degraded(Facts f) {
    if (!f.rolledBack.isEmpty()) {
      return isTrue(DEGRADED, RolloutFailures.rolledBackReason(f.rolledBack), "Restored from backup after a"
          + " failed change: " + f.rolloutFailures(f.rolledBack) + ". The next check retries; if it keeps failing, look at the host.");
    }
    if (!f.rolloutFailed.isEmpty()) {
      String reason = RolloutFailures.failedReason(f.rolloutFailed);
      String next = switch (reason) {
        case DRAIN_FAILED -> " Nothing was changed; check the load balancer (spec.rollout.drain).";
        case RESTORE_FAILED -> " The host is changed but out of the load balancer: the next check puts it back;"
            + " check the load balancer now, the farm has one host less.";
        default -> " Check the host: a change without a verified result may need attention.";
      };
      return isTrue(DEGRADED, reason, RolloutFailures.failedLead(f.rolloutFailed)
          + f.rolloutFailures(f.rolloutFailed) + "." + next);
    }
    return isFalse(DEGRADED, NO_FAILURES, "No change failed.");
  }

  static String nextStepForDrift(EffectiveMode mode) {
    return switch (mode) {
      case ENFORCE -> "The operator applies the planned steps host by host.";
      case AUDIT -> "Audit mode changes nothing: review status.plannedSteps and set spec.mode: Enforce to apply"
          + " them.";
      case SUSPENDED -> "spec.suspend is true: set it to false to apply status.plannedSteps.";
    };
  }

  /** What the conditions are computed from. */
  static final class Facts {
    final FarmReport report;
    final int total;
    final int inSync;
    final List<String> invalidSpec;
    final Optional<Blocker> secret;
    final List<HostReport> reached;
    final List<HostReport> failed;
    final List<HostReport> notChecked;
    final List<HostReport> drifted;
    final List<HostReport> pending;
    final List<HostReport> conflicted;
    final List<HostReport> missing;
    final List<HostReport> insecure;
    final List<HostReport> encrypted;
    final List<HostReport> rolledBack;
    final List<HostReport> rolloutFailed;

    Facts(FarmReport report) {
      this.report = report;
      List<HostReport> hosts = report.hosts();
      total = hosts.size();
      inSync = report.hostsInSync();
      invalidSpec = report.invalidSpecMessages();
      secret = report.blocker(Blocker.Kind.SECRET_MISSING).or(() -> report.blocker(Blocker.Kind.SECRET_INVALID));
      reached = hosts.stream().filter(HostReport::reachable).toList();
      failed = hosts.stream().filter(h -> h.failure() != null).toList();
      notChecked = hosts.stream().filter(h -> !h.checked()).toList();
      drifted = reached.stream().filter(h -> !h.plan().inSync()).toList();
      pending = reached.stream().filter(h -> !h.plan().steps().isEmpty()).toList();
      conflicted = reached.stream().filter(h -> h.plan().hasConflict()).toList();
      missing = reached.stream().filter(h -> h.plan().has(FindingReason.SITE_MISSING)).toList();
      insecure = reached.stream().filter(h -> h.plan().machineKeysInSync() == SyncState.UNKNOWN
          && h.plan().has(FindingReason.INSECURE_TRANSPORT)).toList();
      encrypted = reached.stream().filter(h -> h.plan().machineKeysInSync() == SyncState.UNKNOWN
          && h.plan().has(FindingReason.MACHINE_KEY_ENCRYPTED)).toList();
      rolledBack = hosts.stream().filter(h -> h.rollout() != null && h.rollout().rolledBack()).toList();
      rolloutFailed = hosts.stream()
          .filter(h -> h.rollout() != null && !h.rollout().rolledBack() && h.rollout().failure() != null).toList();
    }

    /** The failure kind's reason when all failed hosts failed alike, else HostsUnreachable. */
    String failureReason() {
      Set<HostFailure.Kind> kinds = failed.stream().map(h -> h.failure().kind()).collect(Collectors.toSet());
      return kinds.size() == 1 ? kinds.iterator().next().reason() : HOSTS_UNREACHABLE;
    }

    Optional<String> blockerReason() {
      return report.blockers().stream().findFirst().map(b -> b.kind().reason());
    }

    Optional<String> blockerMessage() {
      return report.blockers().stream().findFirst().map(Blocker::message);
    }

    String unreadReason() {
      return failed.isEmpty() ? blockerReason().orElse(NOT_CHECKED) : HOSTS_UNREACHABLE;
    }

    String unreadMessage(String what) {
      List<HostReport> unread = report.hosts().stream().filter(h -> !h.reachable()).toList();
      return what + " match where they could be read; not read: " + Summaries.names(unread)
          + " (see HostsReachable).";
    }

    String rolloutFailures(List<HostReport> hosts) {
      return hosts.stream().map(h -> h.name() + ": " + h.rollout().failure()).collect(Collectors.joining("; "));
    }
  }
}
