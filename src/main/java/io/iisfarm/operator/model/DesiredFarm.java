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

    /**
     * What a file of {@code runtime} is given. {@code compatibilityMode} goes into v4.0 files only: the .NET 2.0
     * configuration system knows the attribute only from 2.0 SP2 on, and none of its versions knows
     * {@code Framework45}; an attribute or value it does not know stops every 2.0 application on the host. A
     * v2.0 file therefore holds no {@code compatibilityMode}, and its applications use the 2.0 default
     * ({@code Framework20SP1}).
     */
    public MachineKeySetting settingFor(ClrRuntime runtime) {
      if (runtime == ClrRuntime.V4_0 || setting.compatibilityMode() == null) {
        return setting;
      }
      return new MachineKeySetting(setting.validationKey(), setting.decryptionKey(), setting.validation(),
          setting.decryption(), null);
    }
  }
}
