package io.iisfarm.operator.status;

import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.KubeDuration;
import io.iisfarm.operator.api.MachineKeyStatus;
import io.iisfarm.operator.api.SiteStatus;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.plan.Finding;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.plan.KeyFileCheck;
import io.iisfarm.operator.plan.SiteCheck;
import io.iisfarm.operator.rollout.RolloutResult;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The per-host rows of the status: sites, machineKey fingerprints (never keys), findings, times, message. */
final class HostTable {

  private HostTable() {}

  /** RFC 3339 in UTC at whole seconds, as Kubernetes writes times. */
  static String time(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * @param previous this host's row in the previous status, or null: keeps lastChange (and lastCheck of a
   *     host not read now)
   */
  static HostStatus row(HostReport host, FarmReport report, HostStatus previous) {
    HostObservation obs = host.observation();
    HostPlan plan = host.plan();
    Boolean reachable = host.reachable() ? Boolean.TRUE : host.failure() != null ? Boolean.FALSE : null;

    String lastCheck;
    if (obs != null) {
      lastCheck = time(obs.observedAt() != null ? obs.observedAt() : report.checkedAt());
    } else if (host.failure() != null) {
      lastCheck = time(report.checkedAt());
    } else {
      lastCheck = previous == null ? null : previous.lastCheck();
    }
    String lastChange = host.rollout() != null && host.rollout().changedAt() != null
        ? time(host.rollout().changedAt())
        : previous == null ? null : previous.lastChange();

    String lastStepDuration = host.rollout() != null && host.rollout().took() != null
        ? KubeDuration.format(host.rollout().took().withNanos(0))
        : previous == null ? null : previous.lastStepDuration();
    String phase = report.inFlight().stream().filter(s -> s.host().equals(host.name())).map(s -> s.phase())
        .filter(p -> p != null).findFirst().orElse(null);

    return new HostStatus(host.name(), host.address(), reachable,
        obs == null ? null : obs.osName(),
        obs == null || obs.iisVersion() == null ? null : obs.iisVersion().toString(),
        host.inSync(),
        host.reachable() ? nullIfEmpty(sites(plan)) : null,
        host.reachable() ? nullIfEmpty(keys(plan)) : null,
        nullIfEmpty(findings(host)),
        lastCheck, lastChange, message(host, report), phase, lastStepDuration);
  }

  private static List<SiteStatus> sites(HostPlan plan) {
    return plan.sites().stream().map(HostTable::site).toList();
  }

  private static SiteStatus site(SiteCheck s) {
    return new SiteStatus(s.name(), s.actualId(), s.desiredId(), s.state(), s.appRoot(), s.inSync());
  }

  private static List<MachineKeyStatus> keys(HostPlan plan) {
    return plan.keyFiles().stream().map(HostTable::key).toList();
  }

  private static MachineKeyStatus key(KeyFileCheck k) {
    return new MachineKeyStatus(k.location().runtime().wireName(), k.location().bitness().bits(),
        k.location().kind().fileName(), k.fingerprint(), k.validation(), k.decryption(), k.inSync());
  }

  private static List<String> findings(HostReport host) {
    List<String> out = new ArrayList<>();
    if (host.failure() != null) {
      out.add(host.failure().statusLine());
    }
    host.plan().findings().stream().map(Finding::statusLine).forEach(out::add);
    return out;
  }

  private static String message(HostReport host, FarmReport report) {
    if (host.failure() != null) {
      return host.failure().statusLine() + "; " + host.failure().kind().hint() + ".";
    }
    if (host.observation() == null) {
      return "Not read in this check" + report.blockers().stream().findFirst()
          .map(b -> " (" + b.kind().reason() + ")").orElse("") + ".";
    }
    RolloutResult rollout = host.rollout();
    if (rollout != null && rollout.rolledBack()) {
      return "Rolled back from backup: " + rollout.failure();
    }
    if (rollout != null && rollout.failure() != null) {
      return "Change failed: " + rollout.failure();
    }
    HostPlan plan = host.plan();
    String applied = rollout != null && !rollout.applied().isEmpty()
        ? "Applied and verified " + Summaries.plural(rollout.applied().size(), "step") + ". " : "";
    if (plan.hasConflict()) {
      return applied + "Blocked: " + plan.findings().stream().filter(f -> f.reason().isConflict()).findFirst()
          .map(Finding::statusLine).orElse("conflict");
    }
    if (!plan.steps().isEmpty()) {
      String waits = report.gate().deferred().containsKey(host.name())
          ? "; waiting: " + report.gate().deferred().get(host.name())
          : report.gate().waiting() && report.mode().changesHosts() ? "; waiting for a maintenance window" : "";
      return applied + Summaries.plural(plan.steps().size(), "step") + " planned, first: "
          + plan.steps().get(0).describe() + waits;
    }
    if (host.inSync()) {
      return applied + (plan.findings().isEmpty() ? "In sync." : "In sync; see findings.");
    }
    return applied + "Not in sync: " + plan.findings().stream().map(f -> f.reason().camelCase()).distinct()
        .reduce((a, b) -> a + ", " + b).orElse("see findings");
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }
}
