package io.iisfarm.operator.model;

import io.iisfarm.operator.api.ClrRuntime;
import java.util.List;
import java.util.Set;

/**
 * What every host of the farm should hold, resolved from the spec and its Secrets.
 *
 * @param sites site name to ID, names compared case-insensitively
 * @param machineKey the key to hold, or null when the farm does not manage keys
 * @param sessionState expected session state, or null; reported only
 */
public record DesiredFarm(List<DesiredSite> sites, DesiredMachineKey machineKey, SessionStateSetting sessionState) {

  public DesiredFarm {
    sites = List.copyOf(sites);
  }

  public record DesiredSite(String name, long id) {}

  /**
   * @param runtimes runtimes to manage; null means every runtime found on the host
   * @param bitness bitness to manage; null means every bitness found on the host
   */
  public record DesiredMachineKey(MachineKeySetting setting, Set<ClrRuntime> runtimes, Set<Bitness> bitness) {

    public boolean manages(ConfigLocation location) {
      return (runtimes == null || runtimes.contains(location.runtime()))
          && (bitness == null || bitness.contains(location.bitness()));
    }
  }
}
