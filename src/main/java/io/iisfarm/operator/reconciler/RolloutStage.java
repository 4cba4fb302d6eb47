package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.HttpScheme;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.api.KubeDuration;
import io.iisfarm.operator.api.PortMapping;
import io.iisfarm.operator.api.RolloutSpec;
import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.plan.FarmPlan;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.rollout.DrainSettings;
import io.iisfarm.operator.rollout.HealthSettings;
import io.iisfarm.operator.rollout.HostChange;
import io.iisfarm.operator.rollout.RolloutSettings;
import io.iisfarm.operator.rollout.SiteEndpoint;
import io.iisfarm.operator.schedule.MaintenanceWindows;
import io.iisfarm.operator.schedule.StepEstimates;
import io.iisfarm.operator.schedule.WindowCheck;
import io.iisfarm.operator.schedule.WindowSpecs;
import io.iisfarm.operator.status.FarmReport;
import io.iisfarm.operator.status.RolloutGate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the spec says about acting on hosts, turned into the rollout's inputs: which hosts to change, how many
 * at once, the load balancers and health checks around each, and whether the maintenance windows (or the
 * emergency override) let steps start; and, after the rollout, what the windows held back.
 */
final class RolloutStage {
  private final IisFarm farm;
  private final Instant now;
  private final WindowCheck windows;
  private final EmergencyOverride.State emergency;

  RolloutStage(IisFarm farm, Instant now) {
    this.farm = farm;
    this.now = now;
    RolloutSpec rollout = farm.getSpec().getRollout();
    MaintenanceWindows restricted = WindowSpecs.read(rollout == null ? null : rollout.getWindows());
    this.emergency = EmergencyOverride.of(farm, restricted.restricted(), now);
    this.windows = new WindowCheck(restricted, now, emergency.active());
  }

  /** Before the rollout: whether steps may start now, and the override in force. */
  RolloutGate gate() {
    return new RolloutGate(!windows.open(), windows.open() ? null : windows.closedMessage(), Map.of(),
        emergency.status(), emergency.active());
  }

  /** After the rollout: the hosts it held back, and the override completed once every host is in sync. */
  FarmReport finish(FarmReport report, Map<String, String> deferred,
      Consumer<String> onEmergencyCompleted) {
    EmergencyOverride.State after = EmergencyOverride.after(emergency, report, now);
    if (emergency.active() && !after.active()) {
      onEmergencyCompleted.accept(after.status().reason());
    }
    return report.withGate(gate().withDeferred(deferred).withEmergency(after.status()));
  }

  /** When to look again: at the resync, or as the next window opens if that comes first. */
  Duration nextLook(Duration planned, FarmReport report) {
    if (planned == null || !report.gate().waiting()) {
      return planned;
    }
    return windows.next().map(p -> Duration.between(now, p.start()).plusSeconds(1))
        .filter(d -> !d.isNegative() && d.compareTo(planned) < 0).orElse(planned);
  }

  RolloutSettings settings(DrainSettings drain, List<HostTarget> targets) {
    IisFarmSpec spec = farm.getSpec();
    RolloutSpec rollout = spec.getRollout();
    Map<String, Duration> measured = new HashMap<>();
    if (farm.getStatus() != null && farm.getStatus().getHosts() != null) {
      for (HostStatus row : farm.getStatus().getHosts()) {
        if (row.lastStepDuration() != null) {
          measured.put(row.name(), KubeDuration.parse(row.lastStepDuration()));
        }
      }
    }
    StepEstimates estimates = new StepEstimates(measured, KubeDuration.parse(rollout == null
        || rollout.getExpectedStepDuration() == null ? "10m" : rollout.getExpectedStepDuration()));
    String caPem = targets.isEmpty() ? null : targets.get(0).endpoint().tls().caPem();
    return new RolloutSettings(
        rollout == null || rollout.getMaxUnavailable() == null ? 1 : rollout.getMaxUnavailable(),
        rollout == null || rollout.getBackupsToKeep() == null ? 5 : rollout.getBackupsToKeep(),
        Boolean.TRUE.equals(spec.getWinrm().getAllowKeyTransferOverHttp()),
        drain, health(rollout, caPem), (host, at) -> windows.refusal(estimates.of(host), at));
  }

  /** Hosts to change: unfinished steps first (if the host answered), then hosts whose plan has steps. */
  List<HostChange> changes(List<HostTarget> targets, FarmPlan plan, Map<String, HostObservation> observations,
      List<InFlightStep> inFlight, Map<String, String> claimed) {
    Map<String, InFlightStep> unfinished = new LinkedHashMap<>();
    inFlight.forEach(step -> unfinished.put(step.host(), step));
    List<HostChange> changes = new ArrayList<>();
    for (HostTarget target : targets) {
      HostPlan hostPlan = plan.host(target.name()).orElse(null);
      boolean readable = observations.containsKey(target.name()) && !claimed.containsKey(target.name());
      if (!readable || hostPlan == null || hostPlan.hasConflict()) {
        continue;
      }
      InFlightStep step = unfinished.get(target.name());
      if (step != null || !hostPlan.steps().isEmpty()) {
        changes.add(new HostChange(target, hostPlan, step, sites(target), observations.get(target.name())));
      }
    }
    return changes;
  }

  private SiteEndpoint sites(HostTarget target) {
    HostSpec host = farm.getSpec().getHosts().stream().filter(h -> h.getName().equals(target.name())).findFirst()
        .orElseThrow();
    String address = host.getHttp() == null || host.getHttp().getAddress() == null ? target.endpoint().host()
        : host.getHttp().getAddress();
    Map<Integer, Integer> ports = new HashMap<>();
    if (host.getHttp() != null && host.getHttp().getPorts() != null) {
      for (PortMapping m : host.getHttp().getPorts()) {
        ports.put(m.getBinding(), m.getPort());
      }
    }
    return new SiteEndpoint(address, ports);
  }

  private static HealthSettings health(RolloutSpec rollout, String caPem) {
    var spec = rollout == null ? null : rollout.getHealthCheck();
    if (spec == null || spec.getSites() == null || spec.getSites().isEmpty()) {
      return HealthSettings.NONE;
    }
    List<HealthSettings.SiteCheck> checks = spec.getSites().stream().map(c -> new HealthSettings.SiteCheck(
        c.getSite(), c.getPath(), c.getHost(), c.getScheme() == HttpScheme.HTTPS,
        c.getPort(), c.getExpectedStatus())).toList();
    return new HealthSettings(checks, KubeDuration.parse(spec.getTimeout()), spec.getAttempts(),
        KubeDuration.parse(spec.getInterval()), caPem);
  }
}
