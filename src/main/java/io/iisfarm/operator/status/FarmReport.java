package io.iisfarm.operator.status;

import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.plan.FindingReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one reconcile saw, planned and did: the input of {@link StatusBuilder} and
 * {@link EventRecorder#record}.
 *
 * @param generation the IisFarm's metadata.generation this reconcile worked from
 * @param machineKeysManaged whether spec.machineKey is set
 * @param checkedAt when the hosts were read
 * @param hosts one entry per spec host, in spec order
 * @param blockers farm-level problems (InvalidSpec, SecretMissing, SecretInvalid)
 * @param inFlight host steps being applied right now (recorded before the host is touched)
 * @param gate what the maintenance windows held back; {@link RolloutGate#OPEN} when nothing
 */
public record FarmReport(
    long generation,
    EffectiveMode mode,
    boolean machineKeysManaged,
    Instant checkedAt,
    List<HostReport> hosts,
    List<Blocker> blockers,
    List<InFlightStep> inFlight,
    RolloutGate gate) {

  public FarmReport(long generation, EffectiveMode mode, boolean machineKeysManaged, Instant checkedAt,
      List<HostReport> hosts, List<Blocker> blockers, List<InFlightStep> inFlight) {
    this(generation, mode, machineKeysManaged, checkedAt, hosts, blockers, inFlight, RolloutGate.OPEN);
  }

  public FarmReport {
    gate = gate == null ? RolloutGate.OPEN : gate;
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(checkedAt, "checkedAt");
    hosts = hosts == null ? List.of() : List.copyOf(hosts);
    blockers = blockers == null ? List.of() : List.copyOf(blockers);
    inFlight = inFlight == null ? List.of() : List.copyOf(inFlight);
  }

  public Optional<Blocker> blocker(Blocker.Kind kind) {
    return blockers.stream().filter(b -> b.kind() == kind).findFirst();
  }

  /** InvalidSpec from the spec validator (a blocker) or from the planner (a host finding). */
  public List<String> invalidSpecMessages() {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    blockers.stream().filter(b -> b.kind() == Blocker.Kind.INVALID_SPEC).forEach(b -> out.add(b.message()));
    // one message per finding, naming the hosts it applies to
    Map<String, List<String>> hostsByFinding = new LinkedHashMap<>();
    hosts.forEach(h -> h.plan().findings(FindingReason.INVALID_SPEC).forEach(f ->
        hostsByFinding.computeIfAbsent(f.message(), m -> new ArrayList<>()).add(h.name())));
    hostsByFinding.forEach((message, names) -> out.add(String.join(", ", names) + ": " + message));
    return List.copyOf(out);
  }

  public FarmReport withGate(RolloutGate newGate) {
    return new FarmReport(generation, mode, machineKeysManaged, checkedAt, hosts, blockers, inFlight, newGate);
  }

  public int hostsInSync() {
    return (int) hosts.stream().filter(HostReport::inSync).count();
  }
}
