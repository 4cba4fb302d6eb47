package io.iisfarm.operator.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A machine.config or root web.config as read from a host: its exact bytes and what they say.
 * The bytes may hold key material, so {@code toString()} shows only the location and a fingerprint.
 */
public record ConfigFile(
    ConfigLocation location,
    String path,
    byte[] content,
    MachineKeySetting machineKey,
    SessionStateSetting sessionState) {

  public ConfigFile {
    Objects.requireNonNull(location, "location");
    content = content.clone();
  }

  @Override
  public byte[] content() { return content.clone(); }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigFile f && location.equals(f.location) && path.equals(f.path)
        && Arrays.equals(content, f.content) && Objects.equals(machineKey, f.machineKey)
        && Objects.equals(sessionState, f.sessionState);
  }

  @Override
  public int hashCode() { return Objects.hash(location, path, Arrays.hashCode(content)); }

  @Override
  public String toString() {
    return "ConfigFile[" + location.label() + ", " + content.length + " bytes, machineKey="
        + (machineKey == null ? "none" : machineKey.fingerprint()) + "]";
  }
}
