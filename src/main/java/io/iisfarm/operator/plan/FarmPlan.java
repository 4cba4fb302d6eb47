package io.iisfarm.operator.plan;

import java.util.List;
import java.util.Optional;

/** The plan of every host of the farm, in spec order. */
public record FarmPlan(List<HostPlan> hosts) {

  public FarmPlan {
    hosts = List.copyOf(hosts);
  }

  public Optional<HostPlan> host(String name) {
    return hosts.stream().filter(h -> h.host().equals(name)).findFirst();
  }

  /**
   * Some host reported {@link FindingReason#INVALID_SPEC}: no host has steps, and the reconciler must touch
   * no host.
   */
  public boolean invalidSpec() {
    return hosts.stream().anyMatch(h -> h.has(FindingReason.INVALID_SPEC));
  }

  public List<Finding> findings() {
    return hosts.stream().flatMap(h -> h.findings().stream()).toList();
  }

  public int hostsInSync() {
    return (int) hosts.stream().filter(HostPlan::inSync).count();
  }

  public boolean hasSteps() {
    return hosts.stream().anyMatch(h -> !h.steps().isEmpty());
  }
}
