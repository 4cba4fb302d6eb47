package io.iisfarm.operator.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A machine.config or root web.config as read from a host: its exact bytes and what they say.
 * The bytes may hold key material, so {@code toString()} shows only the location and a fingerprint.
 *
 * @param machineKey the attributes of the machine-level {@code <machineKey>}; null when there is none, when
 *     it is encrypted, or when there are several
 * @param machineKeyElement where and in what form the element is; null when the file holds none
 */
public record ConfigFile(
    ConfigLocation location,
    String path,
    byte[] content,
    MachineKeySetting machineKey,
    SessionStateSetting sessionState,
    MachineKeyElement machineKeyElement) {

  public ConfigFile {
    Objects.requireNonNull(location, "location");
    content = content.clone();
    if (machineKeyElement == null && machineKey != null) {
      machineKeyElement = MachineKeyElement.PLAIN;
    }
  }

  /** A file whose {@code <machineKey>}, if any, is one plain element directly under {@code system.web}. */
  public ConfigFile(ConfigLocation location, String path, byte[] content, MachineKeySetting machineKey,
      SessionStateSetting sessionState) {
    this(location, path, content, machineKey, sessionState, null);
  }

  @Override
  public byte[] content() { return content.clone(); }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigFile f && location.equals(f.location) && path.equals(f.path)
        && Arrays.equals(content, f.content) && Objects.equals(machineKey, f.machineKey)
        && Objects.equals(sessionState, f.sessionState) && Objects.equals(machineKeyElement, f.machineKeyElement);
  }

  @Override
  public int hashCode() { return Objects.hash(location, path, Arrays.hashCode(content)); }

  @Override
  public String toString() {
    String key = machineKey != null ? machineKey.fingerprint()
        : machineKeyElement == null ? "none" : machineKeyElement.encrypted() ? "encrypted" : "unreadable";
    return "ConfigFile[" + location.label() + ", " + content.length + " bytes, machineKey=" + key + "]";
  }
}
