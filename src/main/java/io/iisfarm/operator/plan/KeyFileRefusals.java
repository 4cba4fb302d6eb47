package io.iisfarm.operator.plan;

import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.MachineKeyElement;
import java.util.Optional;

/** Managed config files the operator must not write, and the finding that says why and what to do. */
final class KeyFileRefusals {
  private KeyFileRefusals() {}

  /**
   * Why nothing may be written into this file: its {@code <machineKey>} is encrypted (the key cannot be read,
   * and a plain element beside the encrypted one would break the file), the runtime's configuration system
   * rejects the element as it is, or machine.config locks the element that this root web.config sets again.
   */
  static Optional<Finding> of(String host, ConfigLocation location, ConfigFile file,
      HostObservation obs) {
    MachineKeyElement element = file.machineKeyElement();
    if (element == null) {
      return Optional.empty();
    }
    if (element.encrypted()) {
      return Optional.of(new Finding(host, FindingReason.MACHINE_KEY_ENCRYPTED, location.label() + " holds an"
          + " encrypted <machineKey> (protected configuration, provider " + element.protectionProvider() + "), so"
          + " its key is unknown and the operator does not write there; to let the operator manage it, decrypt it on"
          + " the host with aspnet_regiis -pd \"system.web/machineKey\"" + (location.kind() == ConfigKind.MACHINE_CONFIG
              ? " -pkm" : "") + " (in the runtime's folder), or keep this host's key by hand and leave it out of"
          + " spec.machineKey.runtimes/bitness"));
    }
    if (element.rejected()) {
      return Optional.of(new Finding(host, FindingReason.MACHINE_KEY_INVALID, location.label() + "'s <machineKey> is"
          + " rejected by the .NET " + location.runtime().wireName() + " configuration system ("
          + String.join("; ", element.problems()) + "), so every ASP.NET " + location.runtime().wireName()
          + " application on the host fails to start; fix the file by hand (the operator writes nothing for "
          + location.runtime().wireName() + "/" + location.bitness().bits() + " while its configuration is rejected)"));
    }
    if (location.kind() == ConfigKind.ROOT_WEB_CONFIG) {
      ConfigLocation machine = new ConfigLocation(location.runtime(), location.bitness(), ConfigKind.MACHINE_CONFIG);
      boolean locked = obs.configFile(machine).map(ConfigFile::machineKeyElement).map(MachineKeyElement::locked)
          .orElse(false);
      if (locked) {
        return Optional.of(new Finding(host, FindingReason.MACHINE_KEY_INVALID, location.label() + " sets a"
            + " <machineKey> although machine.config locks it (<location allowOverride=\"false\">), which the"
            + " configuration system rejects; remove the element from the root web.config by hand (machine.config's"
            + " key is the one that counts; nothing is written for " + location.runtime().wireName() + "/"
            + location.bitness().bits() + " until then)"));
      }
    }
    return Optional.empty();
  }

}
