package io.iisfarm.operator.secrets;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.MachineKeySetting;
import java.util.List;
import java.util.Optional;

/** Picks the key to copy from a host when {@code machineKey.adoptFrom} names it and the Secret is missing. */
public final class KeyAdoption {
  /** The adoption order of docs/design.md §8: newest runtime first, 64-bit before 32-bit. */
  static final List<ConfigLocation> ORDER = List.of(
      new ConfigLocation(ClrRuntime.V4_0, Bitness.B64, ConfigKind.MACHINE_CONFIG),
      new ConfigLocation(ClrRuntime.V4_0, Bitness.B32, ConfigKind.MACHINE_CONFIG),
      new ConfigLocation(ClrRuntime.V2_0, Bitness.B64, ConfigKind.MACHINE_CONFIG),
      new ConfigLocation(ClrRuntime.V2_0, Bitness.B32, ConfigKind.MACHINE_CONFIG));

  private KeyAdoption() {}

  /**
   * The first explicit key in the order v4.0/64, v4.0/32, v2.0/64, v2.0/32. For each, the root web.config's
   * machineKey wins over machine.config's, as ASP.NET reads it, unless machine.config locks it. A runtime whose
   * effective element is encrypted (or duplicated) has no key to read, and is skipped rather than guessed.
   */
  public static Optional<Adopted> pick(HostObservation host) {
    for (ConfigLocation machineConfig : ORDER) {
      Optional<MachineKeySetting> effective = effectiveKey(host, machineConfig);
      if (effective.isPresent() && effective.get().isExplicit()) {
        return Optional.of(new Adopted(machineConfig, effective.get()));
      }
    }
    return Optional.empty();
  }

  private static Optional<MachineKeySetting> effectiveKey(HostObservation host, ConfigLocation machineConfig) {
    ConfigLocation rootWebConfig =
        new ConfigLocation(machineConfig.runtime(), machineConfig.bitness(), ConfigKind.ROOT_WEB_CONFIG);
    Optional<ConfigFile> machine = host.configFile(machineConfig).filter(f -> f.machineKeyElement() != null);
    Optional<ConfigFile> web = host.configFile(rootWebConfig).filter(f -> f.machineKeyElement() != null);
    boolean locked = machine.map(f -> f.machineKeyElement().locked()).orElse(false);
    Optional<ConfigFile> effective = web.isPresent() && !locked ? web : machine;
    return effective.filter(f -> !f.machineKeyElement().rejected()).map(ConfigFile::machineKey);
  }

  /** Whether the host holds a key that cannot be read because it is encrypted (protected configuration). */
  public static boolean holdsEncryptedKey(HostObservation host) {
    return host.configFiles().stream()
        .anyMatch(f -> f.machineKeyElement() != null && f.machineKeyElement().encrypted());
  }

  /** Where the adopted key came from, and the key itself. */
  public record Adopted(ConfigLocation source, MachineKeySetting setting) {}
}
